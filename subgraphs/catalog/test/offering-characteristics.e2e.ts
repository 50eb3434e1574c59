import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ITEM_TYPES } from '@aleumet/core';
import type { Platform } from '@aleumet/platform';
import { startTestPlatform } from '@aleumet/platform/testing';
import { codes, gql, supplierIdentity, tokenFor, world } from '@aleumet/testkit';

/** A supplier's offering carries characteristics (name → text) and its title and description in kk/ru/en through the gateway: create, edit, validation, ownership. */
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
    const input = { itemTypeCode: type.code, title: 'Characteristics test', titleKk: 'Сипаттамалар сынағы', description: 'x', descriptionKk: 'x', price: 10_000_00, deliveryMode: 'PICKUP', leadTimeDays: 3, stock: 1, regionCodes: [supplier.regionCodes[0]] };

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

describe('offering titles and descriptions in kk, ru and en', () => {
  const TEXTS = 'id title titleKk titleEn description descriptionKk descriptionEn';
  it('a new offering needs the Kazakh and Russian title and description; English is optional, bounded, and cleared by an empty text', async () => {
    const supplier = world().suppliers.filter((s) => !s.directions.includes('SSS')).at(-1)!;
    const token = await tokenFor(supplierIdentity(supplier.id));
    const type = ITEM_TYPES.find((t) => supplier.directions.includes(t.kind) && ['S4', 'S5', 'S6'].includes(t.kind))!;
    const base = { itemTypeCode: type.code, price: 10_000_00, deliveryMode: 'PICKUP', leadTimeDays: 3, stock: 1, regionCodes: [supplier.regionCodes[0]] };
    const create = `mutation($input: OfferingInput!) { createOffering(input: $input) { ${TEXTS} } }`;
    // Without the Kazakh title the input is not valid at all.
    expect(codes(await gql(url, create, { input: { ...base, title: 'Кресло', description: 'Лёгкое', descriptionKk: 'Жеңіл' } }, token))).toEqual(['BAD_USER_INPUT']);
    const short = await gql(url, create, { input: { ...base, title: 'Кресло', titleKk: 'ab', description: 'Лёгкое', descriptionKk: 'Жеңіл' } }, token);
    expect(short.errors?.map((e) => e.extensions?.field)).toEqual(['titleKk']);
    const long = await gql(url, create, { input: { ...base, title: 'Кресло', titleKk: 'Арба', titleEn: 'x'.repeat(256), description: 'Лёгкое', descriptionKk: 'Жеңіл' } }, token);
    expect(long.errors?.map((e) => e.extensions?.field)).toEqual(['titleEn']);

    const created = await gql(url, create, { input: { ...base, title: ' Кресло-коляска ', titleKk: 'Мүгедектер арбасы', description: 'Лёгкая рама', descriptionKk: 'Жеңіл жақтау' } }, token);
    expect(created.errors).toBeUndefined();
    expect(created.data.createOffering).toMatchObject({ title: 'Кресло-коляска', titleKk: 'Мүгедектер арбасы', titleEn: null, descriptionKk: 'Жеңіл жақтау', descriptionEn: null });
    const id = created.data.createOffering.id as string;
    const update = `mutation($id: ID!, $input: OfferingUpdate!) { updateOffering(id: $id, input: $input) { ${TEXTS} } }`;
    const en = await gql(url, update, { id, input: { titleEn: 'Wheelchair', descriptionEn: 'Light frame' } }, token);
    expect(en.data.updateOffering).toMatchObject({ title: 'Кресло-коляска', titleKk: 'Мүгедектер арбасы', titleEn: 'Wheelchair', descriptionEn: 'Light frame' });
    expect(codes(await gql(url, update, { id, input: { titleKk: ' ' } }, token))).toEqual(['BAD_USER_INPUT']);
    const cleared = await gql(url, update, { id, input: { titleEn: '', descriptionEn: '' } }, token);
    expect(cleared.data.updateOffering).toMatchObject({ titleKk: 'Мүгедектер арбасы', titleEn: null, descriptionEn: null });
  });

  it('demo offerings come with their Kazakh titles, and English for most', async () => {
    const demo = world().offerings.slice(0, 4);
    const read = await Promise.all(demo.map((o) => gql(url, `query($id: ID!) { offering(id: $id) { ${TEXTS} } }`, { id: o.id })));
    for (const r of read) expect(r.data.offering.titleKk).toMatch(/ — /);
    expect(read.filter((r) => r.data.offering.titleEn).length).toBeGreaterThanOrEqual(3);
    expect(read[0]!.data.offering.titleKk).not.toBe(read[0]!.data.offering.title);
  });
});
