import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import type { Platform } from '@aleumet/platform';
import { startTestPlatform } from '@aleumet/platform/testing';
import { adminIdentity, codes, gql, tokenFor, world } from '@aleumet/testkit';
import { createClient, eventually, post, sql, withKey } from './helpers.js';
import { randomUUID } from 'node:crypto';
import { IntegratorDirectory, type AuditRow } from '../../src/security/directory.js';
import { GatewayTransport } from '../../src/transport.js';

let platform: Platform;
let url: string;
beforeAll(async () => {
  // A short key cache so revocation and expiry show within a second here (default 5 s).
  platform = await startTestPlatform({ gatewayOptions: { security: { keyCacheMs: 500 } } });
  url = platform.gateway.url;
});
afterAll(() => platform?.close());

const ORDERS = `query IntegratorOrders { orders(first: 2) { nodes { id status } } }`;
const MEASURES = `query IntegratorMeasures { measures(first: 2) { nodes { id } } }`;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

describe('integrator clients and API keys (admin API)', () => {
  it('is for admins only', async () => {
    const res = await gql(url, `{ integratorClients(first: 5) { nodes { id } } }`, {}, await tokenFor({ ...adminIdentity(), role: 'EMPLOYMENT_DEPARTMENT', regionCode: 'KZ-71' }));
    expect(codes(res)).toEqual(['FORBIDDEN']);
    const anon = await gql(url, `mutation { createIntegratorClient(input: { name: "x-anon", scopes: [] }) { id } }`);
    // The subgraph's own error, alone (no second error for the non-null field), with HTTP 401.
    expect(codes(anon)).toEqual(['UNAUTHENTICATED']);
    expect(anon.status).toBe(401);
  });

  it('stores only a scrypt hash of the key, shows the key once and refuses unknown scopes', async () => {
    const c = await createClient(url, ['orders:read'], { operations: [ORDERS] });
    expect(c.key).toMatch(/^alk_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    const [row] = await sql(`select hash from people.api_key where key_id = $1`, [c.keyId]);
    expect(row.hash).toMatch(/^scrypt\$/);
    // The secret is the last 43 characters (base64url, so it may itself contain `_`): never stored.
    expect(row.hash).not.toContain(c.key.slice(-43));
    const listed = await gql(url, `query($id: ID!) { integratorClient(id: $id) { name scopes apiKeys { keyId revokedAt } operations { hash operationName } } }`, { id: c.clientId }, c.admin);
    expect(listed.errors).toBeUndefined();
    expect(listed.data.integratorClient.apiKeys).toEqual([{ keyId: c.keyId, revokedAt: null }]);
    expect(listed.data.integratorClient.operations).toEqual([{ hash: sha256(ORDERS), operationName: 'IntegratorOrders' }]);
    expect(JSON.stringify(listed.data)).not.toContain(c.key);
    const bad = await gql(url, `mutation { createIntegratorClient(input: { name: "bad-scope-client", scopes: ["orders:delete"] }) { id } }`, {}, c.admin);
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('API-key authentication at the gateway', () => {
  it('resolves the key to the client and forwards its scopes: subgraphs authorize from the token', async () => {
    const c = await createClient(url, ['orders:read'], { operations: [ORDERS, MEASURES] });
    const ok = await withKey(url, c.key, ORDERS);
    expect(ok.errors).toBeUndefined();
    expect(ok.data.orders.nodes).toHaveLength(2);
    // Registered but outside the scopes: the programs subgraph refuses it.
    const refused = await withKey(url, c.key, MEASURES);
    expect(codes(refused)).toEqual(['FORBIDDEN']);
    // Also as X-Api-Key.
    const header = await post(url, { query: ORDERS }, { 'x-api-key': c.key });
    expect(header.errors).toBeUndefined();
  });

  it('runs only operations registered for the client (by sha256), also when only the hash is sent', async () => {
    const c = await createClient(url, ['orders:read', 'programs:read'], { operations: [ORDERS] });
    const other = await withKey(url, c.key, MEASURES);
    expect(codes(other)).toEqual(['OPERATION_NOT_TRUSTED']);
    expect(other.status).toBe(403);
    const same = await withKey(url, c.key, `${ORDERS} `);
    expect(codes(same)).toEqual(['OPERATION_NOT_TRUSTED']);
    const byHash = await post(url, { extensions: { persistedQuery: { version: 1, sha256Hash: sha256(ORDERS) } } }, { authorization: `ApiKey ${c.key}` });
    expect(byHash.errors).toBeUndefined();
    expect(byHash.data.orders.nodes).toHaveLength(2);
    const unknownHash = await post(url, { extensions: { persistedQuery: { version: 1, sha256Hash: sha256(MEASURES) } } }, { authorization: `ApiKey ${c.key}` });
    expect(codes(unknownHash)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
  });

  it('refuses a registered hash sent with another text: BAD_REQUEST (400) saying so, not an internal error', async () => {
    const c = await createClient(url, ['orders:read'], { operations: [ORDERS] });
    const changed = `query IntegratorOrders { orders(first: 3) { nodes { id status } } }`;
    for (const sha256Hash of [sha256(ORDERS), `sha256:${sha256(ORDERS).toUpperCase()}`]) {
      const res = await post(url, { query: changed, extensions: { persistedQuery: { version: 1, sha256Hash } } }, { authorization: `ApiKey ${c.key}` });
      expect(res.status).toBe(400);
      expect(codes(res)).toEqual(['BAD_REQUEST']);
      expect(res.errors![0]!.message).toMatch(/sha256Hash is not the sha256 of the query sent/);
      expect(res.errors![0]!.extensions).not.toHaveProperty('correlationId');
    }
    // The registered text with its hash (any spelling of it) runs.
    const same = await post(url, { query: ORDERS, extensions: { persistedQuery: { version: 1, sha256Hash: `sha256:${sha256(ORDERS)}` } } }, { authorization: `ApiKey ${c.key}` });
    expect(same.errors).toBeUndefined();
    // Anonymous browsers too (development: any document, but never one under another's hash).
    const browser = await post(url, { query: `{ regions(first: 1) { nodes { code } } }`, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(ORDERS) } } });
    expect(codes(browser)).toEqual(['BAD_REQUEST']);
  });

  it('refuses a wrong, malformed, revoked or expired key, and a disabled client', async () => {
    const c = await createClient(url, ['orders:read'], { operations: [ORDERS] });
    const wrong = await withKey(url, c.key.slice(0, -4) + 'AAAA', ORDERS);
    expect(wrong.status).toBe(401);
    expect(codes(wrong)).toEqual(['UNAUTHENTICATED']);
    expect(codes(await withKey(url, 'alk_nonsense', ORDERS))).toEqual(['UNAUTHENTICATED']);

    expect((await withKey(url, c.key, ORDERS)).errors).toBeUndefined();
    const revoked = await gql(url, `mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`, { id: c.keyId }, c.admin);
    expect(revoked.data.revokeApiKey.revokedAt).toBeTruthy();
    const t0 = Date.now();
    const after = await eventually(() => withKey(url, c.key, ORDERS), (r) => r.status === 401, 5000);
    expect(codes(after)).toEqual(['UNAUTHENTICATED']);
    expect(after.errors![0]!.message).toContain('revoked');
    expect(Date.now() - t0).toBeLessThan(5000);

    const d = await createClient(url, ['orders:read'], { operations: [ORDERS] });
    expect((await withKey(url, d.key, ORDERS)).errors).toBeUndefined();
    await sql(`update people.api_key set expires_at = now() - interval '1 minute' where key_id = $1`, [d.keyId]);
    const expired = await eventually(() => withKey(url, d.key, ORDERS), (r) => r.status === 401, 5000);
    expect(expired.errors![0]!.message).toContain('expired');

    const e = await createClient(url, ['orders:read'], { operations: [ORDERS] });
    await gql(url, `mutation($id: ID!) { updateIntegratorClient(id: $id, input: { status: DISABLED }) { status } }`, { id: e.clientId }, e.admin);
    const disabled = await eventually(() => withKey(url, e.key, ORDERS), (r) => r.status === 401, 5000);
    expect(disabled.errors![0]!.message).toContain('disabled');
  });

  it('rotates a key: the new one works, the old one for the overlap only', async () => {
    const c = await createClient(url, ['orders:read'], { operations: [ORDERS] });
    const rotated = await gql(url, `mutation($id: ID!) { rotateApiKey(id: $id, overlapHours: 0) { key apiKey { keyId } } }`, { id: c.keyRowId }, c.admin);
    expect(rotated.errors).toBeUndefined();
    const fresh = rotated.data.rotateApiKey.key as string;
    expect(fresh).not.toBe(c.key);
    expect((await withKey(url, fresh, ORDERS)).errors).toBeUndefined();
    const old = await eventually(() => withKey(url, c.key, ORDERS), (r) => r.status === 401, 5000);
    expect(codes(old)).toEqual(['UNAUTHENTICATED']);
  });

  it('issues client-credential JWTs for a key (POST /oauth/token)', async () => {
    const c = await createClient(url, ['orders:read'], { operations: [ORDERS] });
    const tokenUrl = url.replace(/\/graphql$/, '/oauth/token');
    const res = await fetch(tokenUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `grant_type=client_credentials&client_secret=${encodeURIComponent(c.key)}` });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { access_token: string; token_type: string; expires_in: number; scope: string };
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 300, scope: 'orders:read' });
    const q = await gql(url, ORDERS, {}, body.access_token);
    expect(q.errors).toBeUndefined();
    // The JWT names the client: its registered operations still apply.
    expect(codes(await gql(url, MEASURES, {}, body.access_token))).toEqual(['OPERATION_NOT_TRUSTED']);
    const bad = await fetch(tokenUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ grant_type: 'client_credentials', client_secret: 'alk_x' }) });
    expect(bad.status).toBe(401);

    // Revoking the key ends the tokens issued from it within the key cache time, not at their own expiry.
    await gql(url, `mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`, { id: c.keyId }, c.admin);
    const t0 = Date.now();
    const after = await eventually(() => gql(url, ORDERS, {}, body.access_token), (r) => codes(r).includes('UNAUTHENTICATED'), 5000);
    expect(after.errors![0]!.message).toContain('revoked');
    expect(Date.now() - t0).toBeLessThan(5000);
  });
});

describe('rate limits per client', () => {
  it('answers RATE_LIMITED with retryAfterSeconds once the bucket is empty', async () => {
    const c = await createClient(url, ['orders:read'], { rateLimitPerMinute: 3, operations: [ORDERS] });
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await withKey(url, c.key, ORDERS));
    expect(results.slice(0, 3).every((r) => !r.errors)).toBe(true);
    const limited = results[3]!;
    expect(limited.status).toBe(429);
    expect(codes(limited)).toEqual(['RATE_LIMITED']);
    expect(limited.errors![0]!.extensions!.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(limited.errors![0]!.extensions!.retryAfterSeconds).toBeLessThanOrEqual(20);
    expect(Number(limited.headers.get('retry-after'))).toBe(limited.errors![0]!.extensions!.retryAfterSeconds);
    // Another client is not affected.
    const other = await createClient(url, ['orders:read'], { rateLimitPerMinute: 3, operations: [ORDERS] });
    expect((await withKey(url, other.key, ORDERS)).errors).toBeUndefined();
  });
});

describe('audit', () => {
  it('records reads of personal data and state changes: who, for whom, client, operation, entity ids', async () => {
    const c = await createClient(url, ['people:read'], { operations: [`query AuditedPerson($id: ID!) { person(id: $id) { id fullName iin } }`] });
    const person = world().persons[37]!;
    const read = await withKey(url, c.key, `query AuditedPerson($id: ID!) { person(id: $id) { id fullName iin } }`, { id: person.id });
    expect(read.errors).toBeUndefined();
    const byClient = await gql(url, `query($c: ID!) { auditEntries(clientId: $c, first: 50) { nodes { actorRole actorSub clientId operationType operationName personIds entityIds outcome at } } }`, { c: c.clientId }, c.admin);
    expect(byClient.errors).toBeUndefined();
    const entry = byClient.data.auditEntries.nodes.find((n: any) => n.operationName === 'AuditedPerson');
    expect(entry).toMatchObject({ actorRole: 'INTEGRATOR', actorSub: c.clientId, clientId: c.clientId, operationType: 'query', outcome: 'OK' });
    expect(entry.personIds).toContain(person.id);
    expect(entry.entityIds).toContain(`Person:${person.id}`);

    const byPerson = await gql(url, `query($p: ID!) { auditEntries(personId: $p, first: 200) { nodes { clientId operationName } } }`, { p: person.id }, c.admin);
    expect(byPerson.data.auditEntries.nodes.some((n: any) => n.clientId === c.clientId)).toBe(true);

    // State changes are recorded with the admin as actor.
    const changes = await sql(`select actor_role, operation_type, entity_ids from people.audit_entry where operation_type = 'mutation' and entity_ids @> $1::text[]`, [[`clientId:${c.clientId}`]]);
    expect(changes.length).toBeGreaterThan(0);
    expect(changes[0].actor_role).toBe('ADMIN');
  });

  it('names the persons whose data was read even when the caller selected no id', async () => {
    const c = await createClient(url, ['orders:read'], { operations: [`query OrderStatusesOnly { orders(first: 3) { nodes { status } } }`] });
    const read = await withKey(url, c.key, `query OrderStatusesOnly { orders(first: 3) { nodes { status } } }`);
    expect(read.errors).toBeUndefined();
    expect(read.data.orders.nodes.length).toBeGreaterThan(0);
    // The subgraph's own extension never reaches the caller.
    expect(JSON.stringify(read)).not.toContain('personsRead');
    const expected = await sql(`select person_id from orders."order" order by id limit 3`);
    const rows = await sql(`select person_ids from people.audit_entry where client_id = $1 and operation_name = 'OrderStatusesOnly'`, [c.clientId]);
    expect(rows).toHaveLength(1);
    expect(rows[0].person_ids.length).toBeGreaterThan(0);
    expect(rows[0].person_ids).toEqual(expect.arrayContaining(expected.map((r: any) => r.person_id)));
  });

  it('is appended through the directory as given, once per row id, and a refused row fails the call with its SQLSTATE', async () => {
    const people = platform.subgraphs.people.url;
    const transport = new GatewayTransport();
    try {
      // Both ways the gateway can send: its transport's keep-alive pool (what it uses) and Node's fetch.
      for (const directory of [new IntegratorDirectory(() => people, 5_000, (u, init) => transport.fetch(u, { method: 'POST', ...init })), new IntegratorDirectory(() => people)]) {
        const row = (over: Partial<AuditRow> = {}): AuditRow => ({
          id: randomUUID(), at: new Date('2026-12-07T10:00:00.123Z'), actorSub: randomUUID(), actorRole: 'RECIPIENT', clientId: null,
          onBehalfOf: [randomUUID()], personIds: [randomUUID(), randomUUID()], operationType: 'query', operationName: null, documentHash: 'ab'.repeat(32),
          entityIds: ['Order:1', 'Measure:"2"'], outcome: 'PARTIAL', errorCodes: ['FORBIDDEN'], requestId: randomUUID(), ...over,
        });
        const rows = [row(), row({ clientId: randomUUID(), operationName: 'Named', onBehalfOf: [], errorCodes: [], documentHash: null, requestId: null })];
        await directory.audit(rows);
        // A retried call whose first attempt landed writes nothing twice.
        await directory.audit(rows);
        const stored = await sql(`select * from people.audit_entry where id = any($1) order by actor_sub`, [rows.map((r) => r.id)]);
        expect(stored).toEqual([...rows].sort((a, b) => a.actorSub.localeCompare(b.actorSub)).map((r) => ({
          id: r.id, at: r.at, actor_sub: r.actorSub, actor_role: r.actorRole, client_id: r.clientId, on_behalf_of: r.onBehalfOf, person_ids: r.personIds,
          operation_type: r.operationType, operation_name: r.operationName, document_hash: r.documentHash, entity_ids: r.entityIds, outcome: r.outcome,
          error_codes: r.errorCodes, request_id: r.requestId,
        })));
        const good = row();
        const refused = directory.audit([good, row({ actorRole: 'R'.repeat(300) })]);
        // class 22 (string data right truncation): the gateway's batcher then writes the rows one by one.
        await expect(refused).rejects.toMatchObject({ code: '22001' });
        expect(await sql(`select id from people.audit_entry where id = $1`, [good.id])).toEqual([]);
      }
    } finally {
      transport.close();
    }
  });

  it('is append-only', async () => {
    await expect(sql(`update people.audit_entry set outcome = 'OK'`)).rejects.toThrow(/append-only/);
    await expect(sql(`delete from people.audit_entry`)).rejects.toThrow(/append-only/);
  });
});

describe('npm run integrator (CLI)', () => {
  it('creates a client with a key shown once, registers an operation, rotates and revokes', async () => {
    const { execFile } = await import('node:child_process');
    const { promisify } = await import('node:util');
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const { ROOT } = await import('@aleumet/platform');
    const { inject } = await import('vitest');
    const cli = (...args: string[]) =>
      promisify(execFile)(process.execPath, [path.join(ROOT, 'scripts/dist/integrator.js'), ...args], { env: { ...process.env, DATABASE_URL: inject('databaseUrl') } });
    const name = `cli-client-${Date.now()}`;
    const created = await cli('create', name, '--scopes', 'orders:read', '--rate', '1000');
    const key = /(alk_[0-9a-f]{16}_[A-Za-z0-9_-]{43})/.exec(created.stdout)![1]!;
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'op-')), 'orders.graphql');
    writeFileSync(file, ORDERS);
    expect((await cli('register', name, file)).stdout).toContain(sha256(ORDERS));
    expect((await withKey(url, key, ORDERS)).errors).toBeUndefined();
    const listed = await cli('list');
    expect(listed.stdout).toContain(name);
    expect(listed.stdout).not.toContain(key);

    const rotated = await cli('rotate', key.slice(4, 20), '--overlap-hours', '0');
    const fresh = /(alk_[0-9a-f]{16}_[A-Za-z0-9_-]{43})/.exec(rotated.stdout)![1]!;
    expect((await withKey(url, fresh, ORDERS)).errors).toBeUndefined();
    expect(codes(await eventually(() => withKey(url, key, ORDERS), (r) => r.status === 401))).toEqual(['UNAUTHENTICATED']);
    await cli('revoke', fresh.slice(4, 20));
    expect(codes(await eventually(() => withKey(url, fresh, ORDERS), (r) => r.status === 401))).toEqual(['UNAUTHENTICATED']);
    await expect(cli('create', 'x-bad', '--scopes', 'everything')).rejects.toThrow(/unknown scopes/);
  });
});
