import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import WebSocket from 'ws';
import { createClient as wsClient, type Client } from 'graphql-ws';
import { TestClock } from '@aleumet/runtime';
import type { Platform } from '@aleumet/platform';
import { startGateway, type RunningGateway } from '@aleumet/gateway';
import { signToken } from '@aleumet/core';
import { startTestPlatform } from '@aleumet/platform/testing';
import { gql, recipientIdentity, supplierIdentity, tokenFor, world } from '@aleumet/testkit';
import { supplierSigned } from '@aleumet/testkit/nca';
import { createClient, eventually, sql } from './helpers.js';
import { awaitingOrdersOf, personIndex, type DemoOrder } from '../awaiting-orders.js';
import { watch } from '../ws-watch.js';

/**
 * graphql-ws on the gateway goes through the same security layer as HTTP: API keys in
 * connection_init, revoked/expired keys closed (4403), trusted documents, limits, rate limit and
 * audit per subscribe message. Orders of recipients 700–799 are this file's.
 */

const DAY = 86_400_000;
const WATCH = `subscription IntegratorWatch($id: ID) { orderStatusChanged(orderId: $id) { cursor status order { id status version } } }`;
const RECIPIENT_WATCH = `subscription RecipientWatch($id: ID) { orderStatusChanged(orderId: $id) { status order { id measure { person { id fullName } } } } }`;
const ORDERS = `query IntegratorOrders { orders(first: 2) { nodes { id status } } }`;
const ACCEPT = `mutation($id: ID!, $v: Int!, $signature: String!, $certificate: String) { acceptOrder(id: $id, version: $v, signature: $signature, certificate: $certificate) { id status version } }`;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
// Deeper than the limit this file's gateway is given (maxDepth 6), valid otherwise.
const DEEP = `subscription Deep { orderStatusChanged { order { measure { person { orders(first: 1) { nodes { measure { person { id } } } } } } } } }`;

// Seeded orders awaiting their supplier of recipients 700–800, kept for this file.
const mine = () => awaitingOrdersOf(700, 800);

let platform: Platform;
let url: string;
let wsUrl: string;
const clock = new TestClock();
const clients: Client[] = [];

beforeAll(async () => {
  platform = await startTestPlatform({ clock, gatewayOptions: { security: { keyCacheMs: 500, limits: { maxDepth: 6 } } } });
  url = platform.gateway.url;
  wsUrl = url.replace(/^http/, 'ws');
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await platform?.close();
});

function connect(connectionParams: Record<string, unknown>, onClosed?: (code: number, reason: string) => void, target = wsUrl): Client {
  const c = wsClient({
    url: target,
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    on: { closed: (e) => onClosed?.((e as { code: number }).code, String((e as { reason?: string }).reason ?? '')) },
  });
  clients.push(c);
  return c;
}

const codesOf = (errors: any[]) => errors.flat().map((e) => e?.extensions?.code);

function closeCode(connectionParams: Record<string, unknown> | undefined): Promise<{ code: number; reason: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(wsUrl, 'graphql-transport-ws');
    ws.on('open', () => ws.send(JSON.stringify({ type: 'connection_init', ...(connectionParams ? { payload: connectionParams } : {}) })));
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
    ws.on('error', reject);
  });
}

async function accept(o: DemoOrder) {
  const supplier = await tokenFor(supplierIdentity(o.supplierId));
  clock.set(new Date(o.createdAt.getTime() + DAY));
  const current = await gql(url, 'query($id: ID!) { order(id: $id) { version } }', { id: o.id }, supplier);
  const r = await gql(url, ACCEPT, await supplierSigned(url, supplier, 'ACCEPT', { id: o.id, v: current.data.order.version }), supplier);
  // Back to the present: keys issued later expire from the people subgraph's clock.
  clock.set(new Date());
  expect(r.errors).toBeUndefined();
}

const settle = (ms = 400) => new Promise((r) => setTimeout(r, ms));

describe('graphql-ws through the security layer', () => {
  it('has enough orders for this file', () => {
    expect(mine().length).toBeGreaterThanOrEqual(3);
  });

  it('an integrator subscribes with its API key (authorization: ApiKey or x-api-key) and receives events; start and events are audited', async () => {
    const o = mine()[0]!;
    const c = await createClient(url, ['orders:read'], { operations: [WATCH, ORDERS] });
    const byHeader = watch(connect({ authorization: `ApiKey ${c.key}` }), { query: WATCH, variables: { id: o.id } });
    // Only the hash of the registered document (query left empty), under the other header name.
    const byHash = watch(connect({ 'X-Api-Key': c.key }), { query: '', variables: { id: o.id }, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(WATCH) } } });
    await settle();
    await accept(o);
    const [a] = await byHeader.waitFor(1);
    const [b] = await byHash.waitFor(1);
    expect(a).toMatchObject({ orderStatusChanged: { status: 'ACCEPTED', order: { id: o.id, status: 'ACCEPTED' } } });
    expect(b).toEqual(a);

    // Queries over the same socket run through the same checks (registered, audited).
    const q = connect({ authorization: `ApiKey ${c.key}` });
    const rows = await new Promise<any>((resolve, reject) => q.subscribe({ query: ORDERS }, { next: resolve, error: reject, complete: () => {} }));
    expect(rows.errors).toBeUndefined();
    expect(rows.data.orders.nodes).toHaveLength(2);

    const audit = await eventually(
      () => sql(`select * from people.audit_entry where client_id = $1 order by id`, [c.clientId]),
      (r) => r.filter((x) => x.operation_type === 'subscription').length >= 4 && r.some((x) => x.operation_type === 'query'),
    );
    const subs = audit.filter((x) => x.operation_type === 'subscription');
    const starts = subs.filter((x) => x.entity_ids.every((e: string) => !e.startsWith('Order:')));
    const events = subs.filter((x) => x.entity_ids.includes(`Order:${o.id}`));
    expect(starts).toHaveLength(2);
    expect(events).toHaveLength(2);
    for (const row of subs) {
      expect(row).toMatchObject({ actor_role: 'INTEGRATOR', actor_sub: c.clientId, operation_name: 'IntegratorWatch', document_hash: sha256(WATCH), outcome: 'OK' });
    }
    // The start records the order id filter; each event the ids it delivered, under the start's request id.
    for (const s of starts) expect(s.entity_ids).toContain(`orderId:${o.id}`);
    expect(new Set(events.map((e) => e.request_id))).toEqual(new Set(starts.map((s) => s.request_id)));
    expect(audit.find((x) => x.operation_type === 'query')).toMatchObject({ operation_name: 'IntegratorOrders', outcome: 'OK' });
    byHeader.stop();
    byHash.stop();
  });

  it('a recipient\'s subscription is audited with the person whose data each event carried', async () => {
    const o = mine()[1]!;
    const identity = recipientIdentity(personIndex(o.personId));
    const w = watch(connect({ authorization: `Bearer ${await tokenFor(identity)}` }), { query: RECIPIENT_WATCH, variables: { id: o.id } });
    await settle();
    await accept(o);
    await w.waitFor(1);
    const rows = await eventually(
      () => sql(`select * from people.audit_entry where actor_sub = $1 and operation_name = 'RecipientWatch' order by id`, [identity.sub]),
      (r) => r.length >= 2,
    );
    expect(rows[0].entity_ids).toContain(`orderId:${o.id}`);
    expect(rows[1].person_ids).toEqual([o.personId]);
    expect(rows[1].on_behalf_of).toEqual([o.personId]);
    expect(rows[1].entity_ids).toEqual(expect.arrayContaining([`Order:${o.id}`, `Person:${o.personId}`]));
    w.stop();
  });

  it('closes connections without credentials (4401), with a wrong, revoked or expired key (4403)', async () => {
    expect((await closeCode(undefined)).code).toBe(4401);
    expect((await closeCode({ authorization: 'ApiKey alk_nonsense' })).code).toBe(4403);
    const revoked = await createClient(url, ['orders:read'], { operations: [WATCH] });
    await gql(url, `mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`, { id: revoked.keyRowId }, revoked.admin);
    await settle(600);
    expect(await closeCode({ authorization: `ApiKey ${revoked.key}` })).toEqual({ code: 4403, reason: 'Forbidden: API key revoked' });
    const expired = await createClient(url, ['orders:read'], { operations: [WATCH] });
    await sql(`update people.api_key set expires_at = now() - interval '1 minute' where key_id = $1`, [expired.keyId]);
    await settle(600);
    expect(await closeCode({ 'x-api-key': expired.key })).toEqual({ code: 4403, reason: 'Forbidden: API key expired' });
  });

  it('an open connection whose key is revoked is closed with 4403', async () => {
    const c = await createClient(url, ['orders:read'], { operations: [WATCH] });
    let closed: { code: number; reason: string } | undefined;
    const w = watch(connect({ authorization: `ApiKey ${c.key}` }, (code, reason) => (closed = { code, reason })), { query: WATCH, variables: { id: mine()[2]!.id } });
    await settle();
    expect(w.errors).toEqual([]);
    await gql(url, `mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`, { id: c.keyRowId }, c.admin);
    const until = Date.now() + 8000;
    while (!closed && Date.now() < until) await settle(100);
    expect(closed).toEqual({ code: 4403, reason: 'Forbidden: API key revoked' });
  });

  it('a connection authenticated by a bearer token is closed with 4401 when the token expires', async () => {
    const o = mine()[3]!;
    const token = await signToken(recipientIdentity(personIndex(o.personId)), '2s');
    let closed: { code: number; reason: string } | undefined;
    const w = watch(connect({ authorization: `Bearer ${token}` }, (code, reason) => (closed = { code, reason })), { query: WATCH, variables: { id: o.id } });
    await settle();
    expect(w.errors).toEqual([]);
    expect(closed).toBeUndefined();
    const until = Date.now() + 10_000;
    while (!closed && Date.now() < until) await settle(100);
    expect(closed?.code).toBe(4401);
  });

  it('an integrator runs only its registered documents over graphql-ws (error message OPERATION_NOT_TRUSTED)', async () => {
    const c = await createClient(url, ['orders:read'], { operations: [WATCH] });
    const client = connect({ authorization: `ApiKey ${c.key}` });
    const other = watch(client, { query: `subscription Other { orderStatusChanged { status } }` });
    const errors = await other.failed();
    expect(codesOf(errors)).toEqual(['OPERATION_NOT_TRUSTED']);
    expect(JSON.stringify(errors)).not.toMatch(/stack|at .*\.js/);
    const spaced = watch(client, { query: `${WATCH} ` });
    expect(codesOf(await spaced.failed())).toEqual(['OPERATION_NOT_TRUSTED']);
    const unknownHash = watch(client, { query: '', extensions: { persistedQuery: { version: 1, sha256Hash: sha256('subscription X { orderStatusChanged { status } }') } } });
    expect(codesOf(await unknownHash.failed())).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    // The connection is still usable for its registered document.
    const ok = watch(client, { query: WATCH });
    await settle();
    expect(ok.errors).toEqual([]);
    ok.stop();
    const refused = await eventually(
      () => sql(`select * from people.audit_entry where client_id = $1 and outcome = 'ERROR'`, [c.clientId]),
      (r) => r.length >= 2,
    );
    expect(refused.map((r) => r.error_codes).flat()).toContain('OPERATION_NOT_TRUSTED');
  });

  it('limits apply to subscriptions: depth and aliases give QUERY_TOO_COMPLEX', async () => {
    const token = await tokenFor(recipientIdentity(personIndex(mine()[0]!.personId)));
    const client = connect({ authorization: `Bearer ${token}` });
    const deep = watch(client, { query: DEEP });
    const deepErrors = await deep.failed();
    expect(codesOf(deepErrors)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(deepErrors[0].message).toMatch(/depth/i);
    const aliases = Array.from({ length: 25 }, (_, i) => `a${i}: status`).join(' ');
    const many = watch(client, { query: `subscription Many { orderStatusChanged { ${aliases} } }` });
    expect(codesOf(await many.failed())).toEqual(['QUERY_TOO_COMPLEX']);
  });

  it('subscribe messages count against the client\'s rate limit (RATE_LIMITED with retryAfterSeconds)', async () => {
    const c = await createClient(url, ['orders:read'], { operations: [WATCH], rateLimitPerMinute: 2 });
    const client = connect({ authorization: `ApiKey ${c.key}` });
    const first = watch(client, { query: WATCH });
    const second = watch(client, { query: WATCH });
    await settle();
    const third = watch(client, { query: WATCH });
    const errors = await third.failed();
    expect(codesOf(errors)).toEqual(['RATE_LIMITED']);
    expect(errors[0].extensions.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(errors[0].extensions.http).toBeUndefined();
    expect(first.errors).toEqual([]);
    expect(second.errors).toEqual([]);
    first.stop();
    second.stop();
  });
});

describe('graphql-ws in production mode', () => {
  let prod: RunningGateway;
  const WEB_DOC = `subscription WebWatch($id: ID) { orderStatusChanged(orderId: $id) { status } }`;
  beforeAll(async () => {
    // A second gateway on the same subgraphs, with production hardening and one web document.
    prod = await startGateway({
      supergraphPath: (await import('@aleumet/platform')).SUPERGRAPH_PATH,
      port: 0,
      host: '127.0.0.1',
      subgraphUrls: Object.fromEntries(Object.values(platform.subgraphs).map((s) => [s.name, s.url])),
      security: { mode: 'production', databaseUrl: platform.databaseUrl, trustedDocuments: { documents: [WEB_DOC] } },
    });
  });
  afterAll(() => prod?.close());

  it('browsers run only the web app\'s documents', async () => {
    const token = await tokenFor(recipientIdentity(personIndex(mine()[0]!.personId)));
    const client = connect({ authorization: `Bearer ${token}` }, undefined, prod.url.replace(/^http/, 'ws'));
    const foreign = watch(client, { query: `subscription NotWeb { orderStatusChanged { status } }` });
    expect(codesOf(await foreign.failed())).toEqual(['OPERATION_NOT_TRUSTED']);
    const web = watch(client, { query: WEB_DOC, variables: { id: mine()[0]!.id } });
    await settle();
    expect(web.errors).toEqual([]);
    web.stop();
  });
});
