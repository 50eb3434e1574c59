import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '@aleumet/platform';
import { startTestPlatform } from '@aleumet/platform/testing';
import { codes, gql, integratorIdentity, sql, tokenFor, world } from '@aleumet/testkit';

/**
 * Publication semantics of `publishMeasures` / `withdrawMeasures` (docs/integrators.md, "Publishing
 * IPR measures"), through the gateway: idempotent under concurrency (identical requests sent at once
 * make one write and get the same program and measures), which statuses accept updates, program dates
 * reported as a change, second programs, withdrawal. Recipients 440–499 are this file's. Runs on both
 * databases (embedded: no DATABASE_URL; there transactions are serial).
 */

const PUBLISH = `mutation Publish($input: PublishMeasuresInput!) {
  publishMeasures(input: $input) { created updated unchanged programUpdated program { id number issuedOn validUntil } measures { id sourceId status version quantity closedReason } } }`;
const WITHDRAW = `mutation Withdraw($input: WithdrawMeasuresInput!) {
  withdrawMeasures(input: $input) { withdrawn unchanged ordersCancelled program { id number } measures { id sourceId status closedReason } } }`;
const ACTIVE: string[] = ['AWAITING_SUPPLIER', 'ACCEPTED', 'READY'];
const ORDER = 'query($id: ID!) { order(id: $id) { id status cancellationReason } }';

let platform: Platform;
let url: string;
let writer: string;
let seq = 0;
const unique = (label: string) => `${label}-${process.pid}-${Date.now().toString(36)}-${(seq++).toString(36)}`;

beforeAll(async () => {
  platform = await startTestPlatform();
  url = platform.gateway.url;
  writer = await tokenFor(integratorIdentity(['programs:write', 'programs:read', 'orders:read']));
});
afterAll(() => platform?.close());


const person = (i: number) => world().persons[i]!;
const input = (i: number, programNumber: string, measures: { sourceId: string; quantity?: number; guaranteedSum?: number }[], dates: { issuedOn?: string; validUntil?: string } = {}) => ({
  personIin: person(i).iin,
  programNumber,
  issuedOn: dates.issuedOn ?? '2026-03-01',
  validUntil: dates.validUntil ?? '2027-02-28',
  measures: measures.map((m) => ({ sourceId: m.sourceId, kind: 'S6', itemTypeCode: 'S6-WC-MANUAL', quantity: m.quantity ?? 1, guaranteedSum: m.guaranteedSum ?? 18_500_000 })),
});
const publish = (i: Parameters<typeof input>[0], ...rest: Parameters<typeof input> extends [unknown, ...infer R] ? R : never) => gql(url, PUBLISH, { input: input(i, ...rest) }, writer);

describe('identical publications sent at once', () => {
  it('make one write; every caller gets the same program and measures, no error (5 rounds of 6)', { timeout: 120_000 }, async () => {
    for (let round = 0; round < 5; round++) {
      const number = unique('IPR-CONC');
      const sources = [unique('SPS-CONC'), unique('SPS-CONC')];
      const body = input(440 + round, number, sources.map((sourceId) => ({ sourceId })));
      const answers = await Promise.all(Array.from({ length: 6 }, () => gql(url, PUBLISH, { input: body }, writer)));
      for (const a of answers) expect(a.errors, JSON.stringify(a.errors)).toBeUndefined();
      const results = answers.map((a) => a.data.publishMeasures);
      expect(new Set(results.map((r) => r.program.id)).size).toBe(1);
      expect(new Set(results.map((r) => r.measures.map((m: any) => m.id).join()))).toHaveProperty('size', 1);
      // One caller created both measures; the others found them unchanged.
      expect(results.filter((r) => r.created === 2 && r.unchanged === 0)).toHaveLength(1);
      expect(results.filter((r) => r.created === 0 && r.unchanged === 2 && r.updated === 0)).toHaveLength(5);
      const rows = await sql('select count(*)::int as n from programs.measure where source_id = any($1)', [sources]);
      expect(rows[0].n).toBe(2);
      const programs = await sql('select count(*)::int as n from programs.rehabilitation_program where number = $1', [number]);
      expect(programs[0].n).toBe(1);
      // Notices go to the people subgraph as outbox commands, one per new measure.
      const notices = await sql(`select count(*)::int as n from programs.outbox o join programs.measure m on m.id::text = o.variables->>'measureId' where o.kind = 'command' and o.command = 'internalNotify' and m.source_id = any($1)`, [sources]);
      expect(notices[0].n).toBe(2);
    }
  });

  it('the same program number for two persons at once: one is published, the other answers CONFLICT (never an internal error)', async () => {
    const number = unique('IPR-RACE');
    const [a, b] = await Promise.all([
      publish(446, number, [{ sourceId: unique('SPS-RACE') }]),
      publish(447, number, [{ sourceId: unique('SPS-RACE') }]),
    ]);
    const all = [a, b];
    expect(all.filter((r) => !r.errors)).toHaveLength(1);
    expect(all.flatMap(codes)).toEqual(['CONFLICT']);
  });
});

describe('what a publication changes', () => {
  it('reports changed program dates as programUpdated; a changed quantity as updated; the same input as unchanged', async () => {
    const number = unique('IPR-DATES');
    const sourceId = unique('SPS-DATES');
    const first = await publish(450, number, [{ sourceId }]);
    expect(first.data.publishMeasures).toMatchObject({ created: 1, updated: 0, unchanged: 0, programUpdated: false });
    const longer = await publish(450, number, [{ sourceId }], { validUntil: '2027-08-31' });
    expect(longer.errors).toBeUndefined();
    expect(longer.data.publishMeasures).toMatchObject({ created: 0, updated: 0, unchanged: 1, programUpdated: true, program: { validUntil: '2027-08-31' } });
    const issued = await publish(450, number, [{ sourceId }], { issuedOn: '2026-03-02', validUntil: '2027-08-31' });
    expect(issued.data.publishMeasures).toMatchObject({ programUpdated: true, program: { issuedOn: '2026-03-02' } });
    const same = await publish(450, number, [{ sourceId }], { issuedOn: '2026-03-02', validUntil: '2027-08-31' });
    expect(same.data.publishMeasures).toMatchObject({ created: 0, updated: 0, unchanged: 1, programUpdated: false });
    const more = await publish(450, number, [{ sourceId, quantity: 2 }], { issuedOn: '2026-03-02', validUntil: '2027-08-31' });
    expect(more.data.publishMeasures).toMatchObject({ created: 0, updated: 1, unchanged: 0, programUpdated: false, measures: [{ sourceId, quantity: 2, version: 2 }] });
  });

  it('a second program for the same person is a program of its own; a sourceId stays with its program', async () => {
    const first = unique('IPR-ONE');
    const second = unique('IPR-TWO');
    const sourceId = unique('SPS-ONE');
    const a = await publish(451, first, [{ sourceId }]);
    const b = await publish(451, second, [{ sourceId: unique('SPS-TWO') }]);
    expect(a.errors).toBeUndefined();
    expect(b.errors).toBeUndefined();
    expect(b.data.publishMeasures.program.id).not.toBe(a.data.publishMeasures.program.id);
    // The first program's measure is still open.
    expect(a.data.publishMeasures.measures[0].status).toBe('AWAITING_CHOICE');
    const moved = await publish(451, second, [{ sourceId }]);
    expect(codes(moved)).toEqual(['CONFLICT']);
    expect(moved.errors![0]!.extensions).toMatchObject({ field: 'measures.0.sourceId', sourceId });
  });
});

describe('withdrawing measures', () => {
  it('cancels with reason WITHDRAWN, is idempotent, and a withdrawn measure is not changed by a publication', async () => {
    const number = unique('IPR-WD');
    const [keep, drop] = [unique('SPS-KEEP'), unique('SPS-DROP')];
    expect((await publish(452, number, [{ sourceId: keep }, { sourceId: drop }])).errors).toBeUndefined();
    const w = await gql(url, WITHDRAW, { input: { programNumber: number, sourceIds: [drop] } }, writer);
    expect(w.errors).toBeUndefined();
    expect(w.data.withdrawMeasures).toMatchObject({ withdrawn: 1, unchanged: 0, ordersCancelled: 0, measures: [{ sourceId: drop, status: 'CANCELLED', closedReason: 'WITHDRAWN' }] });
    const again = await gql(url, WITHDRAW, { input: { programNumber: number, sourceIds: [drop] } }, writer);
    expect(again.data.withdrawMeasures).toMatchObject({ withdrawn: 0, unchanged: 1 });
    // The recipient was told once.
    const notices = await sql(`select count(*)::int as n from programs.outbox o join programs.measure m on m.id::text = o.variables->>'measureId' where o.kind = 'command' and o.command = 'internalNotify' and m.source_id = $1 and o.variables->>'template' = 'MEASURE_CANCELLED'`, [drop]);
    expect(notices[0].n).toBe(1);
    // Re-sending the original publication changes nothing; a changed withdrawn measure is refused.
    const resent = await publish(452, number, [{ sourceId: keep }, { sourceId: drop }]);
    expect(resent.data.publishMeasures).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    const changed = await publish(452, number, [{ sourceId: keep, quantity: 3 }, { sourceId: drop, quantity: 2 }]);
    expect(codes(changed)).toEqual(['INVALID_TRANSITION']);
    expect(changed.errors![0]!.extensions).toMatchObject({ from: 'CANCELLED', field: 'measures.1', sourceId: drop });
    // Nothing written: the other measure's quantity is as it was.
    const [row] = await sql('select quantity from programs.measure where source_id = $1', [keep]);
    expect(row.quantity).toBe(1);
  });

  it('refuses an unknown sourceId (NOT_FOUND) and writes nothing', async () => {
    const number = unique('IPR-WDX');
    const sourceId = unique('SPS-WDX');
    expect((await publish(453, number, [{ sourceId }])).errors).toBeUndefined();
    const r = await gql(url, WITHDRAW, { input: { programNumber: number, sourceIds: [sourceId, 'SPS-NOT-THERE'] } }, writer);
    expect(codes(r)).toEqual(['NOT_FOUND']);
    expect(r.errors![0]!.extensions).toMatchObject({ field: 'sourceIds.1' });
    const [row] = await sql('select status from programs.measure where source_id = $1', [sourceId]);
    expect(row.status).toBe('AWAITING_CHOICE');
  });

  it('an ORDERED measure: its content is not updated; withdrawn, its order is cancelled with reason WITHDRAWN', async () => {
    const w = world();
    const mine = new Set(w.persons.slice(454, 500).map((p) => p.id));
    const measure = w.measures.find((m) => mine.has(m.personId) && m.status === 'ORDERED' && w.orders.some((o) => o.measureId === m.id && ACTIVE.includes(o.status)));
    expect(measure).toBeDefined();
    const program = w.programs.find((p) => p.id === measure!.programId)!;
    const order = w.orders.find((o) => o.measureId === measure!.id && ACTIVE.includes(o.status))!;
    const index = w.persons.findIndex((p) => p.id === measure!.personId);
    const update = await gql(url, PUBLISH, {
      input: {
        personIin: w.persons[index]!.iin, programNumber: program.number, issuedOn: program.issuedOn, validUntil: program.validUntil,
        measures: [{ sourceId: measure!.sourceId, kind: measure!.kind, itemTypeCode: measure!.itemTypeCode, quantity: measure!.quantity + 1, guaranteedSum: measure!.guaranteedSum }],
      },
    }, writer);
    expect(codes(update)).toEqual(['INVALID_TRANSITION']);
    expect(update.errors![0]!.extensions).toMatchObject({ from: 'ORDERED' });

    const r = await gql(url, WITHDRAW, { input: { programNumber: program.number, sourceIds: [measure!.sourceId] } }, writer);
    expect(r.errors).toBeUndefined();
    expect(r.data.withdrawMeasures).toMatchObject({ withdrawn: 1, ordersCancelled: 1, measures: [{ status: 'CANCELLED', closedReason: 'WITHDRAWN' }] });
    const after = await gql(url, ORDER, { id: order.id }, writer);
    expect(after.data.order).toMatchObject({ status: 'CANCELLED', cancellationReason: 'WITHDRAWN' });
  });

  it('a FULFILLED measure cannot be withdrawn', async () => {
    const w = world();
    const mine = new Set(w.persons.slice(454, 500).map((p) => p.id));
    const measure = w.measures.find((m) => mine.has(m.personId) && m.status === 'FULFILLED');
    expect(measure).toBeDefined();
    const program = w.programs.find((p) => p.id === measure!.programId)!;
    const r = await gql(url, WITHDRAW, { input: { programNumber: program.number, sourceIds: [measure!.sourceId] } }, writer);
    expect(codes(r)).toEqual(['INVALID_TRANSITION']);
    expect(r.errors![0]!.extensions).toMatchObject({ from: 'FULFILLED', to: 'CANCELLED' });
  });

  it('needs programs:write', async () => {
    const reader = await tokenFor(integratorIdentity(['programs:read']));
    const r = await gql(url, WITHDRAW, { input: { programNumber: 'IPR-X', sourceIds: ['x'] } }, reader);
    expect(codes(r)).toEqual(['FORBIDDEN']);
    expect(r.errors![0]!.message).toBe('Scope programs:write required');
  });
});
