import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import { startTracing, type Tracing } from '@aleumet/observability';
import { startTestPlatform } from '@aleumet/platform/testing';
import type { Platform } from '@aleumet/platform';
import { recipientIdentity, tokenFor, world } from '@aleumet/testkit';
import { DASHBOARD } from '../../bench/src/queries.js';

/** One trace per request, from the gateway into each subgraph it calls (W3C traceparent), seen by an in-memory exporter. */
const exporter = new InMemorySpanExporter();
let tracing: Tracing;
let platform: Platform;
beforeAll(async () => {
  tracing = startTracing({ exporter })!;
  platform = await startTestPlatform();
});
afterAll(async () => {
  await platform?.close();
  await tracing?.shutdown();
});

describe('traces', () => {
  it('is started once per process', () => {
    expect(startTracing({ env: {} })).toBe(tracing);
  });

  it('a dashboard query is one trace: the gateway\'s request, its plan and fetches, and the orders and finance subgraphs\' requests under it', async () => {
    const i = [...Array(100).keys()].map((k) => 950 + k).find((n) => world().orders.some((o) => o.personId === world().persons[n]?.id && o.status !== 'CANCELLED'))!;
    exporter.reset();
    const res = await fetch(platform.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor(recipientIdentity(i))}` },
      body: JSON.stringify({ query: DASHBOARD, variables: { first: 10 } }),
    });
    expect((await res.json()).errors).toBeUndefined();
    const requestId = res.headers.get('x-request-id');
    await tracing.forceFlush();
    // Subgraph spans end with their answers, before the gateway's: wait for the gateway's.
    const until = Date.now() + 5_000;
    const root = () => exporter.getFinishedSpans().find((s) => s.attributes['aleumet.request_id'] === requestId && s.attributes['aleumet.service'] === 'gateway');
    while (!root() && Date.now() < until) await new Promise((r) => setTimeout(r, 25));
    const gateway = root()!;
    expect(gateway).toBeDefined();
    expect(gateway.attributes).toMatchObject({ 'graphql.operation.name': 'Dashboard', 'aleumet.outcome': 'ok' });
    const traceId = gateway.spanContext().traceId;
    const inTrace = exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId);
    const services = new Set(inTrace.map((s) => s.attributes['aleumet.service']).filter(Boolean));
    for (const s of ['gateway', 'people', 'programs', 'orders', 'catalog', 'finance']) expect(services, s).toContain(s);
    // Each subgraph request has a parent in the trace (the gateway's fetch), and every subgraph span carries the same request id.
    const ids = new Set(inTrace.map((s) => s.spanContext().spanId));
    for (const s of inTrace.filter((x) => x.attributes['aleumet.service'] && x.attributes['aleumet.service'] !== 'gateway')) {
      expect(ids.has(s.parentSpanContext!.spanId), String(s.name)).toBe(true);
      expect(s.attributes['aleumet.request_id']).toBe(requestId);
    }
    // @apollo/gateway's own spans (plan, fetch) are in the same trace.
    expect(inTrace.map((s) => s.name)).toEqual(expect.arrayContaining([expect.stringMatching(/plan/), expect.stringMatching(/fetch/)]));

    // Inside the orders and finance requests: a span per DataLoader batch and, below each, its SQL statement.
    const byId = new Map(inTrace.map((s) => [s.spanContext().spanId, s]));
    const ancestors = (s: (typeof inTrace)[number]) => {
      const out: typeof inTrace = [];
      for (let p = byId.get(s.parentSpanContext?.spanId ?? ''); p; p = byId.get(p.parentSpanContext?.spanId ?? '')) out.push(p);
      return out;
    };
    for (const service of ['orders', 'finance']) {
      const requests = inTrace.filter((s) => s.attributes['aleumet.service'] === service);
      expect(requests.length, service).toBeGreaterThan(0);
      // gateway → subgraph: every request of the subgraph is below the gateway's span.
      for (const r of requests) expect(ancestors(r), service).toContain(gateway);
      const below = inTrace.filter((s) => ancestors(s).some((a) => requests.includes(a)));
      const batches = below.filter((s) => s.attributes['dataloader.name']);
      const statements = below.filter((s) => s.attributes['db.system'] === 'postgresql');
      expect(batches.length, `${service}: DataLoader batches`).toBeGreaterThan(0);
      expect(statements.length, `${service}: SQL statements`).toBeGreaterThan(0);
      for (const b of batches) expect(Number(b.attributes['dataloader.batch_size'])).toBeGreaterThan(0);
      // A batch's statement is its child; statements name their schema and never carry literals.
      expect(statements.some((q) => batches.includes(byId.get(q.parentSpanContext!.spanId)!)), `${service}: a statement under a batch`).toBe(true);
      for (const q of statements) {
        expect(q.name).toMatch(new RegExp(`^[A-Z]+ ${service}$`));
        expect(String(q.attributes['db.query.text'])).not.toMatch(/'/);
      }
    }
    // Finance's claim batch reads finance's own table.
    expect(inTrace.some((s) => s.attributes['dataloader.name'] === 'ReimbursementClaim by orderId')).toBe(true);
  });
});
