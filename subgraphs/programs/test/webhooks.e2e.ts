import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Role, type Identity } from '@aleumet/core';
import { TestClock, callSubgraph, serviceIdentity } from '@aleumet/runtime';
import { COMMAND_DOCUMENTS, INTERNAL_SCOPE } from '@aleumet/events';
import { EVENT_ID_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyWebhookSignature } from '@aleumet/webhooks';
import type { Platform } from '@aleumet/platform';
import { startTestPlatform } from '@aleumet/platform/testing';
import { adminIdentity, codes, gql, recipientIdentity, supplierIdentity, tokenFor, world } from '@aleumet/testkit';

/**
 * Measure execution pushed to Е-Собес: a receiver started here (node:http) answers as the test says;
 * deliveries are signed, retried with backoff until a 2xx, idempotent by event id, in order per
 * measure, logged and replayable by an administrator. Recipients 590–592 are this file's.
 */
const clock = new TestClock(new Date());
let platform: Platform;
let url: string;
let admin: string;
let receiver: http.Server;
let receiverUrl: string;
interface Received { eventId: string; timestamp: string; signature: string; body: string; json: any; status: number }
const received: Received[] = [];
/** The receiver's answer to the next delivery of an event (default 200). */
const answers = new Map<string, number[]>();
let failNextOf: ((json: any) => number | null) | null = null;

const CLIENT = `esobes-webhooks-${process.pid}`;
const esobes: Identity = { sub: CLIENT, role: Role.INTEGRATOR, represents: [], scopes: ['programs:read', 'programs:write'], clientId: CLIENT };
let integrator: string;
let secret: string;
let endpointId: string;
let seq = 0;
const unique = (label: string) => `${label}-${process.pid}-${Date.now().toString(36)}-${(seq++).toString(36)}`;

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const json = JSON.parse(body);
      const status = failNextOf?.(json) ?? answers.get(json.id)?.shift() ?? 200;
      received.push({ eventId: String(req.headers[EVENT_ID_HEADER]), timestamp: String(req.headers[TIMESTAMP_HEADER]), signature: String(req.headers[SIGNATURE_HEADER]), body, json, status });
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'try later');
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/aleumet/hooks`;
  // The test clock stands still, so rate-limit buckets would never refill; limits are not what this file tests.
  platform = await startTestPlatform({ clock, gatewayOptions: { security: { rateLimit: false } } });
  url = platform.gateway.url;
  admin = await tokenFor(adminIdentity());
  integrator = await tokenFor(esobes);
});
afterAll(async () => {
  if (endpointId) await gql(url, `mutation($id: ID!) { setWebhookEndpointActive(endpointId: $id, active: false) { id } }`, { id: endpointId }, admin);
  await platform?.close();
  await new Promise((r) => receiver?.close(r));
});

async function ok<T = any>(query: string, vars: Record<string, unknown>, token: string): Promise<T> {
  const r = await gql(url, query, vars, token);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data as T;
}
const REGISTER = `mutation($url: String!, $clientId: String) { registerWebhookEndpoint(url: $url, clientId: $clientId) { secret endpoint { id clientId url active } } }`;
const DELIVERIES = `query($m: ID, $e: ID, $s: WebhookDeliveryStatus) { webhookDeliveries(measureId: $m, endpointId: $e, status: $s, first: 10) {
  nodes { id eventId type status attempts lastStatus lastError nextAttemptAt lastAttemptAt deliveredAt replays body log(first: 5) { nodes { status error } } } } }`;
const PUBLISH = `mutation($input: PublishMeasuresInput!) { publishMeasures(input: $input) { measures { id version status } } }`;
const WITHDRAW = `mutation($input: WithdrawMeasuresInput!) { withdrawMeasures(input: $input) { withdrawn } }`;
const REPLAY = `mutation($id: ID!) { replayWebhookDelivery(id: $id) { id status replays } }`;

const person = (i: number) => world().persons[i]!;
async function publishOne(i: number) {
  const programNumber = unique('IPR-WH');
  const sourceId = unique('SPS-WH');
  const input = { personIin: person(i).iin, programNumber, issuedOn: '2026-11-01', validUntil: '2027-10-31', measures: [{ sourceId, kind: 'S6', itemTypeCode: 'S6-WC-MANUAL', quantity: 1, guaranteedSum: 18_500_000 }] };
  const m = (await ok(PUBLISH, { input }, integrator)).publishMeasures.measures[0];
  return { programNumber, sourceId, measureId: m.id as string };
}
/** This file's endpoint only: an endpoint another run left active (its receiver gone) gets the same events. */
const deliveries = async (measureId: string) => (await ok(DELIVERIES, { m: measureId, e: endpointId }, admin)).webhookDeliveries.nodes as any[];
/** Waits (bounded) until the deliveries of a measure satisfy `done`: the relay queues and sends them in the background. */
async function until(measureId: string, done: (d: any[]) => boolean): Promise<any[]> {
  const end = Date.now() + 10_000;
  while (Date.now() < end) {
    const d = await deliveries(measureId);
    if (done(d)) return d;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`deliveries of ${measureId}: ${JSON.stringify(await deliveries(measureId))}`);
}
const runWebhooks = (personIds: string[]) => platform.runtime.scheduler.runAll({ only: ['programs:webhooks'], scope: { personIds }, strict: true });
const later = (ms: number) => clock.set(new Date(clock.now().getTime() + ms));
const of = (measureId: string) => received.filter((r) => r.json.measure.id === measureId);

describe('registering the endpoint', () => {
  it('an integrator with programs:read registers its own endpoint and gets a secret once; others are refused', async () => {
    expect(codes(await gql(url, REGISTER, { url: receiverUrl }, await tokenFor(supplierIdentity(world().suppliers[0]!.id))))).toEqual(['FORBIDDEN']);
    const noScope = await tokenFor({ ...esobes, scopes: ['orders:read'] });
    expect(codes(await gql(url, REGISTER, { url: receiverUrl }, noScope))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(url, REGISTER, { url: 'ftp://example.kz/hooks' }, integrator))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql(url, REGISTER, { url: 'not a url' }, integrator))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql(url, REGISTER, { url: receiverUrl, clientId: 'someone-else' }, integrator))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(url, REGISTER, { url: receiverUrl }, admin))).toEqual(['BAD_USER_INPUT']);
    const first = (await ok(REGISTER, { url: receiverUrl }, integrator)).registerWebhookEndpoint;
    // Registering again moves the endpoint and issues a new secret; the old one no longer signs.
    const again = (await ok(REGISTER, { url: receiverUrl, clientId: CLIENT }, admin)).registerWebhookEndpoint;
    expect(again.endpoint.id).toBe(first.endpoint.id);
    expect(again.secret).not.toBe(first.secret);
    expect(again.secret).toMatch(/^whsec_/);
    expect(again.endpoint).toMatchObject({ clientId: CLIENT, url: receiverUrl, active: true });
    secret = again.secret;
    endpointId = again.endpoint.id;
    // The secret is never read back.
    expect(codes(await gql(url, `query { webhookEndpoints(first: 5) { nodes { id secret } } }`, {}, integrator))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect((await ok(`query { webhookEndpoints(first: 5) { nodes { id } } }`, {}, integrator)).webhookEndpoints.nodes).toEqual([{ id: endpointId }]);
    const other = await tokenFor({ ...esobes, sub: 'other', clientId: 'other-system' });
    expect((await ok(`query { webhookEndpoints(first: 5) { nodes { id } } }`, {}, other)).webhookEndpoints.nodes).toEqual([]);
  });
});

describe('deliveries', () => {
  it('a cancelled measure is sent signed, retried with backoff after failures until the endpoint acknowledges it', async () => {
    const { programNumber, sourceId, measureId } = await publishOne(590);
    failNextOf = (json) => (json.measure.id === measureId && of(measureId).length < 2 ? (of(measureId).length === 0 ? 500 : 503) : null);
    await ok(WITHDRAW, { input: { programNumber, sourceIds: [sourceId] } }, integrator);
    // Sent at once (the relay wakes the sender): refused with 500.
    let [d] = await until(measureId, (x) => x.length === 1 && x[0].attempts === 1);
    expect(d).toMatchObject({ type: 'measure.cancelled', status: 'PENDING', lastStatus: 500 });
    expect(Date.parse(d.nextAttemptAt) - Date.parse(d.lastAttemptAt)).toBe(30_000);
    // Not due yet: nothing is sent.
    clock.set(new Date(Date.parse(d.lastAttemptAt) + 29_000));
    await runWebhooks([person(590).id]);
    expect(of(measureId)).toHaveLength(1);
    later(1_000);
    await runWebhooks([person(590).id]);
    [d] = await deliveries(measureId);
    expect(d).toMatchObject({ attempts: 2, lastStatus: 503, status: 'PENDING' });
    expect(Date.parse(d.nextAttemptAt) - Date.parse(d.lastAttemptAt)).toBe(60_000); // doubled
    later(60_000);
    await runWebhooks([person(590).id]);
    [d] = await deliveries(measureId);
    expect(d).toMatchObject({ attempts: 3, lastStatus: 200, status: 'DELIVERED', lastError: null });
    expect(d.log.nodes.map((a: any) => a.status)).toEqual([500, 503, 200]);
    // Every attempt: the same event id and body, signed with the endpoint's secret.
    const sent = of(measureId);
    expect(sent).toHaveLength(3);
    expect(new Set(sent.map((s) => s.body)).size).toBe(1);
    for (const s of sent) {
      expect(s.eventId).toBe(d.eventId);
      expect(verifyWebhookSignature({ secret, body: s.body, timestamp: s.timestamp, signature: s.signature })).toBe(true);
      expect(verifyWebhookSignature({ secret: 'whsec_wrong', body: s.body, timestamp: s.timestamp, signature: s.signature })).toBe(false);
      expect(verifyWebhookSignature({ secret, body: s.body.replace('WITHDRAWN', 'EXPIRED'), timestamp: s.timestamp, signature: s.signature })).toBe(false);
    }
    expect(sent[0]!.json).toMatchObject({ id: d.eventId, type: 'measure.cancelled', reason: 'WITHDRAWN', measure: { id: measureId, sourceId, programNumber, status: 'CANCELLED' } });
    // Once acknowledged, nothing more is sent.
    later(3600_000);
    await runWebhooks([person(590).id]);
    expect(of(measureId)).toHaveLength(3);
  });

  it('in order per measure: a later event waits until the earlier one is acknowledged; an administrator replays one', async () => {
    const { programNumber, sourceId, measureId } = await publishOne(591);
    const owner = await tokenFor(recipientIdentity(591));
    failNextOf = (json) => (json.measure.id === measureId && json.type === 'measure.blocked' && of(measureId).length === 0 ? 500 : null);
    // Blocked by the choice-window job 2 months later, re-activated by the person, then withdrawn.
    later(62 * 24 * 3600_000);
    await platform.runtime.scheduler.runAll({ only: ['programs:choice-window'], scope: { personIds: [person(591).id] }, strict: true });
    await until(measureId, (x) => x.length === 1 && x[0].attempts === 1);
    const m = (await ok(`query($id: ID!) { measure(id: $id) { status version } }`, { id: measureId }, owner)).measure;
    expect(m.status).toBe('BLOCKED');
    await ok(`mutation($id: ID!, $v: Int!) { reactivateMeasure(id: $id, version: $v) { status } }`, { id: measureId, v: m.version }, owner);
    await ok(WITHDRAW, { input: { programNumber, sourceIds: [sourceId] } }, integrator);
    const queued = await until(measureId, (x) => x.length === 3);
    expect(queued.map((d) => d.type)).toEqual(['measure.blocked', 'measure.reactivated', 'measure.cancelled']);
    // The first is backing off: the later two were not sent, though the sender ran for each event.
    expect(queued.map((d) => d.attempts)).toEqual([1, 0, 0]);
    expect(of(measureId).map((r) => r.json.type)).toEqual(['measure.blocked']);
    later(31_000);
    await runWebhooks([person(591).id]);
    const done = await deliveries(measureId);
    expect(done.map((d) => d.status)).toEqual(['DELIVERED', 'DELIVERED', 'DELIVERED']);
    expect(of(measureId).map((r) => r.json.type)).toEqual(['measure.blocked', 'measure.blocked', 'measure.reactivated', 'measure.cancelled']);
    expect(of(measureId).map((r) => r.json.measure.version)).toEqual([...of(measureId).map((r) => r.json.measure.version)].sort((a, b) => a - b));

    // Replay: only an administrator; the same event id and body go out again.
    expect(codes(await gql(url, REPLAY, { id: done[1].id }, integrator))).toEqual(['FORBIDDEN']);
    expect((await ok(REPLAY, { id: done[1].id }, admin)).replayWebhookDelivery).toMatchObject({ status: 'PENDING', replays: 1 });
    await runWebhooks([person(591).id]);
    const replayed = of(measureId).at(-1)!;
    expect(replayed.eventId).toBe(done[1].eventId);
    expect(replayed.body).toBe(done[1].body);
    expect((await deliveries(measureId))[1]).toMatchObject({ status: 'DELIVERED', replays: 1 });
    // The integrator reads its own log; another integrator sees none of it.
    expect((await ok(DELIVERIES, { m: measureId, e: endpointId }, integrator)).webhookDeliveries.nodes).toHaveLength(3);
    expect((await ok(DELIVERIES, { m: measureId }, await tokenFor({ ...esobes, sub: 'other', clientId: 'other-system' }))).webhookDeliveries.nodes).toEqual([]);
    expect(codes(await gql(url, DELIVERIES, { m: measureId }, owner))).toEqual(['FORBIDDEN']);
  });

  it('a fulfilled measure is sent with the order and when it was handed over', async () => {
    const w = world();
    const measure = w.measures.find((m) => m.personId === person(592).id && m.status === 'ORDERED')!;
    const order = w.orders.find((o) => o.measureId === measure.id && ['AWAITING_SUPPLIER', 'ACCEPTED', 'READY'].includes(o.status))!;
    const fulfilledAt = new Date('2026-12-05T07:00:00Z');
    const r = await callSubgraph(platform.subgraphs.programs.url, serviceIdentity('orders', [INTERNAL_SCOPE]), COMMAND_DOCUMENTS.programs.internalMeasureFulfilled, {
      commandId: '01937a00-0000-7000-8000-00000000f592', measureId: measure.id, orderId: order.id, supplierId: order.supplierId, fulfilledAt: fulfilledAt.toISOString(),
    });
    expect(r).toEqual({ internalMeasureFulfilled: true });
    const [d] = await until(measure.id, (x) => x.length === 1 && x[0].status === 'DELIVERED');
    expect(JSON.parse(d.body)).toMatchObject({ type: 'measure.fulfilled', orderId: order.id, fulfilledAt: fulfilledAt.toISOString(), measure: { id: measure.id, sourceId: measure.sourceId, status: 'FULFILLED' } });
  });
});
