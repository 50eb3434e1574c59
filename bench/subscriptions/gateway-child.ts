/**
 * The gateway under test, in its own process so its memory is measured alone.
 * Started by run.ts with BENCH_* variables; answers `stats` messages over IPC.
 */
import 'reflect-metadata';
import { readdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { startGateway } from '@aleumet/gateway';

const gateway = await startGateway({
  supergraphPath: process.env.BENCH_SUPERGRAPH!,
  port: 0,
  subgraphUrls: JSON.parse(process.env.BENCH_SUBGRAPH_URLS!) as Record<string, string>,
  security: { databaseUrl: process.env.BENCH_DATABASE_URL! },
  ...(process.env.BENCH_CALLERS_WINDOW_MS !== undefined ? { callersWindowMs: Number(process.env.BENCH_CALLERS_WINDOW_MS) } : {}),
} as Parameters<typeof startGateway>[0]);

process.on('message', (msg: { type: string; fds?: boolean }) => {
  if (msg.type === 'stats') {
    // memoryUsage() reads /proc: at the descriptor limit it throws EMFILE (which, unhandled here, once ended this process).
    let m: { rss: number; heapUsed: number; external: number };
    try {
      m = process.memoryUsage();
    } catch {
      m = { rss: NaN, heapUsed: NaN, external: NaN };
    }
    // Counting descriptors lists /proc/self/fd (10,000 entries at 10,000 subscribers): only when asked.
    let fds = NaN;
    try {
      if (msg.fds) fds = readdirSync('/proc/self/fd').length;
    } catch {
      // EMFILE or no /proc
    }
    process.send!({
      type: 'stats', fds, rss: m.rss, heapUsed: m.heapUsed, external: m.external, cpu: process.cpuUsage(), elu: performance.eventLoopUtilization(),
      subgraphRequests: gateway.transport.stats.subgraphRequests, subgraphConnections: gateway.transport.stats.connections,
      ...gateway.subscriptions.engine.stats(),
    });
  }
  if (msg.type === 'close') void gateway.close().then(() => process.exit(0));
});
process.send!({ type: 'ready', url: gateway.url });
