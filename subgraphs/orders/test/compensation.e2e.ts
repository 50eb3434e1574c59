import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '@aleumet/platform';
import { startTestPlatform } from '@aleumet/platform/testing';
import { REGIONS } from '@aleumet/core';
import { adminIdentity, codes, departmentIdentity, gql, supplierIdentity, tokenFor } from '@aleumet/testkit';
import { ORDER, freshPerson, guaranteed, offeringFor, publishOne, signAndOrder, tokens } from './helpers.js';

/**
 * A command another service refuses for good is compensated by its sender (@aleumet/events
 * compensation.ts): here programs refuses to hold the measure of a new order (INVALID_TRANSITION: the
 * measure was blocked meanwhile), so orders cancels the order, the department of the region sees the
 * refusal in its list, and the person, the supplier and the department are notified. While programs
 * only fails (a database error, not an answer about the measure), the command is retried, not compensated.
 */
let platform: Platform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(() => platform?.close());

const REFUSED = `{ refusedCommands(first: 100) { nodes { id sender target command code message entityType entityId compensation regionCode personId supplierId measureId orderId refusedAt } } }`;
const NOTIFICATIONS = `{ notifications(first: 100) { nodes { template orderId audience } } }`;

const programsSql = <T>(sql: string, params: unknown[] = []) => platform.subgraphs.programs.orm.em.getConnection().execute<T[]>(sql, params);
const ordersSql = <T>(sql: string, params: unknown[] = []) => platform.subgraphs.orders.orm.em.getConnection().execute<T[]>(sql, params);
const measureOrderedCommand = async (orderId: string) =>
  (await ordersSql<{ attempts: number; failed_at: Date | null; published_at: Date | null; last_error: string | null }>(
    `select attempts, failed_at, published_at, last_error from orders.outbox where kind = 'command' and command = 'internalMeasureOrdered' and variables->>'orderId' = ?`, [orderId]))[0]!;
const deliverOrdersCommands = () => platform.runtime.scheduler.runAll({ only: ['orders:commands'] });

describe('a command refused for good', () => {
  it('is retried while the receiver only fails, then compensated once it refuses: the order is cancelled, the department sees why, the people concerned are told', async () => {
    const { person, index } = freshPerson(41, 'S5');
    const offering = offeringFor(person, 'S5');
    const { measure } = await publishOne(platform, person, { kind: 'S5', itemTypeCode: offering.itemTypeCode, guaranteedSum: guaranteed(offering.itemTypeCode) });
    // Programs cannot write this measure as ORDERED for now: a database error, which says nothing about the measure (transient).
    const constraint = `test_hold_${measure.id.replace(/-/g, '').slice(-12)}`;
    await programsSql(`alter table programs.measure add constraint ${constraint} check (id <> '${measure.id}' or status <> 'ORDERED') not valid`);
    let order: { id: string; number: string; status: string };
    try {
      const created = (await signAndOrder(platform, index, measure.id, offering.id)).res;
      expect(created.errors).toBeUndefined();
      order = created.data.createOrder;
      expect(order.status).toBe('AWAITING_SUPPLIER');
      const first = await measureOrderedCommand(order.id);
      expect(first).toMatchObject({ attempts: 1, failed_at: null, published_at: null });
      // The scheduler retries it; still failing, still not compensated.
      await deliverOrdersCommands();
      const second = await measureOrderedCommand(order.id);
      expect(second.attempts).toBeGreaterThanOrEqual(2);
      expect(second).toMatchObject({ failed_at: null, published_at: null });
      const still = await gql(platform.gateway.url, ORDER, { id: order.id }, await tokens(index));
      expect(still.data.order.status).toBe('AWAITING_SUPPLIER');
      const dept = await tokenFor(departmentIdentity(person.regionCode));
      const before = await gql(platform.gateway.url, REFUSED, {}, dept);
      expect(before.errors).toBeUndefined();
      expect(before.data.refusedCommands.nodes.filter((r: { orderId: string }) => r.orderId === order.id)).toEqual([]);
      // Meanwhile the measure was blocked: programs now refuses for good (INVALID_TRANSITION).
      await programsSql(`update programs.measure set status = 'BLOCKED' where id = ?`, [measure.id]);
    } finally {
      await programsSql(`alter table programs.measure drop constraint if exists ${constraint}`);
    }
    await deliverOrdersCommands();

    const refused = await measureOrderedCommand(order.id);
    expect(refused.failed_at).not.toBeNull();
    expect(refused.last_error).toMatch(/^INVALID_TRANSITION/);
    // Compensation: the order is undone, saying why.
    const after = await gql(platform.gateway.url, ORDER, { id: order.id }, await tokens(index));
    expect(after.errors).toBeUndefined();
    expect(after.data.order.status).toBe('CANCELLED');
    expect(after.data.order.cancellationReason).toMatch(/holding the measure was refused by programs \(INVALID_TRANSITION\)/);

    // The department of the region sees the refusal; another region's does not; administrators do.
    const dept = await tokenFor(departmentIdentity(person.regionCode));
    const listed = (await gql(platform.gateway.url, REFUSED, {}, dept)).data.refusedCommands.nodes.filter((r: { orderId: string }) => r.orderId === order.id);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({
      sender: 'orders', target: 'programs', command: 'internalMeasureOrdered', code: 'INVALID_TRANSITION', entityType: 'Order', entityId: order.id,
      regionCode: person.regionCode, personId: person.id, supplierId: offering.supplierId, measureId: measure.id, compensation: 'order cancelled: holding the measure was refused',
    });
    expect(listed[0].message).toMatch(/BLOCKED/);
    const otherRegion = REGIONS.map((r) => r.code).find((r) => r !== person.regionCode)!;
    const other = await gql(platform.gateway.url, REFUSED, {}, await tokenFor(departmentIdentity(otherRegion)));
    expect(other.data.refusedCommands.nodes.filter((r: { orderId: string }) => r.orderId === order.id)).toEqual([]);
    const admin = await gql(platform.gateway.url, REFUSED, {}, await tokenFor(adminIdentity()));
    expect(admin.data.refusedCommands.nodes.map((r: { orderId: string }) => r.orderId)).toContain(order.id);
    // Not for the person or the supplier (they are told, the list is the department's).
    expect(codes(await gql(platform.gateway.url, REFUSED, {}, await tokens(index)))).toEqual(['FORBIDDEN']);

    // The person, the supplier and the department are notified.
    const templatesOf = async (token: string) =>
      (await gql(platform.gateway.url, NOTIFICATIONS, {}, token)).data.notifications.nodes.filter((n: { orderId: string }) => n.orderId === order.id).map((n: { template: string }) => n.template);
    expect(await templatesOf(await tokens(index))).toContain('COMMAND_REFUSED');
    expect(await templatesOf(await tokenFor(supplierIdentity(offering.supplierId)))).toContain('COMMAND_REFUSED');
    expect(await templatesOf(dept)).toContain('COMMAND_REFUSED');

    // Compensated once: another delivery run changes nothing.
    await deliverOrdersCommands();
    const again = (await gql(platform.gateway.url, REFUSED, {}, dept)).data.refusedCommands.nodes.filter((r: { orderId: string }) => r.orderId === order.id);
    expect(again).toHaveLength(1);
  });
});
