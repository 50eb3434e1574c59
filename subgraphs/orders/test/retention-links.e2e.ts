import { describe, expect, it } from 'vitest';
import { ANONYMIZED_PERSON_ID, Role, makeIin } from '@aleumet/core';
import { deliverCommands } from '@aleumet/events';
import { TestClock } from '@aleumet/runtime';
import { devSigner, signDocument } from '@aleumet/signing';
import type { DemoPerson } from '@aleumet/demo-data';
import { usePlatform } from '@aleumet/platform/testing';
import { codes, departmentIdentity, gql, integratorIdentity, sql, tokenFor } from '@aleumet/testkit';
import { supplierSigned } from '@aleumet/testkit/nca';
import { ACCEPT, CREATE, DOCUMENT, HANDOVER, ORDER, PAY, PUBLISH, READY, guaranteed, offeringFor, supplierToken, unique } from './helpers.js';

/**
 * Retention reaches every copy of the person's links (004 ¶34: the order form is kept 5 years): five
 * years after a handed-over, paid order closed, orders removes its form and anonymizes the order, and
 * by command the measure and program (programs) and the claim and ledger lines (finance) follow. No
 * API path leads from the person to them any more, no row of programs or finance names the person,
 * and every amount and total stays. The person is new (recorded with the IPR), so nothing else of
 * theirs is in the database; the clock sits on an odd minute so no other file's orders meet the cutoff.
 */
const T0 = new Date('2026-12-02T05:41:37Z'); // Wednesday 10:41 Astana
const clock = new TestClock(T0);
const plusYears = (d: Date, years: number, ms = 0) => {
  const x = new Date(d.getTime());
  x.setUTCFullYear(x.getUTCFullYear() + years);
  return new Date(x.getTime() + ms);
};

const birthDate = '1977-04-23';
const IIN = makeIin(birthDate, 'FEMALE', 913);
const REGION = 'KZ-71';

/** The platform on this file's clock; `app.admin` is an administrator's token. */
const app = usePlatform({ clock });

const LINKS = `query($o: ID!, $m: ID!) {
  order(id: $o) { id status price statePart recipient { id fullName } claim { id status statePart coPayment } }
  measure(id: $m) { id status guaranteedSum person { id fullName } program { id person { id } } fulfilment { orderId } }
}`;
const PERSON = `query($id: ID!) { person(id: $id) { id programs(first: 20) { nodes { id } } orders(first: 20) { nodes { id } } } }`;
const TOTALS = `query($p: String) { ledgerTotals { debit credit balanced } regionKindReport(period: $p) { regionCode kind committed released approved paid } }`;

/** Every row of the schema's tables that mentions `text` anywhere (any column, JSON included). */
async function rowsNaming(schema: string, text: string): Promise<Record<string, number>> {
  const tables = await sql<{ table_name: string }>(`select table_name from information_schema.tables where table_schema = $1 and table_type = 'BASE TABLE'`, [schema]);
  const found: Record<string, number> = {};
  for (const { table_name } of tables) {
    const [row] = await sql<{ n: number }>(`select count(*)::int as n from "${schema}"."${table_name}" t where position($1 in t::text) > 0`, [text]);
    if (row!.n) found[table_name] = row!.n;
  }
  return found;
}

/**
 * Delivers the commands retention queued about this order and measure (the commands job delivers them
 * in turn; other files may have queued many). Returns how many there were.
 */
async function deliverForgetting(orderId: string, measureId: string): Promise<number> {
  const ids = (await sql<{ id: string }>(
    `select id from orders.outbox where kind = 'command' and published_at is null and command in ('internalForgetOrderPerson', 'internalForgetMeasurePerson')
       and (variables->>'orderId' = $1 or variables->>'measureId' = $2)`, [orderId, measureId])).map((r) => r.id);
  if (ids.length) {
    const result = await deliverCommands(app.platform.subgraphs.orders.orm, app.platform.runtime, 'orders', ids);
    expect(result.failed).toBe(0);
  }
  return ids.length;
}

describe('retention of the person links across subgraphs (004 ¶34)', () => {
  it('anonymizes the order, its measure and program, its claim and ledger lines; totals unchanged; idempotent', async () => {
    const integrator = await tokenFor(integratorIdentity(['programs:write', 'programs:read', 'people:write', 'people:read', 'orders:read', 'finance:read', 'finance:write']));
    const offering = offeringFor({ regionCode: REGION } as DemoPerson, 'S5');
    const published = await gql(app.url, PUBLISH, {
      input: {
        personIin: IIN, programNumber: unique('IPR-RL'), issuedOn: '2026-11-20', validUntil: '2027-11-30',
        measures: [{ sourceId: unique('SPS-RL'), kind: 'S5', itemTypeCode: offering.itemTypeCode, quantity: 1, guaranteedSum: guaranteed(offering.itemTypeCode) }],
        person: {
          iin: IIN, sourceVersion: 1, lastName: 'Сақтаулы', firstName: 'Гүлнар', middleName: null, birthDate, sex: 'FEMALE', regionCode: REGION,
          permanentAddress: 'Астана, ул. Архивная, д. 5', temporaryAddress: null, category: 'DISABLED', disabilityGroup: 2, needs: { vision: false, hearing: false, mobility: true },
        },
      },
    }, integrator);
    expect(published.errors, JSON.stringify(published.errors)).toBeUndefined();
    const measureId = published.data.publishMeasures.measures[0].id as string;
    const personId = (await gql(app.url, `query($m: ID!) { measure(id: $m) { person { id } } }`, { m: measureId }, app.admin)).data.measure.person.id as string;
    const recipient = await tokenFor({ sub: personId, role: Role.RECIPIENT, personId, represents: [], scopes: [] });

    // The recipient signs and orders; the supplier accepts and hands over; the department pays.
    const key = unique('rl-key');
    const doc = await gql(app.url, DOCUMENT, { m: measureId, o: offering.id, k: key, h: null, l: null, d: null }, recipient);
    expect(doc.errors, JSON.stringify(doc.errors)).toBeUndefined();
    const signed = await signDocument(await devSigner(IIN), JSON.parse(doc.data.orderDocument));
    const created = await gql(app.url, CREATE, { input: { measureId, offeringId: offering.id, idempotencyKey: key, document: signed.document, signature: signed.signature, certificate: signed.certificate } }, recipient);
    expect(created.errors, JSON.stringify(created.errors)).toBeUndefined();
    const orderId = created.data.createOrder.id as string;
    const supplier = await supplierToken(offering.supplierId);
    expect((await gql(app.url, ACCEPT, await supplierSigned(app.url, supplier, 'ACCEPT', { id: orderId, v: 1 }), supplier)).errors).toBeUndefined();
    expect((await gql(app.url, READY, { id: orderId, v: 2 }, supplier)).errors).toBeUndefined();
    expect((await gql(app.url, HANDOVER, { id: orderId, v: 3 }, supplier)).errors).toBeUndefined();
    expect((await gql(app.url, HANDOVER, { id: orderId, v: 4 }, recipient)).data.confirmHandover.status).toBe('HANDED_OVER');
    await app.platform.runtime.scheduler.runAll({ only: ['orders:commands', 'programs:commands', 'finance:commands'], strict: true });
    const claim = (await gql(app.url, ORDER, { id: orderId }, app.admin)).data.order.claim;
    expect(claim.status).toBe('APPROVED');
    const department = await tokenFor(departmentIdentity(REGION));
    const paid = await gql(app.url, PAY, { id: claim.id, v: claim.version, ref: unique('PP-RL') }, department);
    expect(paid.errors, JSON.stringify(paid.errors)).toBeUndefined();

    const before = (await gql(app.url, LINKS, { o: orderId, m: measureId }, app.admin)).data;
    expect(before.order.recipient.id).toBe(personId);
    expect(before.measure).toMatchObject({ status: 'FULFILLED', person: { id: personId }, program: { person: { id: personId } }, fulfilment: { orderId } });
    const period = T0.toISOString().slice(0, 7);
    const totals = (await gql(app.url, TOTALS, { p: period }, app.admin)).data;
    const claimLines = `select account, sum(debit)::text as debit, sum(credit)::text as credit from finance.ledger_entry where claim_id = $1 group by account order by account`;
    const linesBefore = await sql(claimLines, [claim.id]);
    expect(linesBefore.length).toBeGreaterThanOrEqual(3); // commitment, payable, paid
    expect(Object.keys(await rowsNaming('programs', personId))).toEqual(expect.arrayContaining(['rehabilitation_program', 'measure', 'fulfilment']));
    expect(Object.keys(await rowsNaming('finance', personId))).toEqual(expect.arrayContaining(['reimbursement_claim', 'ledger_entry']));
    const mine = (await gql(app.url, PERSON, { id: personId }, app.admin)).data.person;
    expect(mine.orders.nodes.map((o: { id: string }) => o.id)).toContain(orderId);
    expect(mine.programs.nodes).toHaveLength(1);

    // Two hours short of 5 years: nothing changes (the job runs at most hourly, so the next run is 2 hours on).
    clock.set(plusYears(T0, 5, -2 * 3_600_000));
    await app.platform.runtime.scheduler.runAll({ only: ['orders.retention'], scope: { personIds: [personId] }, strict: true });
    expect((await gql(app.url, LINKS, { o: orderId, m: measureId }, app.admin)).data.order.recipient.id).toBe(personId);

    // Five years and a minute after the handover: the job removes the form and every link.
    const handedOverAt = new Date((await gql(app.url, ORDER, { id: orderId }, app.admin)).data.order.closedAt);
    clock.set(plusYears(handedOverAt, 5, 60_000));
    await app.platform.runtime.scheduler.runAll({ only: ['orders.retention'], scope: { personIds: [personId] }, strict: true });
    await deliverForgetting(orderId, measureId);

    const after = (await gql(app.url, LINKS, { o: orderId, m: measureId }, app.admin)).data;
    const anonymous = { id: ANONYMIZED_PERSON_ID, fullName: '[removed: retention period passed]' };
    expect(after.order).toMatchObject({ id: orderId, status: 'HANDED_OVER', price: before.order.price, statePart: before.order.statePart, recipient: anonymous, claim: before.order.claim });
    expect(after.measure).toMatchObject({ id: measureId, status: 'FULFILLED', guaranteedSum: before.measure.guaranteedSum, person: anonymous, program: { id: before.measure.program.id, person: { id: ANONYMIZED_PERSON_ID } }, fulfilment: { orderId } });
    // No path from the person: their lists are empty, and as the recipient they no longer reach the records.
    expect((await gql(app.url, PERSON, { id: personId }, app.admin)).data.person).toEqual({ id: personId, programs: { nodes: [] }, orders: { nodes: [] } });
    expect(codes(await gql(app.url, ORDER, { id: orderId }, recipient))).toEqual(['FORBIDDEN']);
    // No row of programs or finance names the person; the money is where it was.
    expect(await rowsNaming('programs', personId)).toEqual({});
    expect(await rowsNaming('finance', personId)).toEqual({});
    expect(await sql(claimLines, [claim.id])).toEqual(linesBefore);
    expect((await gql(app.url, TOTALS, { p: period }, app.admin)).data).toEqual(totals);
    // The placeholder is no one's data: names only, to anyone who sees the record.
    expect(codes(await gql(app.url, `query($o: ID!) { order(id: $o) { recipient { iin } } }`, { o: orderId }, app.admin))).toEqual(['FORBIDDEN']);

    // Again: nothing more to do.
    clock.set(plusYears(handedOverAt, 5, 3 * 3_600_000));
    await app.platform.runtime.scheduler.runAll({ only: ['orders.retention'], scope: { personIds: [personId] }, strict: true });
    expect(await deliverForgetting(orderId, measureId)).toBe(0);
    expect(await rowsNaming('finance', personId)).toEqual({});
    expect(await sql(claimLines, [claim.id])).toEqual(linesBefore);
  }, 180_000); // a whole order's life, three subgraphs' retention and every table of two schemas read four times
});
