import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '@aleumet/runtime';
import { splitPrice } from '@aleumet/core';
import type { Platform } from '@aleumet/platform';
import { startTestPlatform } from '@aleumet/platform/testing';
import { adminIdentity, codes, gql, tokenFor } from '@aleumet/testkit';
import { supplierSigned } from '@aleumet/testkit/nca';
import { ACCEPT, HANDOVER, ORDER, PAY, READY, REFUSE, departmentToken, freshPerson, integrator, offeringFor, publishOne, signAndOrder, supplierToken, tokens } from './helpers.js';

/**
 * Finance reports with exact integer totals. The ledger's period is the Almaty month of
 * each posting; this file's clock sits in June 2029, a month no other test posts in, so the
 * reports for 2029-06 contain exactly this file's postings and can be compared with toEqual.
 * Recipients: the 60th and 61st fresh S5 recipients of 900–999 (other files use the first ~20).
 */
const PERIOD = '2029-06';
const clock = new TestClock(new Date('2029-06-04T05:00:00Z')); // Monday 10:00 Almaty
let platform: Platform;
beforeAll(async () => {
  platform = await startTestPlatform({ clock });
});
afterAll(() => platform?.close());

const SUPPLIER_MONTH = `query($p: String!, $s: ID) { supplierMonthReport(period: $p, supplierId: $s) { supplierId period approved paid } }`;
const REGION_KIND = `query($p: String) { regionKindReport(period: $p) { regionCode kind committed released approved paid } }`;
const TOTALS = `query { ledgerTotals { debit credit balanced } }`;

/** Publishes an S5 measure whose guaranteed sum is below the price by an odd number of tiyn, signs and places the order. */
async function place(n: number, below: number) {
  const { person, index } = freshPerson(n, 'S5');
  const offering = offeringFor(person, 'S5');
  const guaranteedSum = offering.price - below;
  const { measure } = await publishOne(platform, person, { kind: 'S5', itemTypeCode: offering.itemTypeCode, guaranteedSum, issuedOn: '2029-05-01', validUntil: '2030-12-31' });
  const { res } = await signAndOrder(platform, index, measure.id, offering.id);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return { person, index, offering, order: res.data.createOrder, statePart: splitPrice(offering.price, guaranteedSum).statePart };
}

describe('finance reports: per supplier per month, per region per kind, exact tiyn', () => {
  it('a paid order and a refused one give exactly their amounts; the ledger balances', async () => {
    const url = platform.gateway.url;
    const admin = await tokenFor(adminIdentity());
    const before = (await gql(url, TOTALS, {}, admin)).data.ledgerTotals;
    expect(before.balanced).toBe(true);

    // A: signed, accepted, handed over, paid. B: signed, refused by its supplier.
    const A = await place(60, 1_234_57);
    const B = await place(61, 987_65);
    expect(A.statePart % 100).not.toBe(0); // not whole tenge: the totals must keep the tiyn
    const supplierA = await supplierToken(A.offering.supplierId);
    clock.advance(3600_000);
    await gql(url, ACCEPT, await supplierSigned(url, supplierA, 'ACCEPT', { id: A.order.id, v: 1 }), supplierA);
    await gql(url, READY, { id: A.order.id, v: 2 }, supplierA);
    await gql(url, HANDOVER, { id: A.order.id, v: 3 }, supplierA);
    expect((await gql(url, HANDOVER, { id: A.order.id, v: 4 }, await tokens(A.index))).data.confirmHandover.status).toBe('HANDED_OVER');
    const claim = (await gql(url, ORDER, { id: A.order.id }, admin)).data.order.claim;
    expect(claim).toMatchObject({ status: 'APPROVED', statePart: A.statePart });
    const paid = await gql(url, PAY, { id: claim.id, v: claim.version, ref: `PAY-REP-${A.order.id.slice(-10)}` }, await departmentToken(A.person.regionCode));
    expect(paid.errors).toBeUndefined();
    expect((await gql(url, REFUSE, await supplierSigned(url, await supplierToken(B.offering.supplierId), 'REFUSE', { id: B.order.id, v: 1, code: 'OTHER', c: 'No specialist free' }), await supplierToken(B.offering.supplierId))).data.refuseOrder.status).toBe('REFUSED');

    // per supplier per month: exactly A's state part approved and paid; B's supplier has nothing payable
    const a = await gql(url, SUPPLIER_MONTH, { p: PERIOD, s: A.offering.supplierId }, admin);
    expect(a.data.supplierMonthReport).toEqual([{ supplierId: A.offering.supplierId, period: PERIOD, approved: A.statePart, paid: A.statePart }]);
    // the supplier sees the same numbers for itself, and nobody else's
    expect((await gql(url, SUPPLIER_MONTH, { p: PERIOD, s: null }, supplierA)).data.supplierMonthReport).toEqual(a.data.supplierMonthReport);
    if (B.offering.supplierId !== A.offering.supplierId) {
      // Nothing approved or paid this month (a row may still carry what other files' orders left outstanding from earlier months).
      const b = (await gql(url, SUPPLIER_MONTH, { p: PERIOD, s: B.offering.supplierId }, admin)).data.supplierMonthReport;
      expect(b.map((r: { approved: number; paid: number }) => [r.approved, r.paid]).filter(([x, y]: number[]) => x || y)).toEqual([]);
      expect(codes(await gql(url, SUPPLIER_MONTH, { p: PERIOD, s: B.offering.supplierId }, supplierA))).toEqual(['FORBIDDEN']);
    }

    // per region per kind: committed both, released B, approved and paid A — nothing else in this month
    const expected = new Map<string, { regionCode: string; kind: string; committed: number; released: number; approved: number; paid: number }>();
    for (const [o, done] of [[A, true], [B, false]] as const) {
      const row = expected.get(o.person.regionCode) ?? { regionCode: o.person.regionCode, kind: 'S5', committed: 0, released: 0, approved: 0, paid: 0 };
      row.committed += o.statePart;
      if (done) { row.approved += o.statePart; row.paid += o.statePart; } else row.released += o.statePart;
      expected.set(o.person.regionCode, row);
    }
    const rows = [...expected.values()].sort((x, y) => x.regionCode.localeCompare(y.regionCode));
    const region = await gql(url, REGION_KIND, { p: PERIOD }, admin);
    expect(region.errors).toBeUndefined();
    expect(region.data.regionKindReport).toEqual(rows);
    for (const r of region.data.regionKindReport) for (const k of ['committed', 'released', 'approved', 'paid']) expect(Number.isSafeInteger(r[k])).toBe(true);
    // a department sees its own region only; a supplier gets no region report
    const dept = await gql(url, REGION_KIND, { p: PERIOD }, await departmentToken(A.person.regionCode));
    expect(dept.data.regionKindReport).toEqual(rows.filter((r) => r.regionCode === A.person.regionCode));
    expect(codes(await gql(url, REGION_KIND, { p: PERIOD }, supplierA))).toEqual(['FORBIDDEN']);

    // double entry: every posting has equal debit and credit, so the whole ledger stays balanced
    const after = (await gql(url, TOTALS, {}, await integrator())).data.ledgerTotals;
    expect(after.balanced).toBe(true);
    expect(after.debit).toBeGreaterThanOrEqual(before.debit + 3 * A.statePart + 2 * B.statePart);
    const ledger = await platform.subgraphs.finance.orm.em.getConnection().execute<{ account_type: string; debit: string; credit: string }[]>(
      `select account_type, sum(debit) as debit, sum(credit) as credit from finance.ledger_entry
        where claim_id in (select id from finance.reimbursement_claim where order_id in (?, ?)) group by account_type order by account_type`,
      [A.order.id, B.order.id],
    );
    // BUDGET → COMMITMENT (A+B), COMMITMENT → BUDGET (B), COMMITMENT → PAYABLE (A), PAYABLE → PAID (A)
    expect(ledger.map((l) => [l.account_type, Number(l.debit), Number(l.credit)])).toEqual([
      ['BUDGET', A.statePart + B.statePart, B.statePart],
      ['COMMITMENT', A.statePart + B.statePart, A.statePart + B.statePart],
      ['PAID', 0, A.statePart],
      ['PAYABLE', A.statePart, A.statePart],
    ]);
  });
});
