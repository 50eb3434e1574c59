/**
 * Callers batches (http-kit `extensions.callers`, sent by the gateway for one subscription event that
 * reaches several subscribers): one request, one read of each row, and for each caller exactly the answer
 * its own request gets — its own authorization, its own refusal. Only queries are batched.
 * Persons 850–852 and the orders of recipients 860–870 belong to this file.
 */
import { expect, it } from 'vitest';
import { CALLERS_HEADER, MAX_CALLERS } from '@aleumet/protocol';
import { usePlatform } from '@aleumet/platform/testing';
import { gatewaySignature, recipientIdentity, supplierIdentity, tokenFor, world } from '@aleumet/testkit';

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
  // A lone answer also says what it read (`extensions.cache`, for the gateway's entity cache); a batch's answers do not.
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
  expect(batch.body.results).toEqual(alone);
  // One read of the measure for the four callers (a lone request reads it once too).
  programs.sql.reset();
  await post(programs.url, query, callers[0]);
  expect(statements).toBe(programs.sql.count);
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
