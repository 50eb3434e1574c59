import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemTypeByCode } from '@aleumet/core';
import { INTERNAL_SCOPE, OutboxEvent } from '@aleumet/events';
import { LogSmsAdapter, type SmsAdapter } from '@aleumet/notify';
import { TestClock, serviceIdentity } from '@aleumet/runtime';
import * as x509 from '@peculiar/x509';
import { canonicalize, devSigner, signDocument, type Signer } from '@aleumet/signing';
import { addWorkingDays } from '@aleumet/calendar';
import type { Platform } from '@aleumet/platform';
import { startTestPlatform } from '@aleumet/platform/testing';
import { codes, gql, tokenFor, world, integratorIdentity, departmentIdentity, representativeIdentity } from '@aleumet/testkit';
import { supplierSigned } from '@aleumet/testkit/nca';
import {
  ACCEPT, CANCEL, CREATE, DOCUMENT, MEASURE, ORDER, PUBLISH, REFUSE, eligibleFor, freshPerson, guaranteed, integrator, offeringFor, publishOne, signAndOrder, supplierToken, tokens, unique,
} from './helpers.js';

const DAY = 86_400_000;
const REACTIVATE = `mutation($id: ID!, $v: Int!) { reactivateMeasure(id: $id, version: $v) { id status version choiceDeadline remindedAt } }`;
const DEATH = `mutation($iin: String!, $d: String!) { registerDeath(personIin: $iin, diedOn: $d) { personId measuresCancelled ordersCancelled } }`;

/** An SMS gateway that can "crash" the sender right after accepting a message (before it is marked sent). */
class FlakySms implements SmsAdapter {
  readonly inner = new LogSmsAdapter();
  crashNext = false;
  async send(m: { messageId: string; to: string; text: string }) {
    await this.inner.send(m);
    if (this.crashNext) {
      this.crashNext = false;
      throw new Error('sender crashed after the gateway accepted the message');
    }
  }
  status(m: { messageId: string; to: string }) {
    return this.inner.status(m);
  }
}
/** "Choose a supplier" in Kazakh, the language of people who chose none. */
const CHOOSE = /жеткізушіні таңдаңыз/;

let platform: Platform;
const clock = new TestClock(new Date('2026-12-01T04:00:00Z'));
const sms = new FlakySms();
beforeAll(async () => {
  platform = await startTestPlatform({ clock, sms });
});
afterAll(() => platform?.close());

const run = (...personIds: string[]) => platform.runtime.scheduler.runAll({ scope: { personIds }, strict: true });
const smsTo = (phone: string) => sms.inner.delivered.filter((m) => m.to === phone);
/** Templates of the person's notifications about one measure, oldest first. */
async function notificationsOf(measureId: string): Promise<string[]> {
  const rows = await platform.subgraphs.people.orm.em.getConnection().execute<{ template: string }[]>(
    "select template from people.notification where measure_id = ? and audience = 'PERSON' order by id", [measureId]);
  return rows.map((n) => n.template);
}

/** The catalog's stock hold for an order: quantity held and whether it was given back (race-free, unlike the shared offering's stock). */
async function holdOf(orderId: string): Promise<{ quantity: number; released: boolean } | null> {
  const rows = await platform.subgraphs.catalog.orm.em.getConnection().execute<{ quantity: number; released_at: Date | null }[]>(
    'select quantity, released_at from catalog.stock_reservation where order_id = ?', [orderId]);
  return rows[0] ? { quantity: rows[0].quantity, released: rows[0].released_at !== null } : null;
}

async function s5Measure(n: number, opts: { validUntil?: string } = {}) {
  const { person, index } = freshPerson(n, 'S5');
  const offering = offeringFor(person, 'S5');
  const { measure } = await publishOne(platform, person, { kind: 'S5', itemTypeCode: offering.itemTypeCode, guaranteedSum: guaranteed(offering.itemTypeCode), ...opts });
  return { person, index, offering, measure };
}

describe('publishing measures (integrator)', () => {
  it('needs programs:write; is idempotent by sourceId; updates a changed measure', async () => {
    const { person } = freshPerson(1, 'S5');
    const offering = offeringFor(person, 'S5');
    const input = { personIin: person.iin, programNumber: unique('IPR-T4'), issuedOn: '2026-11-01', validUntil: '2027-12-31',
      measures: [{ sourceId: unique('SPS'), kind: 'S5', itemTypeCode: offering.itemTypeCode, quantity: 1, guaranteedSum: 50_000_00 }] };
    const url = platform.gateway.url;
    expect(codes(await gql(url, PUBLISH, { input }, await tokenFor(integratorIdentity(['programs:read']))))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(url, PUBLISH, { input }, await tokens(900)))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(url, PUBLISH, { input: { ...input, measures: [{ ...input.measures[0], kind: 'S6' }] } }, await integrator()))).toEqual(['BAD_USER_INPUT']);
    const first = await gql(url, PUBLISH, { input }, await integrator());
    expect(first.data.publishMeasures).toMatchObject({ created: 1, updated: 0, unchanged: 0 });
    const again = await gql(url, PUBLISH, { input }, await integrator());
    expect(again.data.publishMeasures).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    expect(again.data.publishMeasures.measures[0].id).toBe(first.data.publishMeasures.measures[0].id);
    const changed = await gql(url, PUBLISH, { input: { ...input, measures: [{ ...input.measures[0], guaranteedSum: 60_000_00 }] } }, await integrator());
    expect(changed.data.publishMeasures).toMatchObject({ created: 0, updated: 1 });
    expect(changed.data.publishMeasures.measures[0]).toMatchObject({ guaranteedSum: 60_000_00, version: 2 });
    // one "choose a supplier" SMS, not three
    await run(person.id);
    expect(smsTo(person.phone).filter((m) => CHOOSE.test(m.text))).toHaveLength(1);
  });
});

const hasOffering = (p: ReturnType<typeof world>['persons'][number], kind: string) => {
  try {
    offeringFor(p, kind);
    return true;
  } catch {
    return false;
  }
};

describe('eligibility at publication (service standards)', () => {
  it('refuses S1 without a group-1 disability with mobility difficulty and S2 without a hearing disability (NOT_ELIGIBLE, nothing written)', async () => {
    const url = platform.gateway.url;
    const band = world().persons.slice(900, 1000);
    const mobileGroup2 = band.find((p) => p.mobility && p.disabilityGroup !== 1 && p.disabilityGroup !== null)!;
    const group1Still = band.find((p) => p.disabilityGroup === 1 && !p.mobility)!;
    const notHearing = band.find((p) => !p.hearing && !eligibleFor(p, 'S1') && freshPerson(0, 'S5').person !== p && hasOffering(p, 'S5'))!;
    const eligible = freshPerson(0, 'S1').person;
    expect([eligibleFor(mobileGroup2, 'S1'), eligibleFor(group1Still, 'S1'), eligibleFor(notHearing, 'S2'), eligibleFor(eligible, 'S1')]).toEqual([false, false, false, true]);
    const publish = async (iin: string, measures: object[]) =>
      gql(url, PUBLISH, { input: { personIin: iin, programNumber: unique('IPR-ELIG'), issuedOn: '2026-11-01', validUntil: '2027-12-31', measures } }, await integrator());
    const s1 = () => ({ sourceId: unique('SPS-ELIG'), kind: 'S1', itemTypeCode: 'S1-ASSIST', quantity: 960, guaranteedSum: guaranteed('S1-ASSIST') });
    const s2 = () => ({ sourceId: unique('SPS-ELIG'), kind: 'S2', itemTypeCode: 'S2-SIGN', quantity: 60, guaranteedSum: guaranteed('S2-SIGN') });
    const s5 = () => ({ sourceId: unique('SPS-ELIG'), kind: 'S5', itemTypeCode: offeringFor(notHearing, 'S5').itemTypeCode, quantity: 1, guaranteedSum: 50_000_00 });

    for (const p of [mobileGroup2, group1Still]) {
      const r = await publish(p.iin, [s1()]);
      expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_ELIGIBLE', reason: 'S1_NEEDS_GROUP_1_WITH_MOBILITY_DIFFICULTY', field: 'measures.0.kind' });
    }
    // one ineligible measure refuses the whole publication: the S5 beside it is not written either
    const mixed = [s5(), s2()];
    const r2 = await publish(notHearing.iin, mixed);
    expect(r2.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_ELIGIBLE', reason: 'S2_NEEDS_HEARING_DISABILITY', field: 'measures.1.kind', sourceId: mixed[1]!.sourceId });
    const written = await platform.subgraphs.programs.orm.em.getConnection().execute<{ n: string }[]>(
      'select count(*) as n from programs.measure where source_id in (?, ?)', [mixed[0]!.sourceId, mixed[1]!.sourceId]);
    expect(Number(written[0]!.n)).toBe(0);
    // an eligible person gets the S1 measure
    const ok = await publish(eligible.iin, [s1()]);
    expect(ok.errors).toBeUndefined();
    expect(ok.data.publishMeasures).toMatchObject({ created: 1, measures: [{ kind: 'S1', status: 'AWAITING_CHOICE' }] });
  });
});

describe('choice window: reminder after 1 month, blocked after 2, re-activation', () => {
  it('reminds, blocks, refuses an order on a blocked measure, and re-activates', async () => {
    clock.set(new Date('2026-12-01T04:00:00Z'));
    const { person, index, offering, measure } = await s5Measure(2);
    const url = platform.gateway.url;
    const recipient = await tokens(index);
    await run(person.id);
    clock.advance(20 * DAY);
    await run(person.id);
    expect((await gql(url, MEASURE, { id: measure.id }, recipient)).data.measure.remindedAt).toBeNull();
    clock.set(new Date('2027-01-01T05:00:00Z'));
    await run(person.id);
    const reminded = (await gql(url, MEASURE, { id: measure.id }, recipient)).data.measure;
    expect(reminded.status).toBe('AWAITING_CHOICE');
    expect(reminded.remindedAt).toBe(clock.now().toISOString());
    expect(await notificationsOf(measure.id)).toEqual(['MEASURE_PUBLISHED', 'CHOICE_REMINDER']);
    await run(person.id);
    expect(await notificationsOf(measure.id)).toEqual(['MEASURE_PUBLISHED', 'CHOICE_REMINDER']);

    clock.set(new Date('2027-02-01T05:00:00Z'));
    await run(person.id);
    const blocked = (await gql(url, MEASURE, { id: measure.id }, recipient)).data.measure;
    expect(blocked.status).toBe('BLOCKED');
    expect(await notificationsOf(measure.id)).toEqual(['MEASURE_PUBLISHED', 'CHOICE_REMINDER', 'MEASURE_BLOCKED']);
    const { res } = await signAndOrder(platform, index, measure.id, offering.id);
    expect(codes(res)).toEqual(['INVALID_TRANSITION']);

    // someone else cannot re-activate it; the recipient can, once
    const other = freshPerson(3, 'S5').index;
    expect(codes(await gql(url, REACTIVATE, { id: measure.id, v: blocked.version }, await tokens(other)))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(url, REACTIVATE, { id: measure.id, v: blocked.version + 5 }, recipient))).toEqual(['CONFLICT']);
    const re = await gql(url, REACTIVATE, { id: measure.id, v: blocked.version }, recipient);
    expect(re.data.reactivateMeasure).toMatchObject({ status: 'AWAITING_CHOICE', remindedAt: null, choiceDeadline: '2027-04-01T05:00:00.000Z' });
    expect(codes(await gql(url, REACTIVATE, { id: measure.id, v: re.data.reactivateMeasure.version }, recipient))).toEqual(['INVALID_TRANSITION']);
    const ordered = await signAndOrder(platform, index, measure.id, offering.id);
    expect(ordered.res.errors).toBeUndefined();
    // one MEASURE_STATUS_CHANGED event per status change, with the new status and version (the reminder changes no status)
    const events = await platform.subgraphs.programs.orm.em.fork().find(OutboxEvent, { entityId: measure.id }, { orderBy: { id: 'asc' } });
    expect(events.map((e) => [e.type, e.entityType, e.status, e.version])).toEqual([
      ['MEASURE_STATUS_CHANGED', 'Measure', 'AWAITING_CHOICE', 1],
      ['MEASURE_STATUS_CHANGED', 'Measure', 'BLOCKED', blocked.version],
      ['MEASURE_STATUS_CHANGED', 'Measure', 'AWAITING_CHOICE', re.data.reactivateMeasure.version],
      ['MEASURE_STATUS_CHANGED', 'Measure', 'ORDERED', re.data.reactivateMeasure.version + 1],
    ]);
    expect(events.every((e) => e.id && e.occurredAt instanceof Date)).toBe(true);
  });
});

describe('re-activation by a representative', () => {
  it('the representative of the person re-activates a blocked measure; another representative cannot', async () => {
    clock.set(new Date('2026-12-01T04:00:00Z'));
    const w = world();
    // A seeded BLOCKED measure (IPR term to 2027 or later) of a person represented by one of the last representatives (others use the first ones).
    const found = Array.from({ length: 10 }, (_, k) => 40 + k).flatMap((j) => {
      const rep = representativeIdentity(j);
      return w.measures
        .filter((m) => rep.represents.includes(m.personId) && m.status === 'BLOCKED' && w.programs.find((p) => p.id === m.programId)!.validUntil >= '2027-12-31')
        .map((m) => ({ j, measure: m }));
    })[0]!;
    const url = platform.gateway.url;
    const mine = await tokenFor(representativeIdentity(found.j));
    const before = (await gql(url, MEASURE, { id: found.measure.id }, mine)).data.measure;
    expect(before.status).toBe('BLOCKED');
    const stranger = await tokenFor(representativeIdentity(found.j === 40 ? 41 : 40));
    expect(codes(await gql(url, REACTIVATE, { id: found.measure.id, v: before.version }, stranger))).toEqual(['FORBIDDEN']);
    const re = await gql(url, REACTIVATE, { id: found.measure.id, v: before.version }, mine);
    expect(re.errors).toBeUndefined();
    expect(re.data.reactivateMeasure).toMatchObject({ status: 'AWAITING_CHOICE', version: before.version + 1, remindedAt: null, choiceDeadline: '2027-02-01T04:00:00.000Z' });
  });
});

describe('signed orders: refusals', () => {
  it('refuses unsigned, tampered, foreign-signed and mismatched documents with INVALID_SIGNATURE', async () => {
    clock.set(new Date('2026-12-01T04:00:00Z'));
    const { index, offering, measure } = await s5Measure(4);
    const unsigned = await signAndOrder(platform, index, measure.id, offering.id, { tamper: () => '' });
    expect(codes(unsigned.res)).toEqual(['INVALID_SIGNATURE']);
    expect(unsigned.res.errors![0]!.extensions!.reason).toBe('UNSIGNED');
    const tampered = await signAndOrder(platform, index, measure.id, offering.id, {
      tamper: (doc) => canonicalize({ ...JSON.parse(doc), amounts: { ...JSON.parse(doc).amounts, price: 1 } }),
    });
    expect(tampered.res.errors![0]!.extensions).toMatchObject({ code: 'INVALID_SIGNATURE', reason: 'BAD_SIGNATURE' });
    const foreign = await signAndOrder(platform, index, measure.id, offering.id, { signerIin: world().persons[901]!.iin });
    expect(foreign.res.errors![0]!.extensions).toMatchObject({ code: 'INVALID_SIGNATURE', reason: 'SIGNER_MISMATCH' });
    // a valid signature over another order document (different key → different document)
    const a = await signAndOrder(platform, index, measure.id, offering.id, { tamper: (doc) => canonicalize({ ...JSON.parse(doc), idempotencyKey: 'another-key-123' }) });
    expect(a.res.errors![0]!.extensions!.code).toBe('INVALID_SIGNATURE');
    // signed with someone else's key but presented with the recipient's certificate: the signature does not match
    const url = platform.gateway.url;
    const recipient = await tokens(index);
    const signWith = async (signer: Signer, certificate?: string) => {
      const key = unique('forge-key');
      const doc = JSON.parse((await gql(url, DOCUMENT, { m: measure.id, o: offering.id, k: key }, recipient)).data.orderDocument);
      const signed = await signDocument(signer, doc);
      return gql(url, CREATE, { input: { measureId: measure.id, offeringId: offering.id, idempotencyKey: key, document: signed.document, signature: signed.signature, certificate: certificate ?? signed.certificate } }, recipient);
    };
    const own = await devSigner(world().persons[index]!.iin);
    const wrongKey = await signWith(await devSigner(world().persons[901]!.iin), own.certificate);
    expect(wrongKey.errors![0]!.extensions).toMatchObject({ code: 'INVALID_SIGNATURE', reason: 'BAD_SIGNATURE' });
    // a certificate naming the recipient's IIN, issued by a self-made CA with the platform CA's name: not trusted
    const keys = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    const alg = { name: 'ECDSA', hash: 'SHA-256' };
    const fakeCa = await x509.X509CertificateGenerator.createSelfSigned({
      serialNumber: '02', name: new x509.X509Certificate(own.certificate).issuer, keys, notBefore: new Date('2020-01-01'), notAfter: new Date('2040-01-01'), signingAlgorithm: alg,
    });
    const forged = await x509.X509CertificateGenerator.create({
      serialNumber: '03', subject: [{ '2.5.4.3': ['forger'] }, { '2.5.4.5': [`IIN${own.iin}`] }], issuer: fakeCa.subject,
      notBefore: new Date('2020-01-01'), notAfter: new Date('2040-01-01'), signingAlgorithm: alg, publicKey: keys.publicKey, signingKey: keys.privateKey,
    });
    const forger: Signer = { iin: own.iin, certificate: forged.toString('pem'), sign: async (d) => new Uint8Array(await crypto.subtle.sign(alg, keys.privateKey, d)) };
    const untrusted = await signWith(forger);
    expect(untrusted.errors![0]!.extensions).toMatchObject({ code: 'INVALID_SIGNATURE', reason: 'UNTRUSTED_CERTIFICATE' });
    // nothing was created
    const m = await gql(platform.gateway.url, MEASURE, { id: measure.id }, await tokens(index));
    expect(m.data.measure.status).toBe('AWAITING_CHOICE');
  });

  it('refuses offerings of another kind, region or out of stock, and measures of other persons', async () => {
    const { person, index, measure } = await s5Measure(5);
    const w = world();
    const wrongKind = w.offerings.find((o) => o.kind === 'S6' && o.regionCodes.includes(person.regionCode))!;
    const wrongRegion = w.offerings.find((o) => o.itemTypeCode === measure.itemTypeCode && !o.regionCodes.includes(person.regionCode));
    const noStock = w.offerings.find((o) => o.itemTypeCode === measure.itemTypeCode && o.regionCodes.includes(person.regionCode) && o.stock === 0);
    expect(codes((await signAndOrder(platform, index, measure.id, wrongKind.id)).res)).toEqual(['BAD_USER_INPUT']);
    if (wrongRegion) expect(codes((await signAndOrder(platform, index, measure.id, wrongRegion.id)).res)).toEqual(['BAD_USER_INPUT']);
    if (noStock) expect(codes((await signAndOrder(platform, index, measure.id, noStock.id)).res)).toEqual(['BAD_USER_INPUT']);
    const other = freshPerson(6, 'S5');
    expect(codes((await signAndOrder(platform, other.index, measure.id, offeringFor(person, 'S5').id)).res)).toEqual(['FORBIDDEN']);
    // delivery or pickup must be one the offering allows
    const single = w.offerings.find((o) => o.itemTypeCode === measure.itemTypeCode && o.regionCodes.includes(person.regionCode) && o.stock > 0 && o.deliveryMode !== 'BOTH');
    if (single) {
      const refused = (await signAndOrder(platform, index, measure.id, single.id, { handover: single.deliveryMode === 'DELIVERY' ? 'PICKUP' : 'DELIVERY' })).res;
      expect(refused.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'handover' });
    }
    expect((await gql(platform.gateway.url, MEASURE, { id: measure.id }, await tokens(index))).data.measure.status).toBe('AWAITING_CHOICE');
  });

  it('delivery or pickup is signed: changing it in the document is refused', async () => {
    // a recipient with an S5 offering that allows both (suppliers 10+, in stock)
    const found = Array.from({ length: 30 }, (_, k) => freshPerson(16 + k, 'S5')).map(({ person, index }) => {
      const o = world().offerings.find((x) => world().suppliers.slice(10).some((s) => s.id === x.supplierId) && x.kind === 'S5' && x.stock > 0 && x.deliveryMode === 'BOTH' && x.regionCodes.includes(person.regionCode));
      return o ? { person, index, offering: o } : null;
    }).find(Boolean)!;
    const { index, offering } = found;
    const { measure } = await publishOne(platform, found.person, { kind: 'S5', itemTypeCode: offering.itemTypeCode, guaranteedSum: guaranteed(offering.itemTypeCode) });
    const other = (doc: string) => {
      const d = JSON.parse(doc);
      return canonicalize({ ...d, handover: d.handover === 'DELIVERY' ? 'PICKUP' : 'DELIVERY' });
    };
    const changed = await signAndOrder(platform, index, measure.id, offering.id, { tamper: other });
    expect(changed.res.errors![0]!.extensions).toMatchObject({ code: 'INVALID_SIGNATURE' });
    const ok = await signAndOrder(platform, index, measure.id, offering.id);
    expect(ok.res.errors).toBeUndefined();
    // without a choice: delivery when the supplier delivers
    expect(ok.res.data.createOrder.handover).toBe('DELIVERY');
  });

  it('is idempotent by key; a reused key for another order is a CONFLICT', async () => {
    const { person, index, offering, measure } = await s5Measure(7);
    const key = unique('idem');
    const first = await signAndOrder(platform, index, measure.id, offering.id, { key });
    expect(first.res.errors).toBeUndefined();
    const second = await signAndOrder(platform, index, measure.id, offering.id, { key });
    // the measure is ORDERED now, so the document query refuses; replaying createOrder itself returns the same order
    const replay = await gql(platform.gateway.url, `mutation($input: CreateOrderInput!) { createOrder(input: $input) { id } }`, {
      input: { measureId: measure.id, offeringId: offering.id, idempotencyKey: key, document: first.signed!.document, signature: first.signed!.signature, certificate: first.signed!.certificate },
    }, await tokens(index));
    expect(replay.data.createOrder.id).toBe(first.res.data.createOrder.id);
    expect(codes(second.res)).toEqual(['CONFLICT']);
    const otherOffering = offeringFor(person, 'S5', 1);
    const reused = await gql(platform.gateway.url, `mutation($input: CreateOrderInput!) { createOrder(input: $input) { id } }`, {
      input: { measureId: measure.id, offeringId: otherOffering.id, idempotencyKey: key, document: first.signed!.document, signature: first.signed!.signature, certificate: first.signed!.certificate },
    }, await tokens(index));
    if (otherOffering.id !== offering.id) expect(reused.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('two concurrent orders for one measure: one order, one CONFLICT', async () => {
    const { index, offering, measure } = await s5Measure(8);
    const both = await Promise.all([signAndOrder(platform, index, measure.id, offering.id), signAndOrder(platform, index, measure.id, offering.id)]);
    const ok = both.filter((b) => !b.res.errors);
    expect(ok).toHaveLength(1);
    expect(both.flatMap((b) => codes(b.res))).toEqual(['CONFLICT']);
    const orders = await gql(platform.gateway.url, `query($id: ID!) { measure(id: $id) { status orders { nodes { id status } } } }`, { id: measure.id }, await tokens(index));
    expect(orders.data.measure.status).toBe('ORDERED');
    expect(orders.data.measure.orders.nodes).toEqual([{ id: ok[0]!.res.data.createOrder.id, status: 'AWAITING_SUPPLIER' }]);
    // whichever request loses the race, the database itself refuses a second active order for the measure
    const copy = platform.subgraphs.orders.orm.em.getConnection().execute(
      `insert into orders."order" (id, created_at, updated_at, number, measure_id, offering_id, person_id, supplier_id, region_code, status, price, quantity, accept_deadline)
       select gen_random_uuid(), now(), now(), ?, measure_id, offering_id, person_id, supplier_id, region_code, status, price, quantity, accept_deadline from orders."order" where id = ?`,
      [unique('ORD-X'), ok[0]!.res.data.createOrder.id],
    );
    await expect(copy).rejects.toMatchObject({ code: '23505', constraint: 'order_one_active_per_measure' });
  });
});

describe('supplier side and cancellations', () => {
  it('an order not accepted within 5 working days expires; the measure can be ordered again', async () => {
    clock.set(new Date('2026-12-11T05:00:00Z')); // Friday; 16 December is a holiday
    const { person, index, offering, measure } = await s5Measure(9);
    const { res } = await signAndOrder(platform, index, measure.id, offering.id);
    const order = res.data.createOrder;
    expect(order.acceptDeadline).toBe(addWorkingDays(clock.now(), 5).toISOString());
    expect(order.acceptDeadline).toBe('2026-12-21T19:00:00.000Z');
    clock.set(new Date('2026-12-21T18:00:00Z'));
    await run(person.id);
    const recipient = await tokens(index);
    expect((await gql(platform.gateway.url, ORDER, { id: order.id }, recipient)).data.order.status).toBe('AWAITING_SUPPLIER');
    clock.set(new Date('2026-12-21T19:00:01Z'));
    await run(person.id);
    const expired = (await gql(platform.gateway.url, ORDER, { id: order.id }, recipient)).data.order;
    expect(expired).toMatchObject({ status: 'EXPIRED', version: 2, claim: { status: 'CANCELLED' } });
    expect(codes(await gql(platform.gateway.url, ACCEPT, await supplierSigned(platform.gateway.url, await supplierToken(offering.supplierId), 'ACCEPT', { id: order.id, v: 2 }), await supplierToken(offering.supplierId)))).toEqual(['INVALID_TRANSITION']);
    expect((await gql(platform.gateway.url, MEASURE, { id: measure.id }, recipient)).data.measure.status).toBe('AWAITING_CHOICE');
    await run(person.id);
    expect(await notificationsOf(measure.id)).toEqual(['MEASURE_PUBLISHED', 'CHOOSE_AGAIN']);
    expect((await signAndOrder(platform, index, measure.id, offering.id)).res.errors).toBeUndefined();
  });

  it('a refusal returns the measure to awaiting choice, cancels the claim and releases the stock', async () => {
    clock.set(new Date('2026-12-01T04:00:00Z'));
    const { index, offering, measure } = await s5Measure(10);
    const STOCK = `query($id: ID!) { offering(id: $id) { stock } }`;
    const stock = async () => (await gql(platform.gateway.url, STOCK, { id: offering.id })).data.offering.stock as number;
    const before = await stock();
    const order = (await signAndOrder(platform, index, measure.id, offering.id)).res.data.createOrder;
    expect(await stock()).toBe(before - 1);
    const r = await gql(platform.gateway.url, REFUSE, await supplierSigned(platform.gateway.url, await supplierToken(offering.supplierId), 'REFUSE', { id: order.id, v: 1, code: 'OUT_OF_STOCK' }), await supplierToken(offering.supplierId));
    expect(r.data.refuseOrder).toMatchObject({ status: 'REFUSED', refusalCode: 'OUT_OF_STOCK', refusalReason: null });
    // the cancellation gives the stock back
    expect(await stock()).toBe(before);
    const recipient = await tokens(index);
    expect((await gql(platform.gateway.url, ORDER, { id: order.id }, recipient)).data.order.claim.status).toBe('CANCELLED');
    expect((await gql(platform.gateway.url, MEASURE, { id: measure.id }, recipient)).data.measure.status).toBe('AWAITING_CHOICE');
  });

  it('out of stock is a reason for goods only (004 ¶83, ¶28); OTHER says why; the code and comment are signed and the recipient reads them', async () => {
    clock.set(new Date('2026-12-01T04:00:00Z'));
    const { person, index } = freshPerson(41, 'S2');
    const offering = offeringFor(person, 'S2');
    const { measure } = await publishOne(platform, person, { kind: 'S2', itemTypeCode: offering.itemTypeCode, quantity: 60, guaranteedSum: guaranteed(offering.itemTypeCode) });
    const created = await signAndOrder(platform, index, measure.id, offering.id);
    expect(created.res.errors).toBeUndefined();
    const order = created.res.data.createOrder;
    const url = platform.gateway.url;
    const supplier = await supplierToken(offering.supplierId);
    const refuse = async (v: { code: string; c?: string }) => gql(url, REFUSE, await supplierSigned(url, supplier, 'REFUSE', { id: order.id, v: 1, ...v }), supplier);
    const refused = async (v: { code: string; c?: string }) => (await refuse(v)).errors?.map((e) => [e.extensions?.code, e.extensions?.field]);
    expect(await refused({ code: 'OUT_OF_STOCK' })).toEqual([['BAD_USER_INPUT', 'reasonCode']]);
    expect(await refused({ code: 'OTHER' })).toEqual([['BAD_USER_INPUT', 'comment']]);
    expect(await refused({ code: 'OTHER', c: 'x'.repeat(1001) })).toEqual([['BAD_USER_INPUT', 'comment']]);
    expect(codes(await gql(url, `query($id: ID!) { supplierOrderDocument(id: $id, action: ACCEPT, reasonCode: OTHER) }`, { id: order.id }, supplier))).toEqual(['BAD_USER_INPUT']);
    // Nothing was written by the refused attempts.
    expect((await gql(url, ORDER, { id: order.id }, await tokens(index))).data.order).toMatchObject({ status: 'AWAITING_SUPPLIER', version: 1 });

    const ok = await refuse({ code: 'OTHER', c: 'No sign-language specialist is free this month' });
    expect(ok.errors).toBeUndefined();
    expect(ok.data.refuseOrder).toMatchObject({ status: 'REFUSED', refusalCode: 'OTHER', refusalReason: 'No sign-language specialist is free this month' });
    const SIGNED = `query($id: ID!) { order(id: $id) { supplierSignedDocument } }`;
    const signed = JSON.parse((await gql(url, SIGNED, { id: order.id }, supplier)).data.order.supplierSignedDocument);
    expect(signed).toMatchObject({ action: 'REFUSE_ORDER', refusal: { reasonCode: 'OTHER', comment: 'No sign-language specialist is free this month' } });
    const seen = (await gql(url, ORDER, { id: order.id }, await tokens(index))).data.order;
    expect(seen).toMatchObject({ refusalCode: 'OTHER', refusalReason: 'No sign-language specialist is free this month' });
  });

  it('the recipient cancels before acceptance; the measure is free again', async () => {
    const { index, offering, measure } = await s5Measure(11);
    const order = (await signAndOrder(platform, index, measure.id, offering.id)).res.data.createOrder;
    const recipient = await tokens(index);
    expect((await gql(platform.gateway.url, CANCEL, { id: order.id, v: 1, r: 'Found one myself' }, recipient)).data.cancelOrder.status).toBe('CANCELLED');
    expect((await gql(platform.gateway.url, MEASURE, { id: measure.id }, recipient)).data.measure.status).toBe('AWAITING_CHOICE');
  });

  it('the IPR term ending cancels the measure and its active order', async () => {
    clock.set(new Date('2026-12-01T04:00:00Z'));
    const { person, index, offering, measure } = await s5Measure(12, { validUntil: '2026-12-31' });
    const order = (await signAndOrder(platform, index, measure.id, offering.id)).res.data.createOrder;
    expect(await holdOf(order.id)).toEqual({ quantity: 1, released: false });
    await gql(platform.gateway.url, ACCEPT, await supplierSigned(platform.gateway.url, await supplierToken(offering.supplierId), 'ACCEPT', { id: order.id, v: 1 }), await supplierToken(offering.supplierId));
    clock.set(new Date('2026-12-31T12:00:00Z'));
    await run(person.id);
    const recipient = await tokens(index);
    expect((await gql(platform.gateway.url, MEASURE, { id: measure.id }, recipient)).data.measure.status).toBe('ORDERED');
    clock.set(new Date('2026-12-31T19:30:00Z')); // 1 January in Almaty
    await run(person.id);
    expect((await gql(platform.gateway.url, MEASURE, { id: measure.id }, recipient)).data.measure).toMatchObject({ status: 'CANCELLED', closedReason: 'IPR_TERM_EXPIRED' });
    expect((await gql(platform.gateway.url, ORDER, { id: order.id }, recipient)).data.order).toMatchObject({ status: 'CANCELLED', cancellationReason: 'IPR_TERM_EXPIRED', claim: { status: 'CANCELLED' } });
    expect(await holdOf(order.id)).toEqual({ quantity: 1, released: true });
  });

  it('a registered death cancels open measures and active orders', async () => {
    clock.set(new Date('2026-12-01T04:00:00Z'));
    const { person, index, offering, measure } = await s5Measure(13);
    const order = (await signAndOrder(platform, index, measure.id, offering.id)).res.data.createOrder;
    expect(await holdOf(order.id)).toEqual({ quantity: 1, released: false });
    expect(codes(await gql(platform.gateway.url, DEATH, { iin: person.iin, d: '2026-12-01' }, await tokens(index)))).toEqual(['FORBIDDEN']);
    const d = await gql(platform.gateway.url, DEATH, { iin: person.iin, d: '2026-12-01' }, await integrator());
    expect(d.errors).toBeUndefined();
    expect(d.data.registerDeath.ordersCancelled).toBeGreaterThanOrEqual(1);
    const admin = await integrator();
    expect((await gql(platform.gateway.url, ORDER, { id: order.id }, admin)).data.order).toMatchObject({ status: 'CANCELLED', cancellationReason: 'DEATH_REGISTERED' });
    expect((await gql(platform.gateway.url, MEASURE, { id: measure.id }, admin)).data.measure).toMatchObject({ status: 'CANCELLED', closedReason: 'DEATH_REGISTERED' });
    // the cancellation gives the stock back
    expect(await holdOf(order.id)).toEqual({ quantity: 1, released: true });
    // people records the death too (an employment department of the person's region reads it).
    const dept = await tokenFor(departmentIdentity(person.regionCode));
    const read = await gql(platform.gateway.url, `query($id: ID!) { person(id: $id) { deceased } }`, { id: person.id }, dept);
    expect(read.errors).toBeUndefined();
    expect(read.data.person.deceased).toBe(true);
  });
});

describe('outbox delivery', () => {
  it('an SMS is neither lost nor sent twice when the sender crashes after the gateway accepted it', async () => {
    clock.set(new Date('2026-12-01T04:00:00Z'));
    // settle the person's seeded measures first (their old windows close and notify), then publish one
    // (three runs: the window job queues its notices, the command is delivered, then they are sent)
    for (let i = 0; i < 3; i++) await run(freshPerson(14, 'S5').person.id);
    const { person, measure } = await s5Measure(14);
    sms.crashNext = true;
    const before = sms.inner.calls;
    await platform.runtime.scheduler.runAll({ scope: { personIds: [person.id] }, only: ['people:notifications'] });
    expect(sms.inner.calls).toBe(before + 1);
    // at once again: the retry waits for its backoff
    await run(person.id);
    expect(sms.inner.calls).toBe(before + 1);
    // the retry first asks the provider about the same message id: it has it, so it is recorded, not sent again
    clock.advance(61_000);
    await run(person.id);
    expect(sms.inner.calls).toBe(before + 1);
    expect(sms.inner.delivered.filter((m) => m.to === person.phone && CHOOSE.test(m.text) && m.text.includes(itemTypeByCode.get(measure.itemTypeCode)!.kk))).toHaveLength(1);
    expect(await notificationsOf(measure.id)).toEqual(['MEASURE_PUBLISHED']);
    await run(person.id);
    expect(sms.inner.calls).toBe(before + 1);
  });

  it('commands between subgraphs are applied once and only from services', async () => {
    const { index, offering, measure } = await s5Measure(15);
    const order = (await signAndOrder(platform, index, measure.id, offering.id)).res.data.createOrder;
    const programs = platform.subgraphs.programs.url;
    const op = `mutation($c: ID!, $m: ID!, $o: ID!) { internalMeasureReleased(commandId: $c, measureId: $m, orderId: $o) }`;
    const vars = { c: '0190a000-0000-7000-8000-' + order.id.slice(-12), m: measure.id, o: order.id };
    expect(codes(await gql(programs, op, vars, await integrator()))).toEqual(['FORBIDDEN']);
    const service = await tokenFor(serviceIdentity('orders', [INTERNAL_SCOPE]));
    expect((await gql(programs, op, vars, service)).data.internalMeasureReleased).toBe(true);
    expect((await gql(programs, op, vars, service)).data.internalMeasureReleased).toBe(false);
    // not part of the public API: the gateway does not know it
    expect(codes(await gql(platform.gateway.url, op, vars, service))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });
});
