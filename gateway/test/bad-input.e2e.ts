import { describe, expect, it } from 'vitest';
import { usePlatform } from '@aleumet/platform/testing';
import { adminIdentity, codes, gql, recipientIdentity, tokenFor, world, type GraphQLResponse } from '@aleumet/testkit';
import { makeBin } from '@aleumet/core';

const t = usePlatform();

/** No internals in any error: no stack traces, no SQL, no file paths. */
function clean(res: GraphQLResponse) {
  const text = JSON.stringify(res);
  expect(text).not.toMatch(/stacktrace|\bat .*\.(ts|js):\d+|select |insert into|node_modules/i);
}

describe('bad input gets a clear error with a stable code', () => {
  it('malformed IIN', async () => {
    const token = await tokenFor(adminIdentity());
    for (const iin of ['123', '12345678901a', world().persons[0]!.iin.replace(/.$/, (d) => String((Number(d) + 1) % 10))]) {
      const res = await gql(t.url, `query($iin: String!) { personByIin(iin: $iin) { id } }`, { iin }, token);
      expect(codes(res)).toEqual(['BAD_USER_INPUT']);
      expect(res.errors![0]!.extensions!.field).toBe('iin');
      clean(res);
    }
  });

  it('malformed BIN, and nothing is written', async () => {
    const token = await tokenFor(adminIdentity());
    const input = {
      bin: '123456789012', name: 'ТОО «Тест»', legalForm: 'LLP', legalAddress: 'Астана', actualAddress: 'Астана', headName: 'Тестов Т.Т.',
      phone: '+77010000000', email: 'test@example.kz', okedCodes: ['47.74'], directions: ['S5'], regionCodes: ['KZ-71'],
    };
    const mutation = `mutation($input: RegisterSupplierInput!) { registerSupplier(input: $input) { id bin } }`;
    const bad = await gql(t.url, mutation, { input }, token);
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    clean(bad);
    const after = await gql(t.url, `query($bin: String!) { supplierByBin(bin: $bin) { id } }`, { bin: input.bin });
    expect(codes(after)).toEqual(['BAD_USER_INPUT']);

    const goodBin = makeBin(2024, 3, 9999);
    const unknownRegion = await gql(t.url, mutation, { input: { ...input, bin: goodBin, regionCodes: ['KZ-00'] } }, token);
    expect(codes(unknownRegion)).toEqual(['BAD_USER_INPUT']);
    const none = await gql(t.url, `query($bin: String!) { supplierByBin(bin: $bin) { id } }`, { bin: goodBin });
    expect(none.errors).toBeUndefined();
    expect(none.data.supplierByBin).toBeNull();
  });

  it('unknown and malformed ids', async () => {
    const token = await tokenFor(recipientIdentity(0));
    const unknown = await gql(t.url, `{ order(id: "00000000-0000-7000-8000-000000000000") { id } }`, {}, token);
    expect(codes(unknown)).toEqual(['NOT_FOUND']);
    const malformed = await gql(t.url, `{ offering(id: "not-an-id") { id } }`, {}, token);
    expect(codes(malformed)).toEqual(['BAD_USER_INPUT']);
    clean(unknown);
    clean(malformed);
  });

  it('invalid enum values, in the document and in variables', async () => {
    const inline = await gql(t.url, `{ offerings(filter: { kind: S9 }) { nodes { id } } }`);
    expect(codes(inline)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    const variable = await gql(t.url, `query($k: ServiceKind) { offerings(filter: { kind: $k }) { nodes { id } } }`, { k: 'WHEELCHAIR' });
    expect(codes(variable)).toEqual(['BAD_USER_INPUT']);
    clean(inline);
    clean(variable);
  });

  it('out-of-range page sizes, bad cursors, bad contacts', async () => {
    const big = await gql(t.url, `{ offerings(first: 201) { nodes { id } } }`);
    expect(codes(big)).toEqual(['BAD_USER_INPUT']);
    const cursor = await gql(t.url, `{ offerings(after: "garbage") { nodes { id } } }`);
    expect(codes(cursor)).toEqual(['BAD_USER_INPUT']);
    const phone = await gql(t.url, `mutation { updateMyContacts(input: { phone: "8-701" }) { phone } }`, {}, await tokenFor(recipientIdentity(0)));
    expect(codes(phone)).toEqual(['BAD_USER_INPUT']);
    const me = await gql(t.url, `{ me { phone } }`, {}, await tokenFor(recipientIdentity(0)));
    expect(me.data.me.phone).toBe(world().persons[0]!.phone);
  });

  it('syntax errors and non-JSON bodies', async () => {
    const syntax = await gql(t.url, `{ offerings( }`);
    expect(codes(syntax)).toEqual(['GRAPHQL_PARSE_FAILED']);
    const res = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.errors[0].extensions.code).toBe('BAD_REQUEST');
  });
});
