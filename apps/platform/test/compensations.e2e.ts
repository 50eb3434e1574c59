import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '@aleumet/platform';
import { startTestPlatform } from '@aleumet/platform/testing';
import { REGIONS, uuidv7 } from '@aleumet/core';
import { enqueueCommand, registeredCompensations, type Commands } from '@aleumet/events';
import { adminIdentity, departmentIdentity, gql, supplierIdentity, tokenFor, world } from '@aleumet/testkit';
import { ORDER, freshPerson, guaranteed, offeringFor, publishOne, signAndOrder, tokens } from '../../../subgraphs/orders/test/helpers.js';

/**
 * Every compensation a subgraph registers (@aleumet/events compensation.ts) is run once here, through the
 * real delivery: the sender queues the command in its own transaction with arguments its receiver refuses
 * for good, the sender's command job delivers it, and then the sender's record is as the compensation says,
 * the command is failed (not retried), people lists the refusal once for the region's department (only for
 * it and administrators) and the people concerned are notified when the compensation says so. The list of
 * compensations is read from the registry: one registered without a case below fails this file.
 */
let platform: Platform;
type Sender = 'orders' | 'programs' | 'finance' | 'catalog';
type Key = `${Sender}>${string}.${string}`;

interface Fixture {
  /** Open orders, one per case that cancels (their creation steps get refused). */
  open: Record<string, { id: string; number: string; personId: string; supplierId: string; measureId: string; regionCode: string; index: number }>;
  /** One order whose later steps get refused: it stays as it is. */
  kept: { id: string; number: string; status: string; personId: string; supplierId: string; measureId: string; regionCode: string; index: number; claimId: string };
  /** A measure without an order, of a person the seeded world knows. */
  measure: { id: string; personId: string; regionCode: string; status: string };
}
let fx: Fixture;

const sqlOf = (s: Sender | 'people') => <T>(sql: string, params: unknown[] = []) => platform.subgraphs[s].orm.em.getConnection().execute<T[]>(sql, params);
const unknownId = () => uuidv7();

interface Case {
  /** The command's arguments, which the receiver refuses by its own rules; `document`: it refuses the call itself (no argument makes it refuse). */
  args: () => Record<string, unknown>;
  refuse: 'arguments' | 'document';
  code: string;
  /** The record the refusal is listed under, and its region (null: administrators only). */
  entity: () => { type: string; id: string; regionCode: string | null; orderId?: string; measureId?: string; personId?: string; supplierId?: string };
  compensation: RegExp;
  /** Whether the person or the supplier is told (COMMAND_REFUSED). */
  notified: boolean;
  /** The sender's records after the compensation. */
  after: () => Promise<void>;
}

const orderNow = async (index: number, id: string) => {
  const r = await gql(platform.gateway.url, ORDER, { id }, await tokens(index));
  expect(r.errors).toBeUndefined();
  return r.data.order as { status: string; cancellationReason: string | null; claim: { id: string; status: string } | null };
};
const cancelled = (key: string, step: string, target: string, code: string): Pick<Case, 'entity' | 'compensation' | 'notified' | 'after'> => ({
  entity: () => ({ type: 'Order', id: fx.open[key]!.id, regionCode: fx.open[key]!.regionCode, orderId: fx.open[key]!.id, measureId: fx.open[key]!.measureId, personId: fx.open[key]!.personId, supplierId: fx.open[key]!.supplierId }),
  compensation: new RegExp(`^order cancelled: ${step} was refused$`),
  notified: true,
  after: async () => {
    const o = await orderNow(fx.open[key]!.index, fx.open[key]!.id);
    expect(o.status).toBe('CANCELLED');
    expect(o.cancellationReason).toBe(`Cancelled by the platform: ${step} was refused by ${target} (${code})`);
  },
});
const kept = (notified: boolean): Pick<Case, 'entity' | 'notified' | 'after'> => ({
  entity: () => ({ type: 'Order', id: fx.kept.id, regionCode: fx.kept.regionCode, orderId: fx.kept.id, measureId: fx.kept.measureId, personId: fx.kept.personId, supplierId: fx.kept.supplierId }),
  notified,
  after: async () => expect((await orderNow(fx.kept.index, fx.kept.id)).status).toBe(fx.kept.status),
});
const measureAbout = (): ReturnType<Case['entity']> => ({ type: 'Measure', id: fx.measure.id, regionCode: fx.measure.regionCode, measureId: fx.measure.id, personId: fx.measure.personId });
const measureUnchanged = async () => {
  const [m] = await sqlOf('programs')<{ status: string }>('select status from programs.measure where id = ?', [fx.measure.id]);
  expect(m!.status).toBe(fx.measure.status);
};
const claimInput = (o: { id: string; measureId: string; supplierId: string; personId: string; regionCode: string }, extra: Partial<Commands['finance']['internalOpenClaim']['input']> = {}) =>
  ({ orderId: o.id, measureId: o.measureId, supplierId: o.supplierId, personId: o.personId, regionCode: o.regionCode, kind: 'S5' as const, statePart: 100, coPayment: 0, ...extra });

const CASES: Record<Key, Case> = {
  'orders>programs.internalMeasureOrdered': {
    refuse: 'arguments', code: 'NOT_FOUND', ...cancelled('measure', 'holding the measure', 'programs', 'NOT_FOUND'),
    args: () => ({ orderId: fx.open.measure!.id, measureId: unknownId(), supplierId: fx.open.measure!.supplierId }),
  },
  'orders>catalog.internalReserveStock': {
    refuse: 'arguments', code: 'BAD_USER_INPUT', ...cancelled('stock', 'holding the stock', 'catalog', 'BAD_USER_INPUT'),
    args: () => ({ orderId: fx.open.stock!.id, offeringId: unknownId(), quantity: 0 }),
  },
  'orders>finance.internalOpenClaim': {
    refuse: 'arguments', code: 'BAD_USER_INPUT', ...cancelled('claim', 'opening the reimbursement claim', 'finance', 'BAD_USER_INPUT'),
    // A region that does not exist.
    args: () => ({ input: claimInput(fx.open.claim!, { regionCode: 'ZZ' }) }),
  },
  'orders>people.internalSupplierServesPerson': {
    // People grants access to any pair of ids: nothing it is sent makes it refuse, so the call itself is refused.
    refuse: 'document', code: 'GRAPHQL_VALIDATION_FAILED', ...kept(false),
    args: () => ({ personId: fx.kept.personId, supplierId: fx.kept.supplierId }),
    compensation: /^order kept \(\w+\): the supplier was not given access to the recipient's name/,
  },
  'orders>people.internalNotify': {
    refuse: 'arguments', code: 'BAD_USER_INPUT', ...kept(false),
    args: () => ({ source: `orders:test:${unknownId()}`, template: 'ORDER_ACCEPTED', regionCode: fx.kept.regionCode, personId: fx.kept.personId, orderId: fx.kept.id, params: 'not json' }),
    compensation: /^order kept \(\w+\): the notice ORDER_ACCEPTED was not made$/,
  },
  'orders>programs.internalMeasureReleased': {
    refuse: 'arguments', code: 'NOT_FOUND', ...kept(true),
    args: () => ({ orderId: fx.kept.id, measureId: unknownId() }),
    compensation: /^order kept \(\w+\): the measure was not released/,
  },
  'orders>programs.internalMeasureFulfilled': {
    refuse: 'arguments', code: 'NOT_FOUND', ...kept(true),
    args: () => ({ orderId: fx.kept.id, measureId: unknownId(), supplierId: fx.kept.supplierId, fulfilledAt: new Date().toISOString() }),
    compensation: /^order kept \(\w+\): the handover happened but the measure was not marked fulfilled/,
  },
  'orders>finance.internalOrderClaimOutcome': {
    refuse: 'arguments', code: 'BAD_USER_INPUT', ...kept(true),
    args: () => ({ orderId: fx.kept.id, outcome: 'POSTPONE' }),
    compensation: /^order kept \(\w+\): the claim was not cancelled/,
  },
  'orders>catalog.internalReleaseStock': {
    // Catalog gives back what it holds and ignores what it does not: nothing it is sent makes it refuse.
    refuse: 'document', code: 'GRAPHQL_VALIDATION_FAILED', ...kept(false),
    args: () => ({ orderId: fx.kept.id }),
    compensation: /^order kept \(\w+\): the held stock was not given back/,
  },
  'finance>orders.internalActPaid': {
    refuse: 'arguments', code: 'NOT_FOUND',
    // The claim says it pays an act orders does not know (set below).
    args: () => ({ actId: actOfKeptClaim }),
    entity: () => ({ type: 'ReimbursementClaim', id: fx.kept.claimId, regionCode: fx.kept.regionCode, orderId: fx.kept.id, measureId: fx.kept.measureId, personId: fx.kept.personId, supplierId: fx.kept.supplierId }),
    compensation: /^claim stays PAID; the act was not marked paid/,
    notified: true,
    after: async () => {
      const [c] = await sqlOf('finance')<{ status: string }>('select status from finance.reimbursement_claim where id = ?', [fx.kept.claimId]);
      expect(c!.status).toBe('APPLIED');
    },
  },
  'programs>orders.internalCancelOrder': {
    refuse: 'arguments', code: 'NOT_FOUND',
    // The measure says it is held by an order orders does not know (set below).
    args: () => ({ orderId: orderOfMeasure, reason: 'IPR term over' }),
    entity: () => ({ ...measureAbout(), orderId: orderOfMeasure }),
    compensation: /^measure stays closed \(IPR term over\); its order was not cancelled/,
    notified: true,
    after: measureUnchanged,
  },
  'programs>people.internalRegisterDeath': {
    refuse: 'arguments', code: 'BAD_USER_INPUT',
    args: () => ({ personId: fx.measure.personId, diedOn: '2026-02-30' }),
    entity: () => ({ type: 'Person', id: fx.measure.personId, regionCode: fx.measure.regionCode, personId: fx.measure.personId }),
    compensation: /^measures closed; the death \(2026-02-30\) was not recorded/,
    notified: false,
    after: async () => {
      await measureUnchanged();
      const [p] = await sqlOf('people')<{ deceased_on: string | null }>('select deceased_on from people.person where id = ?', [fx.measure.personId]);
      expect(p!.deceased_on).toBeNull();
    },
  },
  'programs>people.internalNotify': {
    refuse: 'arguments', code: 'BAD_USER_INPUT',
    args: () => ({ source: `programs:test:${unknownId()}`, template: 'MEASURE_PUBLISHED', regionCode: fx.measure.regionCode, personId: fx.measure.personId, measureId: fx.measure.id, params: '[1' }),
    entity: measureAbout,
    compensation: /^the notice MEASURE_PUBLISHED was not made: the department informs the person otherwise$/,
    notified: false,
    after: measureUnchanged,
  },
  'catalog>people.internalCreateSupplierStaff': {
    refuse: 'arguments', code: 'BAD_USER_INPUT',
    args: () => ({ supplierId: verifiedSupplier, iin: '000000000000', fullName: 'Staff Member' }),
    // Suppliers are verified by administrators: no department sees it.
    entity: () => ({ type: 'Supplier', id: verifiedSupplier, regionCode: null, supplierId: verifiedSupplier }),
    compensation: /^supplier stays verified; its staff account was not created/,
    notified: false,
    after: async () => {
      const [s] = await sqlOf('catalog')<{ status: string }>('select status from catalog.supplier where id = ?', [verifiedSupplier]);
      expect(s!.status).toBe('VERIFIED');
    },
  },
};

let actOfKeptClaim: string;
let orderOfMeasure: string;
const verifiedSupplier = world().suppliers[0]!.id;

/** A fresh person's S5 measure and, unless `measureOnly`, a signed order of it (its creation commands delivered). */
async function orderFor(n: number) {
  const { person, index } = freshPerson(n, 'S5');
  const offering = offeringFor(person, 'S5');
  const { measure } = await publishOne(platform, person, { kind: 'S5', itemTypeCode: offering.itemTypeCode, guaranteedSum: guaranteed(offering.itemTypeCode) });
  const created = (await signAndOrder(platform, index, measure.id, offering.id)).res;
  expect(created.errors).toBeUndefined();
  await platform.runtime.scheduler.runAll({ only: ['orders:commands'] });
  const o = created.data.createOrder as { id: string; number: string; status: string };
  return { ...o, personId: person.id, supplierId: offering.supplierId, measureId: measure.id as string, regionCode: person.regionCode, index };
}

beforeAll(async () => {
  platform = await startTestPlatform();
  const [measure, stock, claim, keptOrder] = [await orderFor(61), await orderFor(62), await orderFor(63), await orderFor(64)];
  const [c] = await sqlOf('finance')<{ id: string; status: string }>('select id, status from finance.reimbursement_claim where order_id = ?', [keptOrder.id]);
  expect(c?.status).toBe('APPLIED');
  actOfKeptClaim = unknownId();
  await sqlOf('finance')('update finance.reimbursement_claim set act_id = ? where id = ?', [actOfKeptClaim, c!.id]);
  const { person } = freshPerson(65, 'S5');
  const offering = offeringFor(person, 'S5');
  const published = await publishOne(platform, person, { kind: 'S5', itemTypeCode: offering.itemTypeCode, guaranteedSum: guaranteed(offering.itemTypeCode) });
  orderOfMeasure = unknownId();
  await sqlOf('programs')('update programs.measure set active_order_id = ? where id = ?', [orderOfMeasure, published.measure.id]);
  const [m] = await sqlOf('programs')<{ status: string }>('select status from programs.measure where id = ?', [published.measure.id]);
  fx = {
    open: { measure, stock, claim },
    kept: { ...keptOrder, claimId: c!.id },
    measure: { id: published.measure.id, personId: person.id, regionCode: person.regionCode, status: m!.status },
  };
});
afterAll(() => platform?.close());

const REFUSED = `query($after: String) { refusedCommands(first: 100, after: $after) { nodes { id sender target command code entityType entityId compensation regionCode personId supplierId measureId orderId } pageInfo { hasNextPage endCursor } } }`;
async function refusalsSeenBy(token: string): Promise<{ nodes: Record<string, unknown>[]; codes: string[] }> {
  const nodes: Record<string, unknown>[] = [];
  let after: string | null = null;
  for (;;) {
    const r = await gql(platform.gateway.url, REFUSED, { after }, token);
    if (r.errors) return { nodes, codes: r.errors.map((e: { extensions?: { code?: string } }) => e.extensions?.code ?? '') };
    nodes.push(...r.data.refusedCommands.nodes);
    if (!r.data.refusedCommands.pageInfo.hasNextPage) return { nodes, codes: [] };
    after = r.data.refusedCommands.pageInfo.endCursor;
  }
}

const registered = registeredCompensations().map((c) => `${c.sender}>${c.target}.${c.command}` as Key);

describe('every registered compensation', () => {
  it('has a case here, and every case is a registered compensation', () => {
    expect(registered.length).toBeGreaterThan(0);
    expect(registered.filter((k) => !(k in CASES)), 'registered compensations without a case').toEqual([]);
    expect(Object.keys(CASES).filter((k) => !registered.includes(k as Key)), 'cases of compensations no longer registered').toEqual([]);
  });

  for (const key of registered) {
    it(`runs when the receiver refuses for good: ${key}`, async () => {
      const c = CASES[key];
      if (!c) throw new Error(`no case for the compensation ${key}: add one to this file`);
      const [sender, rest] = key.split('>') as [Sender, string];
      const [target, command] = rest.split('.') as [keyof Commands, string];
      const senderSql = sqlOf(sender);
      const commandId = await platform.subgraphs[sender].orm.em.fork().transactional(async (tx) => {
        const cmd = enqueueCommand(tx, target, command as never, c.args() as never);
        // The receiver refuses the call itself: an argument it does not have.
        if (c.refuse === 'document') cmd.operation = cmd.operation.replace(`${command}(`, `${command}(refusedByReceiver: true, `);
        return cmd.id;
      });
      await platform.runtime.scheduler.runAll({ only: [`${sender}:commands`] });

      // Refused for good: failed with the receiver's code, not retried.
      const row = async () => (await senderSql<{ attempts: number; failed_at: Date | null; published_at: Date | null; last_error: string }>(
        `select attempts, failed_at, published_at, last_error from ${sender}.outbox where id = ?`, [commandId]))[0]!;
      const failed = await row();
      expect(failed.failed_at).not.toBeNull();
      expect(failed.published_at).toBeNull();
      expect(failed.last_error.startsWith(`${c.code}:`), failed.last_error).toBe(true);
      await platform.runtime.scheduler.runAll({ only: [`${sender}:commands`] });
      expect((await row()).attempts).toBe(failed.attempts);

      // The sender's records are as the compensation says.
      await c.after();

      // Listed once, with what was done, for the region's department and administrators only.
      const rows = await sqlOf('people')<{ id: string }>('select id from people.refused_command where command_id = ?', [commandId]);
      expect(rows).toHaveLength(1);
      const id = rows[0]!.id;
      const e = c.entity();
      const admin = await refusalsSeenBy(await tokenFor(adminIdentity()));
      const listed = admin.nodes.find((n) => n.id === id);
      expect(listed).toMatchObject({
        sender, target, command, code: c.code, entityType: e.type, entityId: e.id, regionCode: e.regionCode,
        orderId: e.orderId ?? null, measureId: e.measureId ?? null, personId: e.personId ?? null, supplierId: e.supplierId ?? null,
      });
      expect(listed!.compensation).toMatch(c.compensation);
      const ownRegion = e.regionCode ?? REGIONS[0]!.code;
      const otherRegion = REGIONS.map((r) => r.code).find((r) => r !== ownRegion)!;
      const own = await refusalsSeenBy(await tokenFor(departmentIdentity(ownRegion)));
      expect(own.nodes.filter((n) => n.id === id)).toHaveLength(e.regionCode ? 1 : 0);
      expect((await refusalsSeenBy(await tokenFor(departmentIdentity(otherRegion)))).nodes.filter((n) => n.id === id)).toEqual([]);
      expect((await refusalsSeenBy(await tokenFor(supplierIdentity(verifiedSupplier)))).codes).toEqual(['FORBIDDEN']);

      // Told (COMMAND_REFUSED) when the compensation says so: the person or the supplier, and the department.
      const told = await sqlOf('people')<{ template: string; audience: string }>('select template, audience from people.notification where source = ?', [`${sender}:refused:${commandId}`]);
      if (c.notified) {
        expect(told.length).toBeGreaterThan(0);
        expect(new Set(told.map((n) => n.template))).toEqual(new Set(['COMMAND_REFUSED']));
        expect(told.map((n) => n.audience)).toContain('DEPARTMENT');
      } else {
        expect(told).toEqual([]);
      }
    });
  }
});
