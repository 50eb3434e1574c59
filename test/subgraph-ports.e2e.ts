/**
 * The subgraphs' own ports answer only the gateway and each other (internal signature, @aleumet/core
 * internal.ts): a valid user or integrator token alone gets nothing there — no query, no `_service`
 * SDL with its @inaccessible internal mutations, no introspection, no graphql-ws connection — and a
 * signed request still meets the gateway's operation limits. Through the gateway everything works.
 * Orders of recipients 600–609 are this file's.
 */
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';
import { INTERNAL_SIGNATURE_HEADER, requestTarget, signInternal } from '@aleumet/core';
import { AUDIT_APPEND_PATH } from '@aleumet/protocol';
import { INTERNAL_SCOPE } from '@aleumet/events';
import { ServiceCallError, TestClock, callSubgraph, serviceIdentity, type SubgraphName } from '@aleumet/runtime';
import { startSubgraph } from '@aleumet/subgraph-kit';
import { SUBGRAPHS, SUPERGRAPH_PATH, type Platform } from '@aleumet/platform';
import { startGateway } from '@aleumet/gateway';
import { startTestPlatform } from '@aleumet/platform/testing';
import { adminIdentity, codes, gql, recipientIdentity, supplierIdentity, tokenFor, world, type GraphQLResponse } from '@aleumet/testkit';
import { supplierSigned } from '@aleumet/testkit/nca';
import { createClient as createIntegratorClient } from '../gateway/test/security/helpers.js';

const clock = new TestClock();
const t = {} as { platform: Platform; url: string };
beforeAll(async () => {
  t.platform = await startTestPlatform({ clock });
  t.url = t.platform.gateway.url;
});
afterAll(() => t.platform?.close());
const NAMES: SubgraphName[] = ['people', 'programs', 'catalog', 'orders', 'finance'];
const at = (name: SubgraphName) => t.platform.subgraphs[name].url;

/** A read of each subgraph an admin may run (the positive control of every refusal). */
const ADMIN_READ: Record<SubgraphName, string> = {
  people: `{ persons(first: 1) { nodes { id } } }`,
  programs: `{ measures(first: 1) { nodes { id } } }`,
  catalog: `{ supplierRegistrations(first: 1) { nodes { id } } }`,
  orders: `{ orders(first: 1) { nodes { id } } }`,
  finance: `{ guaranteedSums(year: ${new Date().getUTCFullYear()}, first: 1) { nodes { itemTypeCode } } }`,
};
const SERVICE_SDL = `{ _service { sdl } }`;
const INTROSPECTION = `{ __schema { mutationType { fields { name } } } }`;

function refused(res: GraphQLResponse, reason: string, label: string) {
  expect(res.status, label).toBe(403);
  expect(codes(res), label).toEqual(['GATEWAY_ONLY']);
  expect(res.errors![0]!.extensions!.reason, label).toBe(reason);
  expect(res.data, label).toBeUndefined();
}

/** A POST with exactly this body and these headers (no signature of testkit's). */
async function raw(url: string, body: string, headers: Record<string, string>): Promise<GraphQLResponse> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: res.status, ...((await res.json()) as object) };
}

/** An integrator's token as POST /oauth/token issues it (client credentials of a real API key). */
async function integratorToken(operations: string[]): Promise<string> {
  const c = await createIntegratorClient(t.url, ['people:read', 'programs:read', 'orders:read', 'finance:read'], { operations });
  const res = await fetch(t.url.replace(/\/graphql$/, '/oauth/token'), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: `grant_type=client_credentials&client_secret=${encodeURIComponent(c.key)}`,
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

/** How a graphql-ws connection_init with these params ends: the close code, or 0 when acknowledged. */
function connectionOutcome(url: string, params: Record<string, unknown>): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    ws.on('open', () => ws.send(JSON.stringify({ type: 'connection_init', payload: params })));
    ws.on('message', (m) => {
      if (JSON.parse(String(m)).type === 'connection_ack') {
        resolve(0);
        ws.close();
      }
    });
    ws.on('close', (code) => resolve(code));
    ws.on('error', reject);
  });
}

describe('subgraph ports answer only the gateway', () => {
  it('refuse an integrator token and an admin token without the gateway signature, at all five', async () => {
    const ORDERS = `{ orders(first: 1) { nodes { id } } }`;
    const integrator = await integratorToken([ORDERS]);
    const admin = await tokenFor(adminIdentity());
    for (const name of NAMES) {
      // Positive control: the same read, signed, is answered.
      const signed = await gql(at(name), ADMIN_READ[name], {}, admin);
      expect(signed.errors, name).toBeUndefined();
      expect(signed.data, name).toBeTruthy();
      refused(await gql(at(name), ADMIN_READ[name], {}, admin, { signed: false }), 'missing', `${name} admin`);
      refused(await gql(at(name), ADMIN_READ[name], {}, integrator, { signed: false }), 'missing', `${name} integrator`);
    }
    // The integrator's token is a good one: through the gateway (its limits, rate and audit) it reads.
    const viaGateway = await gql(t.url, ORDERS, {}, integrator);
    expect(viaGateway.errors).toBeUndefined();
  });

  it('refuse `_service` and introspection to anyone but the gateway', async () => {
    const admin = await tokenFor(adminIdentity());
    for (const name of NAMES) {
      refused(await gql(at(name), SERVICE_SDL, {}, undefined, { signed: false }), 'missing', `${name} anonymous _service`);
      refused(await gql(at(name), INTROSPECTION, {}, undefined, { signed: false }), 'missing', `${name} anonymous introspection`);
      refused(await gql(at(name), INTROSPECTION, {}, admin, { signed: false }), 'missing', `${name} admin introspection`);
    }
    // Signed (the gateway, composition tools): the SDL with the internal mutations is there.
    const sdl = await gql(at('programs'), SERVICE_SDL);
    expect(sdl.data._service.sdl).toContain('internalMeasureReleased');
  });

  it('refuse forged, expired and replayed-with-another-body signatures', async () => {
    const admin = await tokenFor(adminIdentity());
    for (const name of NAMES) {
      const url = at(name);
      const body = JSON.stringify({ query: ADMIN_READ[name], variables: {} });
      const headers = { authorization: `Bearer ${admin}` };
      const sign = (text: string, now = Date.now(), path = requestTarget(url)) => ({ [INTERNAL_SIGNATURE_HEADER]: signInternal({ method: 'POST', path, body: text }, now) });
      // The exact request, signed now, goes through (so each refusal below is for its signature alone).
      expect((await raw(url, body, { ...headers, ...sign(body) })).errors, name).toBeUndefined();
      refused(await raw(url, body, { ...headers, [INTERNAL_SIGNATURE_HEADER]: `t=${Date.now()},v1=${'ab'.repeat(32)}` }), 'mismatch', `${name} forged`);
      refused(await raw(url, body, { ...headers, [INTERNAL_SIGNATURE_HEADER]: 'HMAC whatever' }), 'malformed', `${name} malformed`);
      refused(await raw(url, body, { ...headers, ...sign(body, Date.now() - 5 * 60_000) }), 'expired', `${name} expired`);
      refused(await raw(url, body, { ...headers, ...sign(body, Date.now() + 5 * 60_000) }), 'expired', `${name} from the future`);
      const other = JSON.stringify({ query: SERVICE_SDL, variables: {} });
      refused(await raw(url, other, { ...headers, ...sign(body) }), 'mismatch', `${name} replayed with another body`);
      refused(await raw(`${url}?x=1`, body, { ...headers, ...sign(body) }), 'mismatch', `${name} replayed to another path`);
    }
  });

  it('answer their plain JSON routes only signed and only to a service identity, at every route any subgraph declares', async () => {
    const routes = SUBGRAPHS.flatMap((def) => Object.keys(def.internalRoutes ?? {}).map((route) => ({ name: def.name, route })));
    // The audit trail's append at the integrator directory is one (the gateway writes every audit row there).
    expect(routes).toContainEqual({ name: 'people', route: AUDIT_APPEND_PATH });
    const admin = await tokenFor(adminIdentity());
    const service = await tokenFor(serviceIdentity('people', [INTERNAL_SCOPE]));
    for (const { name, route } of routes) {
      const url = new URL(route, at(name)).toString();
      const label = `${name} ${route}`;
      const body = JSON.stringify({ entries: [] });
      const sign = (text: string, path = requestTarget(url)) => ({ [INTERNAL_SIGNATURE_HEADER]: signInternal({ method: 'POST', path, body: text }) });
      // Positive control: signed, by a service, it is answered.
      const ok = await raw(url, body, { authorization: `Bearer ${service}`, ...sign(body) });
      expect(ok.status, label).toBe(200);
      expect(ok.errors, label).toBeUndefined();
      refused(await raw(url, body, { authorization: `Bearer ${service}` }), 'missing', `${label} unsigned`);
      refused(await raw(url, body, { authorization: `Bearer ${service}`, ...sign(body, '/graphql') }), 'mismatch', `${label} signed for another path`);
      const user = await raw(url, body, { authorization: `Bearer ${admin}`, ...sign(body) });
      expect([user.status, codes(user)], `${label} admin`).toEqual([403, ['FORBIDDEN']]);
      const anonymous = await raw(url, body, sign(body));
      expect(codes(anonymous), `${label} anonymous`).toEqual(['UNAUTHENTICATED']);
      const notJson = await raw(url, '{', { authorization: `Bearer ${service}`, ...sign('{') });
      expect([notJson.status, codes(notJson)], `${label} not JSON`).toEqual([400, ['BAD_REQUEST']]);
      const get = await fetch(url, { headers: { authorization: `Bearer ${service}` } });
      expect(get.status, `${label} GET`).toBe(405);
    }
  });

  it('take only well-formed audit rows at the audit route, and write none of a call with a bad one', async () => {
    const url = new URL(AUDIT_APPEND_PATH, at('people')).toString();
    const service = await tokenFor(serviceIdentity('people', [INTERNAL_SCOPE]));
    const post = (entries: unknown) => {
      const body = JSON.stringify({ entries });
      return raw(url, body, { authorization: `Bearer ${service}`, [INTERNAL_SIGNATURE_HEADER]: signInternal({ method: 'POST', path: requestTarget(url), body }) });
    };
    const row = (over: Record<string, unknown> = {}) => ({
      id: crypto.randomUUID(), at: new Date().toISOString(), actorSub: 'ports-test', actorRole: 'RECIPIENT', clientId: null, onBehalfOf: [], personIds: [],
      operationType: 'query', operationName: 'PortsTest', documentHash: null, entityIds: [], outcome: 'OK', errorCodes: [], requestId: null, ...over,
    });
    const good = row();
    for (const [label, bad] of [
      ['no list', { not: 'a list' }], ['id not a UUID', [good, row({ id: 'x' })]], ['missing actorRole', [good, row({ actorRole: undefined })]],
      ['number as a name', [good, row({ operationName: 7 })]], ['list of numbers', [good, row({ personIds: [1] })]], ['time not ISO', [good, row({ at: 'yesterday' })]],
      ['too many rows', Array.from({ length: 1001 }, () => row())],
    ] as const) {
      const res = await post(bad);
      expect([res.status, codes(res)], label).toEqual([400, ['BAD_USER_INPUT']]);
    }
    const written = await post([good]);
    expect(written.data, 'the good row alone').toEqual({ written: 1 });
  });

  it('apply the gateway limits to signed documents: 60 aliases and 3100 tokens are QUERY_TOO_COMPLEX', async () => {
    const admin = await tokenFor(adminIdentity());
    // Aliases of a root field each (armor does not count `__typename` aliases: the query planner makes those).
    const aliased = (name: SubgraphName, n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${ADMIN_READ[name].slice(1, -1).trim()}`).join(' ')} }`;
    const tokens = `{ ${'__typename '.repeat(3100)}}`;
    for (const name of NAMES) {
      for (const [label, doc] of [['aliases', aliased(name, 60)], ['tokens', tokens]] as const) {
        const res = await gql(at(name), doc, {}, admin);
        expect(codes(res), `${name} ${label}`).toEqual(['QUERY_TOO_COMPLEX']);
        expect(res.data ?? null, `${name} ${label}`).toBeNull();
      }
      // 20 aliases (the gateway's limit) are fine.
      const ok = await gql(at(name), aliased(name, 20), {}, admin);
      expect(ok.errors, name).toBeUndefined();
    }
    // Depth 12 is the limit; the `... on Measure` the query planner wraps entity fetches in is no level of its own.
    const tooDeep = `{ orders(first: 1) { nodes { measure { orders { nodes { measure { orders { nodes { measure { orders { nodes { offering { id } } } } } } } } } } } } }`;
    expect(codes(await gql(at('orders'), tooDeep, {}, admin))).toEqual(['QUERY_TOO_COMPLEX']);
    const planned = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Measure { orders { nodes { measure { orders { nodes { measure { orders { nodes { journal { nodes { id } } } } } } } } } } } } }`;
    const atLimit = await gql(at('orders'), planned, { r: [{ __typename: 'Measure', id: world().measures[0]!.id }] }, admin);
    expect(atLimit.status).toBe(200);
    expect(codes(atLimit)).not.toContain('QUERY_TOO_COMPLEX');
  });

  it('refuse graphql-ws connections without the gateway signature (4401), with any token', async () => {
    const token = `Bearer ${await tokenFor(adminIdentity())}`;
    for (const name of ['orders', 'programs'] as SubgraphName[]) {
      const url = at(name);
      const path = requestTarget(url);
      expect(await connectionOutcome(url, { authorization: token }), `${name} unsigned`).toBe(4401);
      const stale = signInternal({ method: 'WS', path, body: token }, Date.now() - 5 * 60_000);
      expect(await connectionOutcome(url, { authorization: token, [INTERNAL_SIGNATURE_HEADER]: stale }), `${name} expired`).toBe(4401);
      const forOther = signInternal({ method: 'WS', path, body: 'Bearer another' });
      expect(await connectionOutcome(url, { authorization: token, [INTERNAL_SIGNATURE_HEADER]: forOther }), `${name} other token`).toBe(4401);
      const httpSignature = signInternal({ method: 'POST', path, body: token });
      expect(await connectionOutcome(url, { authorization: token, [INTERNAL_SIGNATURE_HEADER]: httpSignature }), `${name} HTTP signature`).toBe(4401);
      const good = signInternal({ method: 'WS', path, body: token });
      expect(await connectionOutcome(url, { authorization: token, [INTERNAL_SIGNATURE_HEADER]: good }), `${name} signed`).toBe(0);
    }
    // A signed connection still meets the limits: 60 aliases are QUERY_TOO_COMPLEX.
    const url = at('orders');
    const client = createClient({
      url: url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0,
      connectionParams: () => ({ authorization: token, [INTERNAL_SIGNATURE_HEADER]: signInternal({ method: 'WS', path: requestTarget(url), body: token }) }),
    });
    try {
      const aliases = Array.from({ length: 60 }, (_, i) => `a${i}: status`).join(' ');
      const errors = await new Promise<any[]>((resolve) => {
        client.subscribe({ query: `subscription { orderStatusChanged { ${aliases} } }` }, {
          next: (r) => r.errors && resolve([...r.errors]),
          error: (e) => resolve(Array.isArray(e) ? e : [e]),
          complete: () => resolve([]),
        });
      });
      expect(errors.map((e) => e.extensions?.code)).toEqual(['QUERY_TOO_COMPLEX']);
    } finally {
      await client.dispose();
    }
  });

  it('subgraph-to-subgraph calls sign too (callSubgraph); the same service token alone is refused', async () => {
    // As orders reads programs (retention.ts).
    const identity = serviceIdentity('orders', ['programs:read']);
    const data = await callSubgraph<{ measures: { nodes: unknown[] } }>(at('programs'), identity, `{ measures(first: 1) { nodes { id } } }`);
    expect(data.measures.nodes).toHaveLength(1);
    const unsigned = await gql(at('programs'), `{ measures(first: 1) { nodes { id } } }`, {}, await tokenFor(identity), { signed: false });
    refused(unsigned, 'missing', 'service token without signature');
    await expect(callSubgraph(at('programs'), identity, `{ ${Array.from({ length: 60 }, (_, i) => `a${i}: measures(first: 1) { nodes { id } }`).join(' ')} }`)).rejects.toSatisfy(
      (e) => e instanceof ServiceCallError && e.code === 'QUERY_TOO_COMPLEX',
    );
  });
});

describe('through the gateway everything still works', () => {
  const w = world();
  const persons = new Set(w.persons.slice(600, 610).map((p) => p.id));
  const claimed = new Set(w.claims.map((c) => c.orderId));
  const order = w.orders.find((o) => persons.has(o.personId) && o.status === 'AWAITING_SUPPLIER' && claimed.has(o.id))!;
  const personIndex = w.persons.findIndex((p) => p.id === order.personId);

  it('a query across subgraphs', async () => {
    const token = await tokenFor(recipientIdentity(personIndex));
    const res = await gql(t.url, `query($id: ID!) { order(id: $id) { number measure { kind person { fullName } } offering { title supplier { name } } claim { statePart } } }`, { id: order.id }, token);
    expect(res.errors).toBeUndefined();
    const offering = w.offerings.find((o) => o.id === order.offeringId)!;
    expect(res.data.order).toMatchObject({
      measure: { kind: w.measures.find((m) => m.id === order.measureId)!.kind, person: { fullName: expect.any(String) } },
      offering: { title: offering.title, supplier: { name: w.suppliers.find((s) => s.id === order.supplierId)!.name } },
      claim: { statePart: w.claims.find((c) => c.orderId === order.id)!.statePart },
    });
  });

  it('a subscription event with fields from several subgraphs', async () => {
    const recipient = await tokenFor(recipientIdentity(personIndex));
    const supplier = await tokenFor(supplierIdentity(order.supplierId));
    const client: Client = createClient({ url: t.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${recipient}` }, retryAttempts: 0 });
    try {
      const events: any[] = [];
      client.subscribe(
        { query: `subscription($id: ID) { orderStatusChanged(orderId: $id) { status order { id measure { kind } offering { supplier { name } } claim { statePart } } } }`, variables: { id: order.id } },
        { next: (r) => events.push(r.errors ?? r.data?.orderStatusChanged), error: (e) => events.push(e), complete: () => {} },
      );
      await new Promise((r) => setTimeout(r, 500));
      clock.set(new Date(order.createdAt.getTime() + 86_400_000));
      const version = (await gql(t.url, `query($id: ID!) { order(id: $id) { version } }`, { id: order.id }, supplier)).data.order.version;
      const accepted = await gql(t.url, `mutation($id: ID!, $v: Int!, $signature: String!, $certificate: String) { acceptOrder(id: $id, version: $v, signature: $signature, certificate: $certificate) { status } }`, await supplierSigned(t.url, supplier, 'ACCEPT', { id: order.id, v: version }), supplier);
      expect(accepted.errors).toBeUndefined();
      const until = Date.now() + 15_000;
      while (!events.length && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      expect(events[0]).toMatchObject({
        status: 'ACCEPTED',
        order: { id: order.id, measure: { kind: expect.any(String) }, offering: { supplier: { name: expect.any(String) } }, claim: { statePart: expect.any(Number) } },
      });
    } finally {
      await client.dispose();
    }
  });
});

describe('in production the internal secret is required', () => {
  it('the gateway and every subgraph refuse to start without one, or with a short one', async () => {
    try {
      vi.stubEnv('NODE_ENV', 'production');
      vi.stubEnv('INTERNAL_SECRET', '');
      await expect(startGateway({ supergraphPath: SUPERGRAPH_PATH, port: 0 })).rejects.toThrow(/INTERNAL_SECRET must be set in production/);
      for (const def of SUBGRAPHS) {
        await expect(startSubgraph(def, { databaseUrl: inject('databaseUrl'), port: 0 }), def.name).rejects.toThrow(/INTERNAL_SECRET must be set in production/);
      }
      vi.stubEnv('INTERNAL_SECRET', 'too-short');
      await expect(startGateway({ supergraphPath: SUPERGRAPH_PATH, port: 0 })).rejects.toThrow(/at least 32 characters/);
      await expect(startSubgraph(SUBGRAPHS[0]!, { databaseUrl: inject('databaseUrl'), port: 0 })).rejects.toThrow(/at least 32 characters/);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
