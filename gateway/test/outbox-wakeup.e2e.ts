/**
 * The outbox relay publishes an event when the transaction that wrote it commits — not at the next
 * poll — even when the transaction flushed before committing and another transaction committed in
 * between (regression: the wake-up was used up by those, and events waited for the poll, up to 1 s
 * in the subscription benchmark). The poll is set to 10 minutes here. Persons 612–613 belong to this file.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';
import { recordEvent } from '@aleumet/events';
import type { Platform } from '@aleumet/platform';
import { startTestPlatform } from '@aleumet/platform/testing';
import { integratorIdentity, tokenFor, world } from '@aleumet/testkit';

let platform: Platform;
let client: Client;
const pollBefore = process.env.OUTBOX_POLL_MS;

beforeAll(async () => {
  process.env.OUTBOX_POLL_MS = '600000';
  platform = await startTestPlatform();
});
afterAll(async () => {
  await client?.dispose();
  await platform?.close();
  if (pollBefore === undefined) delete process.env.OUTBOX_POLL_MS;
  else process.env.OUTBOX_POLL_MS = pollBefore;
});

it('publishes at commit an event whose transaction flushed early while another transaction committed', async () => {
  const measure = world().measures.find((m) => m.personId === world().persons[612]!.id)!;
  const other = world().measures.find((m) => m.personId === world().persons[613]!.id)!;
  const got: { measureId: string; version: number; at: number }[] = [];
  client = createClient({
    url: platform.gateway.url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${await tokenFor(integratorIdentity(['programs:read']))}` },
    retryAttempts: 0,
  });
  client.subscribe(
    { query: `subscription($m: ID) { measureStatusChanged(measureId: $m) { measureId version } }`, variables: { m: measure.id } },
    { next: (r) => got.push({ ...(r.data!.measureStatusChanged as { measureId: string; version: number }), at: Date.now() }), error: (e) => got.push(e as never), complete: () => {} },
  );
  await new Promise((r) => setTimeout(r, 500));

  const orm = platform.subgraphs.programs.orm;
  let committed = 0;
  let other2: Promise<unknown> | undefined;
  await orm.em.fork().transactional(async (tx) => {
    recordEvent(tx, {
      type: 'MEASURE_STATUS_CHANGED', entityType: 'Measure', entityId: measure.id, status: measure.status, version: 1_000,
      payload: { personId: measure.personId, regionCode: measure.regionCode, measureId: measure.id, orderId: null },
    });
    await tx.flush();
    // Meanwhile another transaction (an outbox row of another measure) commits — on a PostgreSQL server before
    // this one; the embedded database runs one transaction at a time, so there it commits after (not awaited here).
    other2 = orm.em.fork().transactional(async (tx2) => {
      recordEvent(tx2, {
        type: 'MEASURE_STATUS_CHANGED', entityType: 'Measure', entityId: other.id, status: other.status, version: 1_000,
        payload: { personId: other.personId, regionCode: other.regionCode, measureId: other.id, orderId: null },
      });
    });
    await new Promise((r) => setTimeout(r, 300));
  });
  committed = Date.now();
  for (const until = Date.now() + 5_000; got.length === 0 && Date.now() < until; ) await new Promise((r) => setTimeout(r, 20));
  expect(got).toHaveLength(1);
  expect(got[0]).toMatchObject({ measureId: measure.id, version: 1_000 });
  expect(got[0]!.at - committed).toBeLessThan(3_000);
  await other2;
});
