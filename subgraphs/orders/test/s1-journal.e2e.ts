import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '@aleumet/runtime';
import type { Platform } from '@aleumet/platform';
import { startTestPlatform } from '@aleumet/platform/testing';
import { codes, gql } from '@aleumet/testkit';
import { departmentSigned, supplierSigned } from '@aleumet/testkit/nca';
import { ACCEPT, ORDER, PAY, departmentToken, freshPerson, guaranteed, integrator, offeringFor, publishOne, signAndOrder, supplierToken, tokens } from './helpers.js';

const LOG = `mutation($o: ID!, $in: JournalEntryInput!) { logServiceHours(orderId: $o, input: $in) { id date minutes places mode } }`;
const GEN = `mutation($o: ID!, $p: String!) { generateServiceAct(orderId: $o, period: $p) { id status version period minutes hours unitPrice cost statePart coPayment } }`;
const SUBMIT = `mutation($id: ID!, $v: Int!, $signature: String!, $certificate: String) { submitServiceAct(id: $id, version: $v, signature: $signature, certificate: $certificate) { id status version } }`;
const APPROVE = `mutation($id: ID!, $v: Int!, $signature: String!, $certificate: String) { approveServiceAct(id: $id, version: $v, signature: $signature, certificate: $certificate) { id status version } }`;
const RETURN = `mutation($id: ID!, $v: Int!, $r: String!, $signature: String!, $certificate: String) { returnServiceAct(id: $id, version: $v, reason: $r, signature: $signature, certificate: $certificate) { id status version returnReason } }`;
const ORDER_SERVICE = `query($id: ID!) { order(id: $id) { id status journal(first: 50) { nodes { date minutes } } acts { nodes { id period status cost statePart } } claims { nodes { id status statePart coPayment period version } } } }`;

let platform: Platform;
const clock = new TestClock(new Date('2026-12-01T04:00:00Z'));
beforeAll(async () => {
  platform = await startTestPlatform({ clock });
});
afterAll(() => platform?.close());

describe('S1 personal assistant over two months: journal with limits, monthly acts, claims, payment', () => {
  it('logs hours, builds, returns, approves and pays acts', async () => {
    const url = platform.gateway.url;
    const { person, index } = freshPerson(0, 'S1');
    const offering = offeringFor(person, 'S1');
    const gsum = guaranteed('S1-ASSIST');
    // Ordered in November: the S1 service runs to 31 December of this year (seeds 004 ¶34).
    clock.set(new Date('2026-11-02T04:00:00Z'));
    const { measure } = await publishOne(platform, person, { kind: 'S1', itemTypeCode: 'S1-ASSIST', quantity: 960, guaranteedSum: gsum, issuedOn: '2026-10-20', validUntil: '2027-11-30' });
    const { res } = await signAndOrder(platform, index, measure.id, offering.id);
    expect(res.errors).toBeUndefined();
    const order = res.data.createOrder;
    const supplier = await supplierToken(offering.supplierId);
    expect((await gql(url, ACCEPT, await supplierSigned(url, supplier, 'ACCEPT', { id: order.id, v: 1 }), supplier)).data.acceptOrder.status).toBe('ACCEPTED');

    // Month 1 (November 2026)
    clock.set(new Date('2026-11-20T12:00:00Z'));
    const log = (i: object) => gql(url, LOG, { o: order.id, in: i }, supplier);
    expect((await log({ date: '2026-11-02', startTime: '09:00', endTime: '13:00', places: ['Polyclinic No. 3'] })).errors).toBeUndefined();
    expect((await log({ date: '2026-11-02', startTime: '14:00', endTime: '18:00', places: ['Pharmacy', 'Akimat'] })).errors).toBeUndefined();
    // > 8 hours a day
    expect(codes(await log({ date: '2026-11-02', startTime: '18:00', endTime: '18:30', places: ['Shop'] }))).toEqual(['BAD_USER_INPUT']);
    // overlapping
    expect((await log({ date: '2026-11-03', startTime: '09:00', endTime: '12:00', places: ['Court'] })).errors).toBeUndefined();
    expect(codes(await log({ date: '2026-11-03', startTime: '11:00', endTime: '13:00', places: ['Bank'] }))).toEqual(['CONFLICT']);
    // zero and negative
    expect(codes(await log({ date: '2026-11-04', startTime: '10:00', endTime: '10:00', places: ['Bank'] }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await log({ date: '2026-11-04', startTime: '11:00', endTime: '10:00', places: ['Bank'] }))).toEqual(['BAD_USER_INPUT']);
    // outside the measure's term, in the future, without places
    expect(codes(await log({ date: '2026-10-10', startTime: '10:00', endTime: '11:00', places: ['Bank'] }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await log({ date: '2026-11-28', startTime: '10:00', endTime: '11:00', places: ['Bank'] }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await log({ date: '2026-11-05', startTime: '10:00', endTime: '11:00' }))).toEqual(['BAD_USER_INPUT']);
    // the recipient cannot log hours
    expect(codes(await gql(url, LOG, { o: order.id, in: { date: '2026-11-05', startTime: '10:00', endTime: '11:00', places: ['x'] } }, await tokens(index)))).toEqual(['FORBIDDEN']);

    // act for November: 11 hours
    clock.set(new Date('2026-12-04T05:00:00Z'));
    const unitPrice = Math.round(offering.price / 960);
    let act = (await gql(url, GEN, { o: order.id, p: '2026-11' }, supplier)).data.generateServiceAct;
    expect(act).toMatchObject({ status: 'DRAFT', minutes: 660, hours: '11', unitPrice, cost: 11 * unitPrice, statePart: 11 * unitPrice, coPayment: 0 });
    act = (await gql(url, SUBMIT, await supplierSigned(url, supplier, 'ACT', { id: act.id, v: act.version }), supplier)).data.submitServiceAct;
    expect(act.status).toBe('SUBMITTED');
    // a submitted month is closed for new hours
    expect(codes(await log({ date: '2026-11-10', startTime: '10:00', endTime: '11:00', places: ['Bank'] }))).toEqual(['INVALID_TRANSITION']);
    const department = await departmentToken(person.regionCode);
    // the supplier cannot approve its own act; another region's department cannot either
    expect(codes(await gql(url, APPROVE, { id: act.id, v: act.version, signature: 'x', certificate: 'x' }, supplier))).toEqual(['FORBIDDEN']);
    const returned = (await gql(url, RETURN, await departmentSigned(url, department, 'RETURN', { id: act.id, v: act.version, r: 'Sign the sheet for 3 November' }), department)).data.returnServiceAct;
    expect(returned).toMatchObject({ status: 'RETURNED', returnReason: 'Sign the sheet for 3 November' });
    // The supplier is told, with the reason (its staff read Russian).
    const told = (await gql(url, `query { notifications(first: 10) { nodes { template title body orderId } } }`, {}, supplier)).data.notifications.nodes;
    expect(told).toContainEqual({ template: 'ACT_RETURNED', title: 'Акт за 2026-11 возвращён', body: 'Акт оказанных услуг за 2026-11 возвращён: Sign the sheet for 3 November', orderId: order.id });
    expect((await log({ date: '2026-11-10', startTime: '10:00', endTime: '11:00', places: ['Bank'] })).errors).toBeUndefined();
    act = (await gql(url, GEN, { o: order.id, p: '2026-11' }, supplier)).data.generateServiceAct;
    expect(act).toMatchObject({ status: 'RETURNED', minutes: 720, cost: 12 * unitPrice });
    act = (await gql(url, SUBMIT, await supplierSigned(url, supplier, 'ACT', { id: act.id, v: act.version }), supplier)).data.submitServiceAct;
    const approved = await gql(url, APPROVE, await departmentSigned(url, department, 'APPROVE', { id: act.id, v: act.version }), department);
    expect(approved.errors).toBeUndefined();
    expect(approved.data.approveServiceAct.status).toBe('APPROVED');
    // approved acts are immutable
    expect(codes(await gql(url, GEN, { o: order.id, p: '2026-11' }, supplier))).toEqual(['INVALID_TRANSITION']);
    expect(codes(await gql(url, RETURN, { id: act.id, v: approved.data.approveServiceAct.version, r: 'too late', signature: 'x', certificate: 'x' }, department))).toEqual(['INVALID_TRANSITION']);
    expect(codes(await log({ date: '2026-11-11', startTime: '10:00', endTime: '11:00', places: ['Bank'] }))).toEqual(['INVALID_TRANSITION']);

    // Month 2 (December 2026)
    expect((await log({ date: '2026-12-02', startTime: '10:00', endTime: '16:00', places: ['Hospital'] })).errors).toBeUndefined();
    expect((await log({ date: '2026-12-03', startTime: '08:00', endTime: '09:30', places: ['Park'] })).errors).toBeUndefined();
    clock.set(new Date('2026-12-29T05:00:00Z'));
    let jan = (await gql(url, GEN, { o: order.id, p: '2026-12' }, supplier)).data.generateServiceAct;
    expect(jan).toMatchObject({ minutes: 450, hours: '7.5', cost: Math.round((450 * unitPrice) / 60) });
    jan = (await gql(url, SUBMIT, await supplierSigned(url, supplier, 'ACT', { id: jan.id, v: jan.version }), supplier)).data.submitServiceAct;
    expect((await gql(url, APPROVE, await departmentSigned(url, department, 'APPROVE', { id: jan.id, v: jan.version }), department)).data.approveServiceAct.status).toBe('APPROVED');

    // two claims (one per act), both approved; the department pays them
    let o = (await gql(url, ORDER_SERVICE, { id: order.id }, supplier)).data.order;
    expect(o.acts.nodes.map((a: any) => [a.period, a.status])).toEqual([['2026-11', 'APPROVED'], ['2026-12', 'APPROVED']]);
    expect(o.claims.nodes.map((c: any) => [c.period, c.status, c.statePart])).toEqual([
      ['2026-11', 'APPROVED', 12 * unitPrice],
      ['2026-12', 'APPROVED', Math.round((450 * unitPrice) / 60)],
    ]);
    expect(o.journal.nodes).toHaveLength(6);
    for (const [i, c] of o.claims.nodes.entries()) {
      const paid = await gql(url, PAY, { id: c.id, v: c.version, ref: `PAY-S1-${order.id.slice(-6)}-${i}` }, department);
      expect(paid.errors).toBeUndefined();
    }
    o = (await gql(url, ORDER_SERVICE, { id: order.id }, supplier)).data.order;
    expect(o.acts.nodes.map((a: any) => a.status)).toEqual(['PAID', 'PAID']);
    expect(o.claims.nodes.map((c: any) => c.status)).toEqual(['PAID', 'PAID']);
    // the order itself has no claim signed with it (services are paid per act)
    expect((await gql(url, ORDER, { id: order.id }, supplier)).data.order.claim).toBeNull();

    const report = await gql(url, `query($p: String) { regionKindReport(period: $p) { regionCode kind committed approved paid } }`, { p: '2026-12' }, department);
    expect(report.errors).toBeUndefined();
    const row = report.data.regionKindReport.find((r: any) => r.kind === 'S1');
    expect(row.paid).toBeGreaterThanOrEqual(12 * unitPrice + Math.round((450 * unitPrice) / 60));
    expect((await gql(url, `query { ledgerTotals { balanced } }`, {}, await integrator())).data.ledgerTotals.balanced).toBe(true);
  });

  it('S2 sign language: at most 60 hours per calendar year, online/offline required', async () => {
    const url = platform.gateway.url;
    clock.set(new Date('2026-01-05T04:00:00Z'));
    const { person, index } = freshPerson(1, 'S2');
    const offering = offeringFor(person, 'S2');
    const { measure } = await publishOne(platform, person, { kind: 'S2', itemTypeCode: 'S2-SIGN', quantity: 60, guaranteedSum: guaranteed('S2-SIGN'), issuedOn: '2026-01-01', validUntil: '2027-12-31' });
    const { res } = await signAndOrder(platform, index, measure.id, offering.id);
    expect(res.errors).toBeUndefined();
    const order = res.data.createOrder;
    const supplier = await supplierToken(offering.supplierId);
    await gql(url, ACCEPT, await supplierSigned(url, supplier, 'ACCEPT', { id: order.id, v: 1 }), supplier);
    clock.set(new Date('2026-12-30T10:00:00Z'));
    const log = (i: object) => gql(url, LOG, { o: order.id, in: i }, supplier);
    expect(codes(await log({ date: '2026-02-02', startTime: '09:00', endTime: '10:00' }))).toEqual(['BAD_USER_INPUT']);
    // no zero or negative sessions
    expect(codes(await log({ date: '2026-02-02', startTime: '09:00', endTime: '09:00', mode: 'ONLINE' }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await log({ date: '2026-02-02', startTime: '10:00', endTime: '09:00', mode: 'ONLINE' }))).toEqual(['BAD_USER_INPUT']);
    // two overlapping sessions sent at once: the order's row lock lets one in, the other is an OVERLAP conflict
    const both = await Promise.all([
      log({ date: '2026-02-03', startTime: '09:00', endTime: '10:00', mode: 'ONLINE' }),
      log({ date: '2026-02-03', startTime: '09:30', endTime: '10:30', mode: 'OFFLINE' }),
    ]);
    expect(both.filter((r) => !r.errors)).toHaveLength(1);
    expect(both.flatMap((r) => r.errors ?? []).map((e: any) => [e.extensions.code, e.extensions.reason])).toEqual([['CONFLICT', 'OVERLAP']]);
    // 58 hours in 2026: 1 on 3 February, 1 on 29 March, 28 days × 2 hours
    expect((await log({ date: '2026-03-29', startTime: '10:00', endTime: '11:00', mode: 'OFFLINE' })).errors).toBeUndefined();
    for (let d = 1; d <= 28; d++) {
      const date = `2026-03-${String(d).padStart(2, '0')}`;
      const r = await log({ date, startTime: '10:00', endTime: '12:00', mode: d % 2 ? 'ONLINE' : 'OFFLINE' });
      expect(r.errors).toBeUndefined();
    }
    expect((await log({ date: '2026-04-01', startTime: '10:00', endTime: '11:30', mode: 'ONLINE' })).errors).toBeUndefined();
    // 59.5 used: 1 hour more would exceed 60
    expect(codes(await log({ date: '2026-04-02', startTime: '10:00', endTime: '11:00', mode: 'ONLINE' }))).toEqual(['BAD_USER_INPUT']);
    expect((await log({ date: '2026-04-02', startTime: '10:00', endTime: '10:30', mode: 'OFFLINE' })).errors).toBeUndefined();
    // a new calendar year starts a new 60 hours
    clock.set(new Date('2027-01-10T10:00:00Z'));
    expect((await log({ date: '2027-01-05', startTime: '10:00', endTime: '12:00', mode: 'ONLINE' })).data.logServiceHours).toMatchObject({ minutes: 120, mode: 'ONLINE' });
  });

  it("S2 hours and overlaps are the person's: two orders of one person share the 60 hours, also when logged at once", async () => {
    const url = platform.gateway.url;
    clock.set(new Date('2026-05-04T04:00:00Z'));
    const { person, index } = freshPerson(2, 'S2');
    const orders: { id: string; supplier: string }[] = [];
    for (const k of [0, 1]) {
      const offering = offeringFor(person, 'S2', k);
      const { measure } = await publishOne(platform, person, { kind: 'S2', itemTypeCode: 'S2-SIGN', quantity: 60, guaranteedSum: guaranteed('S2-SIGN'), issuedOn: '2026-05-01', validUntil: '2026-12-31' });
      const { res } = await signAndOrder(platform, index, measure.id, offering.id);
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
      const supplier = await supplierToken(offering.supplierId);
      expect((await gql(url, ACCEPT, await supplierSigned(url, supplier, 'ACCEPT', { id: res.data.createOrder.id, v: 1 }), supplier)).data.acceptOrder.status).toBe('ACCEPTED');
      orders.push({ id: res.data.createOrder.id, supplier });
    }
    const [A, B] = orders as [typeof orders[0], typeof orders[0]];
    clock.set(new Date('2026-06-30T10:00:00Z'));
    const log = (o: typeof A, i: object) => gql(url, LOG, { o: o.id, in: { mode: 'OFFLINE', ...i } }, o.supplier);
    // 59 hours on order A: 4 days × 13 hours + 7 hours
    for (const d of ['04', '05', '06', '07']) expect((await log(A, { date: `2026-05-${d}`, startTime: '10:00', endTime: '23:00' })).errors).toBeUndefined();
    expect((await log(A, { date: '2026-05-08', startTime: '10:00', endTime: '17:00' })).errors).toBeUndefined();
    // order B may not log a session overlapping one of A's (same person, same service)
    const overlap = await log(B, { date: '2026-05-04', startTime: '22:00', endTime: '23:30' });
    expect(overlap.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'OVERLAP' });
    // one hour is left for the person: sent at once on both orders, one fits and the other is refused
    const both = await Promise.all([log(A, { date: '2026-05-11', startTime: '10:00', endTime: '11:00' }), log(B, { date: '2026-05-12', startTime: '10:00', endTime: '11:00' })]);
    expect(both.filter((r) => !r.errors)).toHaveLength(1);
    expect(both.flatMap(codes)).toEqual(['BAD_USER_INPUT']);
    expect(codes(await log(B, { date: '2026-05-13', startTime: '10:00', endTime: '10:30' }))).toEqual(['BAD_USER_INPUT']);
  });
});
