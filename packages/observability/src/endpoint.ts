import http from 'node:http';
import type { ServiceMetrics } from './metrics.js';

/** Answers a Prometheus scrape (`GET /metrics`). */
export function sendMetrics(metrics: ServiceMetrics, res: http.ServerResponse): void {
  metrics.exposition().then(
    ({ contentType, body }) => {
      res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' });
      res.end(body);
    },
    (e: Error) => {
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`metrics unavailable: ${e.message}\n`);
    },
  );
}

/**
 * A listener of its own for `/metrics` (the gateway's: its main port is public, so the scrape endpoint
 * sits on a port only the monitoring network reaches). Answers `/metrics` and nothing else.
 */
export function metricsServer(metrics: ServiceMetrics): http.Server {
  return http.createServer((req, res) => {
    if ((req.url ?? '/').split('?')[0] === '/metrics' && (req.method === 'GET' || req.method === 'HEAD')) return sendMetrics(metrics, res);
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('not found\n');
  });
}
