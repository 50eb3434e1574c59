import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ITEM_TYPES } from '@aleumet/core';
import type { Platform } from '@aleumet/platform';
import { startTestPlatform } from '@aleumet/platform/testing';
import { codes, gql, supplierIdentity, tokenFor, world } from '@aleumet/testkit';

/** A supplier's offering carries characteristics (name → text) through the gateway: create, edit, validation, ownership. */
const FIELDS = 'id title description price stock active characteristics';
const CREATE = `mutation($input: OfferingInput!) { createOffering(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: OfferingUpdate!) { updateOffering(id: $id, input: $input) { ${FIELDS} } }`;
const READ = `query($id: ID!) { offering(id: $id) { ${FIELDS} } }`;

let platform: Platform;
let url: string;
beforeAll(async () => {
  platform = await startTestPlatform();
  url = platform.gateway.url;
});
afterAll(() => platform?.close());

describe('offering characteristics', () => {
  it('are set on create, replaced on update with the title and description, checked, and only by the owner', async () => {
    // The last seeded supplier of the services and aids: no other test publishes offerings for it (the special social
    // service providers come after them).
    const suppliers = world().suppliers.filter((s) => !s.directions.includes('SSS'));
    const supplier = suppliers.at(-1)!;
    const other = suppliers.at(-2)!;
    const token = await tokenFor(supplierIdentity(supplier.id));
    // An aid: it has a delivery mode and stock (a service has neither).
    const type = ITEM_TYPES.find((t) => supplier.directions.includes(t.kind) && ['S4', 'S5', 'S6'].includes(t.kind))!;
    const input = { itemTypeCode: type.code, title: 'Characteristics test', description: 'x', price: 10_000_00, deliveryMode: 'PICKUP', leadTimeDays: 3, stock: 1, regionCodes: [supplier.regionCodes[0]] };

    const bad = await gql(url, CREATE, { input: { ...input, characteristics: { '': 'no name' } } }, token);
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors![0]!.extensions!.field).toBe('characteristics');
    expect(codes(await gql(url, CREATE, { input: { ...input, characteristics: { Colour: { nested: true } } } }, token))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql(url, CREATE, { input: { ...input, characteristics: Object.fromEntries(Array.from({ length: 31 }, (_, i) => [`k${i}`, 'v'])) } }, token))).toEqual(['BAD_USER_INPUT']);

    const created = await gql<{ createOffering: { id: string; characteristics: Record<string, string> } }>(url, CREATE, { input: { ...input, characteristics: { seatWidthCm: 42, ' Colour ': ' Black ' } } }, token);
    expect(created.errors).toBeUndefined();
    const id = created.data!.createOffering.id;
    expect(created.data!.createOffering.characteristics).toEqual({ seatWidthCm: '42', Colour: 'Black' });

    expect(codes(await gql(url, UPDATE, { id, input: { characteristics: { a: 'b' } } }, await tokenFor(supplierIdentity(other.id))))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(url, UPDATE, { id, input: { title: 'ab' } }, token))).toEqual(['BAD_USER_INPUT']);

    const updated = await gql(url, UPDATE, { id, input: { title: 'Characteristics test, v2', description: 'Lighter frame', characteristics: { seatWidthCm: '44' }, active: false } }, token);
    expect(updated.errors).toBeUndefined();
    const read = await gql<{ offering: Record<string, unknown> }>(url, READ, { id }, token);
    expect(read.data!.offering).toMatchObject({ title: 'Characteristics test, v2', description: 'Lighter frame', characteristics: { seatWidthCm: '44' }, active: false, price: 10_000_00 });
    // An update without characteristics keeps them.
    await gql(url, UPDATE, { id, input: { stock: 0 } }, token);
    expect((await gql<{ offering: { characteristics: unknown } }>(url, READ, { id }, token)).data!.offering.characteristics).toEqual({ seatWidthCm: '44' });
  });
});
