import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { trace } from '@opentelemetry/api';
import { injectTraceContext, startTracing, tracingOn } from '../src/index.js';

describe('tracing', () => {
  it('is off without OTEL_EXPORTER_OTLP_ENDPOINT: nothing registered, no traceparent sent', () => {
    expect(startTracing({ env: {} })).toBeNull();
    expect(tracingOn()).toBe(false);
    expect(injectTraceContext({ a: '1' })).toEqual({ a: '1' });
    expect(trace.getTracer('x').startSpan('s').spanContext().traceFlags).toBe(0);
  });

  it('with an OTLP endpoint: sends traceparent inside a span, and exports the spans over OTLP/HTTP to that endpoint', async () => {
    // A local OTLP/HTTP receiver: it records what is POSTed to /v1/traces.
    const received: { path: string; type: string; bytes: number }[] = [];
    const collector = http.createServer((req, res) => {
      let bytes = 0;
      req.on('data', (c: Buffer) => (bytes += c.length));
      req.on('end', () => {
        received.push({ path: req.url ?? '', type: String(req.headers['content-type']), bytes });
        res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
      });
    });
    await new Promise<void>((r) => collector.listen(0, '127.0.0.1', r));
    const tracing = startTracing({ env: { OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(collector.address() as AddressInfo).port}` } })!;
    try {
      expect(tracingOn()).toBe(true);
      const headers = trace.getTracer('x').startActiveSpan('t', (active) => {
        const h = injectTraceContext({});
        active.end();
        return h;
      });
      expect(headers.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
      await tracing.forceFlush();
      expect(received).toEqual([{ path: '/v1/traces', type: 'application/json', bytes: expect.any(Number) }]);
      expect(received[0]!.bytes).toBeGreaterThan(20);
    } finally {
      await tracing.shutdown();
      await new Promise((r) => collector.close(r));
    }
  });
});
