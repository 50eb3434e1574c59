/**
 * Callers batches (http-kit `extensions.callers`, sent by the gateway for one subscription event that
 * reaches several subscribers, and for concurrent operations of different callers): one request, one read
 * of each row, and for each caller exactly the answer its own request gets — its own authorization, its
 * own refusal, its own audited persons. Only queries are batched.
 * Persons 850–852 and the orders of recipients 860–870 belong to this file.
 */
import pg from 'pg';
import { expect, it } from 'vitest';
import { CALLERS_HEADER, MAX_CALLERS } from '@aleumet/protocol';
import { usePlatform } from '@aleumet/platform/testing';
import { gatewaySignature, gql, recipientIdentity, supplierIdentity, tokenFor, world } from '@aleumet/testkit';
import { DASHBOARD } from '../../bench/src/queries.js';

const ctx = usePlatform();
const ENTITIES = `query Measures($r: [_Any!]!) { _entities(representations: $r) { ... on Measure { id kind status } } }`;

/** Signed as the gateway signs its requests (the test stands in for the gateway). */
async function post(url: string, body: unknown, authorization?: string) {
  const text = JSON.stringify(body);
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}), ...gatewaySignature(url, text) }, body: text });
  return { status: res.status, header: res.headers.get(CALLERS_HEADER), body: (await res.json()) as any };
}

it('answers each caller of a batch what its own request answers, reading the row once', async () => {
  const programs = ctx.platform.subgraphs.programs;
  const w = world();
  const owner = w.persons[850]!;
  const measure = w.measures.find((m) => m.personId === owner.id)!;
  const callers = [
    `Bearer ${await tokenFor(recipientIdentity(850))}`,
    `Bearer ${await tokenFor(recipientIdentity(851))}`, // somebody else's measure
    'Bearer not-a-token',
    `Bearer ${await tokenFor(recipientIdentity(850))}`,
  ];
  const query = { query: ENTITIES, operationName: 'Measures', variables: { r: [{ __typename: 'Measure', id: measure.id }] } };
  const alone = [];
  // Answers also say what they read (`extensions.cache`, for the gateway's entity cache): in a batch, what the
  // batch had read (cache-tags.e2e.ts); compared apart from that.
  const withoutCacheTags = ({ extensions, ...rest }: any) => {
    const { cache: _tags, ...others } = extensions ?? {};
    return Object.keys(others).length ? { ...rest, extensions: others } : rest;
  };
  for (const c of callers) alone.push(withoutCacheTags((await post(programs.url, query, c)).body));
  expect(alone[0].data._entities).toEqual([{ id: measure.id, kind: measure.kind, status: expect.any(String) }]);
  expect(alone[1].errors[0].extensions.code).toBe('FORBIDDEN');
  expect(alone[2].errors[0].extensions.code).toBe('UNAUTHENTICATED');

  programs.sql.reset();
  const batch = await post(programs.url, { ...query, extensions: { callers } });
  const statements = programs.sql.count;
  expect(batch.status).toBe(200);
  expect(batch.header).toBe(String(MAX_CALLERS));
  expect(batch.body.results.map(withoutCacheTags)).toEqual(alone);
  // One read of the measure for the four callers (a lone request reads it once too).
  programs.sql.reset();
  await post(programs.url, query, callers[0]);
  expect(statements).toBe(programs.sql.count);
});

it('gives each caller of a batch its own variables, and names in its answer only the persons it read', async () => {
  const programs = ctx.platform.subgraphs.programs;
  const w = world();
  const [a, b] = [850, 852].map((i) => ({ person: w.persons[i]!, measure: w.measures.find((m) => m.personId === w.persons[i]!.id)! }));
  const callers = [
    { authorization: `Bearer ${await tokenFor(recipientIdentity(850))}`, variables: { r: [{ __typename: 'Measure', id: a!.measure.id }] }, requestId: 'batch-caller-a' },
    { authorization: `Bearer ${await tokenFor(recipientIdentity(852))}`, variables: { r: [{ __typename: 'Measure', id: b!.measure.id }] }, requestId: 'batch-caller-b' },
    // Asks for the first caller's measure: refused, as alone.
    { authorization: `Bearer ${await tokenFor(recipientIdentity(852))}`, variables: { r: [{ __typename: 'Measure', id: a!.measure.id }] } },
  ];
  const alone = [];
  for (const c of callers) alone.push((await post(programs.url, { query: ENTITIES, operationName: 'Measures', variables: c.variables }, c.authorization)).body);
  programs.sql.reset();
  const batch = await post(programs.url, { query: ENTITIES, operationName: 'Measures', extensions: { callers } });
  const statements = programs.sql.count;
  expect(batch.status).toBe(200);
  const results = batch.body.results;
  expect(results[0].data._entities).toEqual([{ id: a!.measure.id, kind: a!.measure.kind, status: expect.any(String) }]);
  expect(results[1].data._entities).toEqual([{ id: b!.measure.id, kind: b!.measure.kind, status: expect.any(String) }]);
  expect(results[2].errors[0].extensions.code).toBe('FORBIDDEN');
  results.forEach((r: any, i: number) => {
    expect(r.data).toEqual(alone[i].data);
    expect(r.errors?.map((e: any) => e.extensions.code)).toEqual(alone[i].errors?.map((e: any) => e.extensions.code));
    // The audit's persons: what this caller's own request names, never the other caller's.
    expect(new Set(r.extensions?.personsRead ?? [])).toEqual(new Set(alone[i].extensions?.personsRead ?? []));
  });
  expect(results[1].extensions.personsRead).not.toContain(a!.person.id);
  // Both measures in one read (alone: one each).
  expect(statements).toBe(1);
  // A caller's variables must be an object.
  const bad = await post(programs.url, { query: ENTITIES, extensions: { callers: [{ authorization: callers[0]!.authorization, variables: [1] }] } });
  expect(bad.status).toBe(400);
  expect(bad.body.errors[0].extensions.code).toBe('BAD_REQUEST');
});

it('refuses a mutation, a malformed caller list or too many callers, and changes nothing', async () => {
  const orders = ctx.platform.subgraphs.orders;
  const o = world().orders.find((x) => x.status === 'AWAITING_SUPPLIER' && world().persons.findIndex((p) => p.id === x.personId) >= 860)!;
  const supplier = `Bearer ${await tokenFor(supplierIdentity(o.supplierId))}`;
  const accept = { query: `mutation($id: ID!) { acceptOrder(id: $id, version: 1, signature: "unsigned") { status } }`, variables: { id: o.id } };
  const read = `query($id: ID!) { order(id: $id) { status version } }`;
  // As it is now (a seeded order past its answer deadline may have expired since the seed).
  const before = (await post(orders.url, { query: read, variables: { id: o.id } }, supplier)).body.data.order;
  const refused = await post(orders.url, { ...accept, extensions: { callers: [supplier, supplier] } });
  expect(refused.status).toBe(400);
  expect(refused.body.errors[0].extensions.code).toBe('BAD_REQUEST');
  expect((await post(orders.url, { query: read, variables: { id: o.id } }, supplier)).body.data.order).toEqual(before);

  for (const callers of [[], [42], 'Bearer x', Array.from({ length: MAX_CALLERS + 1 }, () => supplier)]) {
    const r = await post(orders.url, { query: read, variables: { id: o.id }, extensions: { callers } });
    expect(r.status, JSON.stringify(callers).slice(0, 40)).toBe(400);
    expect(r.body.errors[0].extensions.code).toBe('BAD_REQUEST');
  }
});

it('sends concurrent dashboards of different recipients to the subgraphs in callers batches, each answered and audited as alone', async () => {
  const gateway = ctx.platform.gateway;
  const db = new pg.Client({ connectionString: ctx.platform.databaseUrl });
  await db.connect();
  try {
    const callers = await Promise.all([850, 851, 852].map(async (i) => ({ identity: recipientIdentity(i), person: world().persons[i]!, token: await tokenFor(recipientIdentity(i)) })));
    const audited = async (sub: string) => {
      const { rows } = await db.query(`select person_ids from people.audit_entry where actor_sub = $1 and operation_name = 'Dashboard' order by at desc, id desc limit 1`, [sub]);
      return [...(rows[0]?.person_ids ?? [])].sort();
    };
    const alone = [];
    for (const c of callers) {
      gateway.entityCache?.clear();
      const answer = await gql(ctx.url, DASHBOARD, { first: 10 }, c.token);
      expect(answer.errors).toBeUndefined();
      expect(answer.data.me.id).toBe(c.person.id);
      alone.push({ answer, persons: await audited(c.identity.sub) });
    }
    // Requests started together reach the gateway close together, not always in one turn of its event loop:
    // a few rounds, each checked, until the subgraphs have been sent a batch.
    const before = gateway.transport.stats.callersBatched;
    for (let round = 0; round < 10 && gateway.transport.stats.callersBatched === before; round++) {
      gateway.entityCache?.clear();
      const together = await Promise.all(callers.map((c) => gql(ctx.url, DASHBOARD, { first: 10 }, c.token)));
      for (const [i, c] of callers.entries()) {
        expect(together[i]).toEqual(alone[i]!.answer);
        const persons = await audited(c.identity.sub);
        expect(persons).toEqual(alone[i]!.persons);
        for (const other of callers) if (other !== c) expect(persons).not.toContain(other.person.id);
      }
    }
    expect(gateway.transport.stats.callersBatched).toBeGreaterThan(before);
  } finally {
    await db.end();
  }
});
