import { captureLogs } from '@aleumet/observability';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import WebSocket from 'ws';
import { createClient as wsClient, type Client } from 'graphql-ws';
import type { Platform } from '@aleumet/platform';
import { SUPERGRAPH_PATH } from '@aleumet/platform';
import { startGateway, type RunningGateway } from '@aleumet/gateway';
import { startTestPlatform } from '@aleumet/platform/testing';
import { adminIdentity, codes, gql, integratorIdentity, tokenFor, world } from '@aleumet/testkit';
import { createClient, eventually, post, sql, withKey } from './helpers.js';
import { watch } from '../ws-watch.js';

/**
 * The integrator contract at the gateway: errors without internals and with HTTP 401 when a caller was
 * needed, one request id everywhere, FORBIDDEN naming the scope (also at subscribe time), `first: 0`,
 * and revocation that takes effect at once. Runs on both databases (embedded: no DATABASE_URL).
 * Recipients 440–499 are this file's.
 */

const embedded = !process.env.DATABASE_URL;
let platform: Platform;
let url: string;
let production: RunningGateway;
const sockets: Client[] = [];

beforeAll(async () => {
  // The default key cache (5 s): revocation must not depend on it.
  platform = await startTestPlatform();
  url = platform.gateway.url;
  // The same subgraphs behind a production-mode gateway.
  production = await startGateway({
    supergraphPath: SUPERGRAPH_PATH,
    port: 0,
    subgraphUrls: Object.fromEntries(Object.entries(platform.subgraphs).map(([name, s]) => [name, s.url])),
    security: { mode: 'production', databaseUrl: inject('databaseUrl') },
    entityCache: false,
  });
});
afterAll(async () => {
  await Promise.all(sockets.map((c) => c.dispose()));
  await production?.close();
  await platform?.close();
});

/** Nothing of our internals in what a client receives. */
function expectNoInternals(body: unknown) {
  const text = JSON.stringify(body);
  expect(text).not.toContain('serviceName');
  expect(text).not.toContain('"response"');
  expect(text).not.toMatch(/https?:\/\//);
  expect(text).not.toContain('"cache"');
  expect(text).not.toContain('tags');
  expect(text).not.toContain('stacktrace');
}

function connect(target: string, connectionParams: Record<string, unknown>, onClosed?: (code: number) => void): Client {
  const c = wsClient({
    url: target.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    lazy: false,
    // The closes under test are expected: graphql-ws would print each.
    onNonLazyError: () => {},
    on: { closed: (e) => onClosed?.((e as { code: number }).code) },
  });
  sockets.push(c);
  return c;
}

const MEASURE_FOR_CHOICE = 'query MeasureForChoice($id: ID!) { __typename measure(id: $id) { __typename daysLeftToChoose guaranteedSum id itemTypeCode kind quantity regionCode status } }';
const ORDERS = 'query IntegratorOrders { orders(first: 2) { nodes { id status } } }';

describe('errors: HTTP 401 without a caller, nothing internal, in both modes', () => {
  for (const mode of ['development', 'production'] as const) {
    it(`${mode}: no credentials, or a misspelled header, answer 401 UNAUTHENTICATED with the subgraph's own message`, async () => {
      const target = mode === 'production' ? production.url : url;
      const measureId = '0192f7c0-0000-7000-8000-000000000000';
      for (const headers of [{}, { 'Api-Key': 'alk_0000000000000000_x' }, { Api_Key: 'whatever' }]) {
        const res = await post(target, { query: MEASURE_FOR_CHOICE, variables: { id: measureId } }, headers);
        expect(res.status).toBe(401);
        expect(codes(res)).toEqual(['UNAUTHENTICATED']);
        expect(res.errors![0]!.message).toBe('Authentication required');
        expect(res.errors![0]!.path).toEqual(['measure']);
        expect(res.errors![0]!.extensions).toEqual({ code: 'UNAUTHENTICATED' });
        expectNoInternals(res);
      }
    });

    it(`${mode}: a field refused for a missing scope is FORBIDDEN naming the scope; other fields are answered; no internals`, async () => {
      const target = mode === 'production' ? production.url : url;
      const query = 'query OrdersWithClaims { orders(first: 3) { nodes { id claim { id } } } }';
      const c = await createClient(url, ['orders:read'], { operations: [query] });
      const res = await withKey(target, c.key, query);
      expect(res.status).toBe(200);
      expect(res.data.orders.nodes.length).toBeGreaterThan(0);
      const refused = (res.errors ?? []).filter((e) => e.path?.[e.path.length - 1] === 'claim');
      // Every order row whose claim exists answers FORBIDDEN, with the scope named.
      for (const e of refused) expect(e).toMatchObject({ message: 'Scope finance:read required', extensions: { code: 'FORBIDDEN' } });
      expect(codes(res).every((code) => code === 'FORBIDDEN')).toBe(true);
      expectNoInternals(res);
    });
  }

  it('an anonymous mutation that needs a caller: 401 with only the UNAUTHENTICATED error', async () => {
    const res = await post(url, { query: 'mutation { createIntegratorClient(input: { name: "anonymous-attempt", scopes: [] }) { id } }' });
    expect(res.status).toBe(401);
    expect(codes(res)).toEqual(['UNAUTHENTICATED']);
    expectNoInternals(res);
  });

  it('a resolver error keeps its code, message and path; no serviceName', async () => {
    const admin = await tokenFor(adminIdentity());
    const res = await gql(url, 'query { order(id: "not-a-uuid") { id } }', {}, admin);
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(Object.keys(res.errors![0]!.extensions!).sort()).toEqual(['code', 'field']);
    expectNoInternals(res);
  });
});

describe('one request id per request', () => {
  it('is on every response, forwarded to the subgraph, used by its masked error and log line, and in the audit row', async () => {
    const query = 'query Fulfilments { fulfilments(first: 5) { nodes { sourceId } } }';
    // Another page size than the first request: the entity cache must not answer it.
    const failing = 'query FulfilmentsAgain { fulfilments(first: 6) { nodes { sourceId } } }';
    const c = await createClient(url, ['programs:read'], { operations: [query, failing] });
    const ok = await withKey(url, c.key, query);
    expect(ok.errors).toBeUndefined();
    const okId = ok.headers.get('x-request-id');
    expect(okId).toMatch(/^[0-9a-f-]{36}$/);
    expect(ok.headers.get('x-correlation-id')).toBe(okId);
    const anonymous = await post(url, { query: MEASURE_FOR_CHOICE, variables: { id: 'x' } });
    expect(anonymous.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(anonymous.headers.get('x-request-id')).not.toBe(okId);

    // A real internal error in the programs subgraph: its table is away for a moment.
    const logs = captureLogs();
    await sql('alter table programs.fulfilment rename to fulfilment_away');
    let res: Awaited<ReturnType<typeof withKey>>;
    let masked: { name: string; correlationId: string; err: { message: string } }[];
    try {
      res = await withKey(url, c.key, failing);
    } finally {
      await sql('alter table programs.fulfilment_away rename to fulfilment');
      logs.stop();
      masked = logs.lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'internal error (masked)');
    }
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers.get('x-correlation-id')).toBe(id);
    expect(codes(res)).toEqual(['INTERNAL_SERVER_ERROR']);
    expect(res.errors![0]!.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', correlationId: id });
    expectNoInternals(res);
    // The subgraph logged the cause under the same id (its log line names the missing table).
    expect(masked.some((l) => l.name === 'programs' && l.correlationId === id && l.err.message.includes('fulfilment'))).toBe(true);
    expect(masked.every((l) => l.correlationId === id)).toBe(true);
    // And the audit row of the request.
    const rows = await eventually(() => sql(`select request_id, outcome, error_codes from people.audit_entry where client_id = $1 and request_id = $2`, [c.clientId, id]), (r) => r.length > 0);
    expect(rows).toEqual([{ request_id: id, outcome: 'ERROR', error_codes: ['INTERNAL_SERVER_ERROR'] }]);
  });
});

describe('first: 0', () => {
  it('answers no rows and whether rows exist', async () => {
    const admin = await tokenFor(adminIdentity());
    const res = await gql(url, '{ orders(first: 0) { nodes { id } pageInfo { hasNextPage endCursor } } }', {}, admin);
    expect(res.errors).toBeUndefined();
    expect(res.data.orders).toEqual({ nodes: [], pageInfo: { hasNextPage: true, endCursor: null } });
    const measures = await gql(url, '{ measures(first: 0) { nodes { id } pageInfo { hasNextPage } } }', {}, admin);
    expect(measures.data.measures).toEqual({ nodes: [], pageInfo: { hasNextPage: true } });
  });
});

describe('subscriptions outside the scopes are refused at subscribe time', () => {
  const ORDER_WATCH = 'subscription OrderWatch { orderStatusChanged { cursor status } }';
  const INCOMING = 'subscription Incoming { incomingOrders { cursor status } }';
  const MEASURE_WATCH = 'subscription MeasureWatch { measureStatusChanged { cursor status } }';

  it('FORBIDDEN naming the scope, as a graphql-ws error message; the connection stays open', async () => {
    const programsOnly = await createClient(url, ['programs:read'], { operations: [ORDER_WATCH, INCOMING, MEASURE_WATCH] });
    let closed: number | undefined;
    const socket = connect(url, { authorization: `ApiKey ${programsOnly.key}` }, (code) => (closed = code));
    for (const query of [ORDER_WATCH, INCOMING]) {
      const errors = await watch(socket, { query }).failed();
      expect(errors.map((e: any) => e.extensions?.code)).toEqual(['FORBIDDEN']);
      expect(errors[0].message).toBe('Scope orders:read required');
      expectNoInternals(errors);
    }
    const ordersOnly = await createClient(url, ['orders:read'], { operations: [MEASURE_WATCH] });
    const other = connect(url, { 'x-api-key': ordersOnly.key });
    const refused = await watch(other, { query: MEASURE_WATCH }).failed();
    expect(refused.map((e: any) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(refused[0].message).toBe('Scope programs:read required');
    // The allowed subscription on the same socket runs (no error within a moment) and the socket is open.
    const allowed = watch(socket, { query: MEASURE_WATCH });
    await new Promise((r) => setTimeout(r, 500));
    expect(allowed.errors).toEqual([]);
    expect(closed).toBeUndefined();
    allowed.stop();
  });
});

describe('revocation takes effect at once', () => {
  const ORDER_WATCH = 'subscription RevokedWatch { orderStatusChanged { cursor status } }';
  const admin = () => tokenFor(adminIdentity());

  it('a revoked key is refused on the next request, its client-credential token too, and its open socket closes within a second', async () => {
    const c = await createClient(url, ['orders:read'], { operations: [ORDERS, ORDER_WATCH] });
    expect((await withKey(url, c.key, ORDERS)).errors).toBeUndefined();
    const tokenRes = await fetch(url.replace(/\/graphql$/, '/oauth/token'), { method: 'POST', body: new URLSearchParams({ grant_type: 'client_credentials', client_secret: c.key }) });
    const { access_token: token } = (await tokenRes.json()) as { access_token: string };
    expect((await post(url, { query: ORDERS }, { authorization: `Bearer ${token}` })).errors).toBeUndefined();
    let closedAt: number | undefined;
    let code: number | undefined;
    const socket = connect(url, { authorization: `ApiKey ${c.key}` }, (cc) => {
      code = cc;
      closedAt = Date.now();
    });
    const w = watch(socket, { query: ORDER_WATCH });
    await new Promise((r) => setTimeout(r, 300));
    expect(w.errors).toEqual([]);

    const revoked = await gql(url, 'mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }', { id: c.keyId }, await admin());
    expect(revoked.errors).toBeUndefined();
    const revokedAt = Date.now();
    const next = await withKey(url, c.key, ORDERS);
    expect(next.status).toBe(401);
    expect(codes(next)).toEqual(['UNAUTHENTICATED']);
    expect(codes(await post(url, { query: ORDERS }, { authorization: `Bearer ${token}` }))).toEqual(['UNAUTHENTICATED']);
    await eventually(async () => closedAt, (t) => t !== undefined, 3000);
    expect(code).toBe(4403);
    expect(closedAt! - revokedAt).toBeLessThan(1000);
  });

  it('a disabled client: its key is refused on the next request and its socket closes', async () => {
    const c = await createClient(url, ['orders:read'], { operations: [ORDERS, ORDER_WATCH] });
    expect((await withKey(url, c.key, ORDERS)).errors).toBeUndefined();
    let code: number | undefined;
    const socket = connect(url, { authorization: `ApiKey ${c.key}` }, (cc) => (code = cc));
    watch(socket, { query: ORDER_WATCH });
    await new Promise((r) => setTimeout(r, 300));
    const disabled = await gql(url, 'mutation($id: ID!) { updateIntegratorClient(id: $id, input: { status: DISABLED }) { status } }', { id: c.clientId }, await admin());
    expect(disabled.errors).toBeUndefined();
    expect(codes(await withKey(url, c.key, ORDERS))).toEqual(['UNAUTHENTICATED']);
    await eventually(async () => code, (v) => v !== undefined, 3000);
    expect(code).toBe(4403);
  });

  it('a revocation written by another process (the CLI: SQL) is seen at once on PostgreSQL, within the key cache time on the embedded database', async () => {
    const c = await createClient(url, ['orders:read'], { operations: [ORDERS] });
    expect((await withKey(url, c.key, ORDERS)).errors).toBeUndefined();
    await sql('update people.api_key set revoked_at = now() where key_id = $1', [c.keyId]);
    const started = Date.now();
    // PostgreSQL: the change notification, as it commits (margin for a loaded machine); embedded: the key cache.
    const bound = embedded ? 5_000 + 1_000 : 2_000;
    const res = await eventually(() => withKey(url, c.key, ORDERS), (r) => r.status === 401, bound + 1_000);
    expect(codes(res)).toEqual(['UNAUTHENTICATED']);
    expect(Date.now() - started).toBeLessThan(bound);
  });
});

describe('integrator JWTs', () => {
  it('an integrator token without orders:read gets FORBIDDEN naming the scope on orders', async () => {
    const token = await tokenFor(integratorIdentity(['programs:read']));
    const res = await gql(url, '{ orders(first: 1) { nodes { id } } }', {}, token);
    expect(codes(res)).toEqual(['FORBIDDEN']);
    expect(res.errors![0]!.message).toBe('Scope orders:read required');
    expect(world().persons.length).toBeGreaterThan(0);
  });
});
