import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '@aleumet/runtime';
import type { Platform } from '@aleumet/platform';
import { codes, gql, world } from '@aleumet/testkit';
import { startTestPlatform } from '@aleumet/platform/testing';
import type { DemoOffering, DemoPerson } from '@aleumet/demo-data';
import { DocumentLanguage, tengeText } from '../domain/order-text.js';
import { DOCUMENT, guaranteed, publishOne, signAndOrder, supplierToken, tokens, unique } from './helpers.js';

let platform: Platform;
const clock = new TestClock(new Date('2026-12-02T05:00:00Z'));
beforeAll(async () => {
  platform = await startTestPlatform({ clock });
});
afterAll(() => platform?.close());

const SUPPLIER_VIEW = `query($id: ID!) { order(id: $id) { id number coPayment statePart handover delivery { address phone window comment } } }`;

/** Recipients 960–989 (this file's), each with a delivered aid in stock in their region. */
function deliverable(n: number): { person: DemoPerson; index: number; offering: DemoOffering } {
  const w = world();
  const spare = new Set(w.suppliers.slice(10).map((s) => s.id));
  const found: { person: DemoPerson; index: number; offering: DemoOffering }[] = [];
  for (let index = 960; index < 990; index++) {
    const person = w.persons[index]!;
    const offering = w.offerings.find((o) => spare.has(o.supplierId) && o.kind === 'S6' && o.deliveryMode !== 'PICKUP' && o.stock > 2 && o.regionCodes.includes(person.regionCode));
    if (offering) found.push({ person, index, offering });
  }
  return found[n]!;
}

describe('delivery details and the document in the signer\'s language', () => {
  it('tenge for a person: kk/ru with spaces and a comma, en with commas', () => {
    expect(tengeText(42_336_000, DocumentLanguage.RU)).toBe('423\u00a0360,00\u00a0₸');
    expect(tengeText(42_336_050, DocumentLanguage.KK)).toBe('423\u00a0360,50\u00a0₸');
    expect(tengeText(5, DocumentLanguage.EN)).toBe('₸0.05');
    expect(tengeText(123_456_789_00, DocumentLanguage.EN)).toBe('₸123,456,789.00');
  });

  it('a delivery order carries address (default: the registered one), phone, window and comment, signed in Kazakh with tenge; the supplier sees them and the co-payment', async () => {
    const { person, index, offering } = deliverable(0);
    const guaranteedSum = offering.price - 500_00;
    const { measure } = await publishOne(platform, person, { kind: 'S6', itemTypeCode: offering.itemTypeCode, guaranteedSum });
    const delivery = { phone: '8 (701) 555-12-34', window: 'Жұмыс күндері 10:00–14:00', comment: 'Подъезд 2, домофон 45' };
    const { res, signed } = await signAndOrder(platform, index, measure.id, offering.id, { handover: 'DELIVERY', language: 'KK', delivery });
    expect(res.errors).toBeUndefined();
    const doc = JSON.parse(signed!.document);
    expect(doc).toMatchObject({
      version: 2, language: 'KK', handover: 'DELIVERY',
      delivery: { address: person.address, phone: '+77015551234', window: delivery.window, comment: delivery.comment },
      amounts: { unit: 'tiyn', price: offering.price, coPayment: 500_00 },
    });
    // The human-readable part, signed with the rest: Kazakh labels, tenge written for a person, the legal text.
    expect(doc.text).toContain(`Жеткізу мекенжайы: ${person.address}`);
    expect(doc.text).toContain(`Бағасы: ${tengeText(offering.price, DocumentLanguage.KK)}`);
    expect(doc.text).toContain(`Мен жеткізушіге төлеймін: 500,00\u00a0₸`);
    expect(doc.text).toContain('өтеуді сұраймын');
    expect(doc.text).not.toContain(String(offering.price));

    const order = res.data.createOrder;
    expect(order.number).toMatch(/^2026-\d{6}$/);
    const view = await gql(platform.gateway.url, SUPPLIER_VIEW, { id: order.id }, await supplierToken(offering.supplierId));
    expect(view.errors).toBeUndefined();
    expect(view.data.order).toMatchObject({
      coPayment: 500_00, statePart: guaranteedSum, handover: 'DELIVERY',
      delivery: { address: person.address, phone: '+77015551234', window: delivery.window, comment: delivery.comment },
    });
  });

  it('a changed address after signing is refused; delivery details are bounded and only for delivery', async () => {
    const { person, index, offering } = deliverable(1);
    const { measure } = await publishOne(platform, person, { kind: 'S6', itemTypeCode: offering.itemTypeCode, guaranteedSum: guaranteed(offering.itemTypeCode) });
    const tampered = await signAndOrder(platform, index, measure.id, offering.id, {
      handover: 'DELIVERY', language: 'RU', delivery: { address: 'г. Алматы, ул. Абая, 1' },
      tamper: (d) => d.replace('ул. Абая, 1', 'ул. Абая, 2'),
    });
    expect(codes(tampered.res)).toEqual(['INVALID_SIGNATURE']);

    const url = platform.gateway.url;
    const t = await tokens(index);
    const ask = (d: Record<string, string>, h = 'DELIVERY') => gql(url, DOCUMENT, { m: measure.id, o: offering.id, k: unique('doc'), h, l: 'RU', d }, t);
    const field = (r: Awaited<ReturnType<typeof ask>>) => [codes(r)[0], r.errors?.[0]?.extensions?.field];
    expect(field(await ask({ comment: 'x'.repeat(1001) }))).toEqual(['BAD_USER_INPUT', 'delivery.comment']);
    expect(field(await ask({ address: 'y'.repeat(501) }))).toEqual(['BAD_USER_INPUT', 'delivery.address']);
    expect(field(await ask({ phone: '12345' }))).toEqual(['BAD_USER_INPUT', 'delivery.phone']);
    expect(field(await ask({ window: 'z'.repeat(201) }))).toEqual(['BAD_USER_INPUT', 'delivery.window']);
    if (offering.deliveryMode === 'BOTH') expect(field(await ask({ comment: 'x' }, 'PICKUP'))).toEqual(['BAD_USER_INPUT', 'delivery']);
    // Russian text with the same amounts in tenge
    const ru = JSON.parse((await ask({ window: 'после 18:00' })).data.orderDocument);
    expect(ru.text).toContain(`Цена: ${tengeText(offering.price, DocumentLanguage.RU)}`);
    expect(ru.text).toContain('Удобное время: после 18:00');
  });

  it('order numbers are short, per year and distinct under concurrent signing', async () => {
    const picks = [deliverable(2), deliverable(3), deliverable(4)];
    const measures = await Promise.all(picks.map((p) => publishOne(platform, p.person, { kind: 'S6', itemTypeCode: p.offering.itemTypeCode, guaranteedSum: guaranteed(p.offering.itemTypeCode) })));
    const orders = await Promise.all(picks.map((p, i) => signAndOrder(platform, p.index, measures[i]!.measure.id, p.offering.id, { handover: 'DELIVERY', language: 'EN' })));
    const numbers = orders.map((o) => o.res.data.createOrder.number as string);
    for (const n of numbers) expect(n).toMatch(/^2026-\d{6}$/);
    expect(new Set(numbers).size).toBe(3);
  });
});
