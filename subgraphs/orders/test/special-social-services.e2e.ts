import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '@aleumet/runtime';
import type { Platform } from '@aleumet/platform';
import { startTestPlatform } from '@aleumet/platform/testing';
import { makeIin } from '@aleumet/core';
import { codes, gql, integratorIdentity, sql, tokenFor, world } from '@aleumet/testkit';
import { departmentSigned, supplierSigned } from '@aleumet/testkit/nca';
import { ACCEPT, MEASURE, departmentToken, guaranteed, integrator, publishOne, signAndOrder, signAndOrderAs, supplierToken, tokens, unique } from './helpers.js';

/**
 * Special social services for a person who cannot care for themselves because of old age (seeds 003 ¶7,
 * ¶8, ¶13; 001): the recommended service and its status in the cabinet, providers registered with that
 * direction offering it in the person's region, ordering and reporting as for services (journal, monthly
 * act, the department approves and pays). Person 864 (elderly) is this file's.
 */
const PERSON = 864;
const MY_MEASURES = `{ me { category } measures(first: 50) { nodes { id kind itemTypeCode status } } }`;
const OFFERINGS = `query($r: String!) { offerings(filter: { kind: SSS, regionCode: $r }, first: 50) { nodes { id kind itemTypeCode price supplier { id name directions } } } }`;
const SUPPLIER = `query($id: ID!) { supplier(id: $id) { id directions } }`;
const LOG = `mutation($o: ID!, $in: JournalEntryInput!) { logServiceHours(orderId: $o, input: $in) { id date minutes places mode } }`;
const GEN = `mutation($o: ID!, $p: String!) { generateServiceAct(orderId: $o, period: $p) { id status version kind minutes cost statePart } }`;
const SUBMIT = `mutation($id: ID!, $v: Int!, $signature: String!, $certificate: String) { submitServiceAct(id: $id, version: $v, signature: $signature, certificate: $certificate) { id status version } }`;
const APPROVE = `mutation($id: ID!, $v: Int!, $signature: String!, $certificate: String) { approveServiceAct(id: $id, version: $v, signature: $signature, certificate: $certificate) { id status version } }`;
const ORDER = `query($id: ID!) { order(id: $id) { id status kind serviceUntil claim { id } claims { nodes { status statePart period } } } }`;
const DEPT_ACTS = `{ serviceActs(status: SUBMITTED, first: 100) { nodes { id kind } } }`;

let platform: Platform;
const clock = new TestClock(new Date('2026-11-02T04:00:00Z'));
beforeAll(async () => {
  platform = await startTestPlatform({ clock });
});
afterAll(() => platform?.close());

describe('special social services (003 ¶7, ¶8)', () => {
  it('the demo world has providers of the direction in every region and elderly recipients with recommended services', () => {
    const w = world();
    const providers = w.suppliers.filter((s) => s.directions.includes('SSS'));
    expect(providers.length).toBeGreaterThanOrEqual(8);
    const regions = new Set(w.offerings.filter((o) => o.kind === 'SSS').flatMap((o) => o.regionCodes));
    expect(regions.size).toBe(20);
    const recommended = w.measures.filter((m) => m.kind === 'SSS');
    expect(recommended.length).toBeGreaterThan(20);
    const byId = new Map(w.persons.map((p) => [p.id, p]));
    expect(recommended.every((m) => byId.get(m.personId)!.category === 'ELDERLY')).toBe(true);
  });

  it('recommended in the cabinet, ordered from a provider of the region, journal and monthly act approved by the department, fulfilled at the end', async () => {
    const url = platform.gateway.url;
    const person = world().persons[PERSON]!;
    expect(person.category).toBe('ELDERLY');
    const gsum = guaranteed('SSS-HOME');
    const { measure } = await publishOne(platform, person, { kind: 'SSS', itemTypeCode: 'SSS-HOME', quantity: 480, guaranteedSum: gsum, issuedOn: '2026-11-01', validUntil: '2026-12-31' });
    expect(measure).toMatchObject({ kind: 'SSS', status: 'AWAITING_CHOICE' });

    // The cabinet: the recommended service and its status (003 ¶7).
    const recipient = await tokens(PERSON);
    const cabinet = (await gql(url, MY_MEASURES, {}, recipient)).data;
    expect(cabinet.me.category).toBe('ELDERLY');
    expect(cabinet.measures.nodes).toContainEqual({ id: measure.id, kind: 'SSS', itemTypeCode: 'SSS-HOME', status: 'AWAITING_CHOICE' });

    // "Help for you": providers of special social services in the person's region (003 ¶8, ¶13).
    const offers = (await gql(url, OFFERINGS, { r: person.regionCode })).data.offerings.nodes.filter((o: any) => o.itemTypeCode === 'SSS-HOME');
    expect(offers.length).toBeGreaterThan(0);
    expect(offers.every((o: any) => o.kind === 'SSS' && o.supplier.directions.includes('SSS'))).toBe(true);
    const offering = offers[0];
    const provider = (await gql(url, SUPPLIER, { id: offering.supplier.id })).data.supplier;
    expect(provider.directions).toEqual(['SSS']);

    // Ordered and signed like any measure; a service: no claim at ordering, paid per monthly act.
    const { res } = await signAndOrder(platform, PERSON, measure.id, offering.id);
    expect(res.errors).toBeUndefined();
    const order = res.data.createOrder;
    expect(order).toMatchObject({ kind: 'SSS', status: 'AWAITING_SUPPLIER' });
    const supplier = await supplierToken(offering.supplier.id);
    expect((await gql(url, ACCEPT, await supplierSigned(url, supplier, 'ACCEPT', { id: order.id, v: 1 }), supplier)).data.acceptOrder.status).toBe('ACCEPTED');
    expect((await gql(url, ORDER, { id: order.id }, recipient)).data.order).toMatchObject({ serviceUntil: '2026-12-31', claim: null });

    clock.set(new Date('2026-11-20T10:00:00Z'));
    const log = (i: object) => gql(url, LOG, { o: order.id, in: i }, supplier);
    expect((await log({ date: '2026-11-03', startTime: '09:00', endTime: '13:00' })).data.logServiceHours).toMatchObject({ minutes: 240, places: [], mode: null });
    expect((await log({ date: '2026-11-04', startTime: '09:00', endTime: '12:30' })).errors).toBeUndefined();
    expect(codes(await log({ date: '2026-11-04', startTime: '12:00', endTime: '13:00' }))).toEqual(['CONFLICT']);
    expect(codes(await log({ date: '2026-11-21', startTime: '09:00', endTime: '10:00' }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql(url, LOG, { o: order.id, in: { date: '2026-11-05', startTime: '09:00', endTime: '10:00' } }, recipient))).toEqual(['FORBIDDEN']);

    clock.set(new Date('2026-12-02T05:00:00Z'));
    const unitPrice = Math.round(offering.price / 480);
    let act = (await gql(url, GEN, { o: order.id, p: '2026-11' }, supplier)).data.generateServiceAct;
    expect(act).toMatchObject({ status: 'DRAFT', kind: 'SSS', minutes: 450, cost: Math.round((450 * unitPrice) / 60) });
    const statePart = act.statePart;
    act = (await gql(url, SUBMIT, await supplierSigned(url, supplier, 'ACT', { id: act.id, v: act.version }), supplier)).data.submitServiceAct;
    expect(act.status).toBe('SUBMITTED');

    // The department's view: the act among those to approve; another region's department cannot approve it.
    const department = await departmentToken(person.regionCode);
    expect((await gql(url, DEPT_ACTS, {}, department)).data.serviceActs.nodes).toContainEqual({ id: act.id, kind: 'SSS' });
    const other = world().persons.find((p) => p.regionCode !== person.regionCode)!.regionCode;
    expect(codes(await gql(url, APPROVE, { id: act.id, v: act.version, signature: 'x', certificate: 'x' }, await departmentToken(other)))).toEqual(['FORBIDDEN']);
    expect((await gql(url, APPROVE, await departmentSigned(url, department, 'APPROVE', { id: act.id, v: act.version }), department)).data.approveServiceAct.status).toBe('APPROVED');
    expect((await gql(url, ORDER, { id: order.id }, recipient)).data.order.claims.nodes).toEqual([{ status: 'APPROVED', statePart, period: '2026-11' }]);

    // The recommendation's term ends with service rendered: the order is handed over and the service fulfilled.
    clock.set(new Date('2027-01-02T05:00:00Z'));
    await platform.runtime.scheduler.runAll({ scope: { personIds: [person.id] }, strict: true });
    expect((await gql(url, ORDER, { id: order.id }, recipient)).data.order.status).toBe('HANDED_OVER');
    expect((await gql(url, MEASURE, { id: measure.id }, recipient)).data.measure.status).toBe('FULFILLED');
  });

  it('publishing needs the special social service item type to match its kind', async () => {
    const person = world().persons[PERSON]!;
    const r = await gql(platform.gateway.url, `mutation($input: PublishMeasuresInput!) { publishMeasures(input: $input) { created } }`, {
      input: { personIin: person.iin, programNumber: 'SSS-T-KIND', issuedOn: '2026-11-01', validUntil: '2026-12-31', measures: [{ sourceId: 'SSS-T-KIND-1', kind: 'S5', itemTypeCode: 'SSS-DAY', quantity: 1, guaranteedSum: 100 }] },
    }, await integrator());
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'measures.0.kind' });
  });
});

describe('who may receive special social services (003 ¶2.10, ¶7; 002 ¶7)', () => {
  const PUBLISH_ONE = `mutation($input: PublishMeasuresInput!) { publishMeasures(input: $input) { measures { id person { id } } } }`;
  const RECORD = `mutation($input: PersonRecordInput!) { recordPerson(input: $input) { outcome } }`;
  /** A person outside the demo world, as Е-Собес sends them with the recommendation (Astana). */
  const personOf = (birthDate: string, sex: 'MALE' | 'FEMALE', serial: number, category: string, version = 1) => ({
    iin: makeIin(birthDate, sex, serial), sourceVersion: version, lastName: 'Қарттар', firstName: 'Сынақ', middleName: null, birthDate, sex, regionCode: 'KZ-71',
    permanentAddress: 'Астана, ул. Жасыл, д. 1', temporaryAddress: null, category, disabilityGroup: category === 'DISABLED' ? 2 : null, needs: { vision: false, hearing: false, mobility: true },
  });
  const recommend = (person: ReturnType<typeof personOf>, sourceId = unique('SSS-AGE')) => ({
    personIin: person.iin, programNumber: unique('SSS-PLAN'), issuedOn: '2027-01-04', validUntil: '2027-12-31', person,
    measures: [{ sourceId, kind: 'SSS', itemTypeCode: 'SSS-HOME', quantity: 100, guaranteedSum: guaranteed('SSS-HOME') }],
  });
  const eSobes = () => tokenFor(integratorIdentity(['programs:write', 'programs:read', 'people:write', 'people:read']));

  it('at publication: a person unable to care for themselves because of old age from the pension age (61 for a woman, 63 for a man), nobody younger', async () => {
    clock.set(new Date('2027-01-04T05:00:00Z')); // Monday, 2027-01-04 in Astana
    const url = platform.gateway.url;
    const token = await eSobes();
    // 61 years old yesterday: served; 61 the day after tomorrow: not yet.
    const woman61 = personOf('1966-01-03', 'FEMALE', 931, 'ELDERLY');
    expect((await gql(url, PUBLISH_ONE, { input: recommend(woman61) }, token)).errors).toBeUndefined();
    const woman60 = personOf('1966-01-06', 'FEMALE', 932, 'ELDERLY');
    const young = recommend(woman60);
    const refused = await gql(url, PUBLISH_ONE, { input: young }, token);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_ELIGIBLE', reason: 'SSS_NEEDS_OLD_AGE', field: 'measures.0.kind' });
    expect(await sql('select count(*)::int as n from programs.measure where source_id = $1', [young.measures[0]!.sourceId])).toEqual([{ n: 0 }]);
    // A man is served from 63: 62 is refused, 63 served.
    const man62 = personOf('1964-02-01', 'MALE', 933, 'ELDERLY');
    expect((await gql(url, PUBLISH_ONE, { input: recommend(man62) }, token)).errors?.[0]?.extensions).toMatchObject({ code: 'NOT_ELIGIBLE', reason: 'SSS_NEEDS_OLD_AGE' });
    const man63 = personOf('1963-12-30', 'MALE', 934, 'ELDERLY');
    expect((await gql(url, PUBLISH_ONE, { input: recommend(man63) }, token)).errors).toBeUndefined();
    // A person with a disability is served at any age.
    expect((await gql(url, PUBLISH_ONE, { input: recommend(personOf('1990-05-05', 'FEMALE', 935, 'DISABLED')) }, token)).errors).toBeUndefined();
  });

  it('again at ordering: a person reassessed since (no longer disabled, not of age) cannot order it', async () => {
    clock.set(new Date('2027-01-04T05:00:00Z'));
    const url = platform.gateway.url;
    const token = await eSobes();
    const disabled = personOf('1972-03-03', 'MALE', 936, 'DISABLED');
    const published = await gql(url, PUBLISH_ONE, { input: recommend(disabled) }, token);
    expect(published.errors, JSON.stringify(published.errors)).toBeUndefined();
    const measure = published.data.publishMeasures.measures[0];
    // The assessment changes: the person is now recorded as elderly (54 years old).
    expect((await gql(url, RECORD, { input: personOf('1972-03-03', 'MALE', 936, 'ELDERLY', 2) }, token)).data.recordPerson.outcome).toBe('UPDATED');
    const offering = (await gql(url, OFFERINGS, { r: 'KZ-71' })).data.offerings.nodes.find((o: any) => o.itemTypeCode === 'SSS-HOME');
    const { res } = await signAndOrderAs(platform, { id: measure.person.id, iin: disabled.iin }, measure.id, offering.id);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_ELIGIBLE', reason: 'SSS_NEEDS_OLD_AGE' });
    expect(await sql('select count(*)::int as n from orders."order" where measure_id = $1', [measure.id])).toEqual([{ n: 0 }]);
  });
});
