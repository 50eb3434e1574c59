import type { EntityManager } from '@mikro-orm/postgresql';
import { registerCompensation, type Compensated, type Refusal } from '@aleumet/events';
import { Order, OrderStatus } from '../entities/index.js';
import { transitionWithin } from './state-machine.js';

/**
 * What orders does when another subgraph refuses one of its commands for good (@aleumet/events
 * compensation.ts). Each runs in the transaction that marks the command refused; the refusal is then
 * listed for the order's department and, where the order cannot go on as the people concerned think,
 * they are told.
 *
 * An order that has not been handed over yet is undone (CANCELLED, the reason saying who refused what)
 * when a step of its creation is refused: without the measure held by programs, the stock held by the
 * catalog or the claim opened by finance the order can neither be fulfilled nor paid. Cancelling runs
 * the usual consequences (measure released, claim cancelled, stock given back), so nothing stays half
 * done. After the handover nothing is undone (the goods or the service were delivered): the refusal is
 * listed and the department settles it with the service concerned.
 */
const CLOSED: readonly OrderStatus[] = [OrderStatus.REFUSED, OrderStatus.EXPIRED, OrderStatus.HANDED_OVER, OrderStatus.CANCELLED];

async function orderOf(tx: EntityManager, orderId: string): Promise<Order | null> {
  return tx.findOne(Order, orderId);
}

const about = (o: Order) => ({
  entityType: 'Order', entityId: o.id, regionCode: o.regionCode, personId: o.personId, supplierId: o.supplierId, measureId: o.measureId, orderId: o.id,
});
const texts = (o: Order) => ({ number: o.number, item: o.itemTypeCode ?? o.kind ?? '' });
const unknownOrder = (orderId: string): Compensated => ({ entityType: 'Order', entityId: orderId, regionCode: null, orderId, action: 'nothing to undo: the order is not known here' });

/** Cancels the order unless it is closed: a step its creation needs was refused. */
async function cancelOrder(tx: EntityManager, orderId: string, refusal: Refusal, step: string): Promise<Compensated> {
  const order = await orderOf(tx, orderId);
  if (!order) return unknownOrder(orderId);
  if (CLOSED.includes(order.status)) return { ...about(order), action: `nothing to undo: the order is already ${order.status}`, notify: texts(order) };
  const reason = `Cancelled by the platform: ${step} was refused by ${refusal.target} (${refusal.code})`;
  const now = refusal.refusedAt;
  const result = await transitionWithin(tx, {
    id: order.id, expectedVersion: null, to: OrderStatus.CANCELLED, authorize: () => {},
    apply: (o) => { o.cancellationReason = reason; o.closedAt = now; },
  });
  return { ...about(order), action: `order cancelled: ${step} was refused`, notify: texts(order), commandIds: result.commandIds };
}

/** Keeps the order as it is: lists the refusal and, when `tell`, tells the people concerned and the department. */
async function flagOrder(tx: EntityManager, orderId: string, action: string, tell: boolean): Promise<Compensated> {
  const order = await orderOf(tx, orderId);
  if (!order) return unknownOrder(orderId);
  return { ...about(order), action: `order kept (${order.status}): ${action}`, notify: tell ? texts(order) : null };
}

export function registerOrderCompensations(): void {
  // Creation: without the measure held for this order the supplier would deliver a measure someone else holds (or none).
  registerCompensation('orders', 'programs', 'internalMeasureOrdered', (tx, a, r) => cancelOrder(tx, a.orderId, r, 'holding the measure'));
  registerCompensation('orders', 'catalog', 'internalReserveStock', (tx, a, r) => cancelOrder(tx, a.orderId, r, 'holding the stock'));
  registerCompensation('orders', 'finance', 'internalOpenClaim', (tx, a, r) =>
    // A monthly act's claim (S1/S2): the act is approved and the service rendered; the department settles the claim.
    a.input.actId
      ? flagOrder(tx, a.input.orderId, `the claim of act ${a.input.actId} was not opened; the department settles it with finance`, true)
      : cancelOrder(tx, a.input.orderId, r, 'opening the reimbursement claim'));
  // The supplier cannot see the recipient's name: the order stays; the department arranges the handover.
  registerCompensation('orders', 'people', 'internalSupplierServesPerson', async (tx, a) => {
    const latest = await tx.findOne(Order, { personId: a.personId, supplierId: a.supplierId }, { orderBy: { id: 'desc' } });
    const action = 'the supplier was not given access to the recipient\'s name; the department arranges the handover';
    return latest ? flagOrder(tx, latest.id, action, false) : { entityType: 'Person', entityId: a.personId, regionCode: null, personId: a.personId, supplierId: a.supplierId, action };
  });
  // A notification that could not be made: the list only (telling about a failed notice by another notice would repeat it).
  registerCompensation('orders', 'people', 'internalNotify', async (tx, a) =>
    a.orderId ? flagOrder(tx, a.orderId, `the notice ${a.template} was not made`, false) : { entityType: 'Notification', entityId: a.source.slice(0, 40), regionCode: a.regionCode, action: 'notice not made' });
  // After the order closed: nothing of the order to undo; the measure, stock or claim is left for the department.
  registerCompensation('orders', 'programs', 'internalMeasureReleased', (tx, a) =>
    flagOrder(tx, a.orderId, 'the measure was not released for a new choice; the department reactivates it', true));
  registerCompensation('orders', 'programs', 'internalMeasureFulfilled', (tx, a) =>
    flagOrder(tx, a.orderId, 'the handover happened but the measure was not marked fulfilled; the department records the fulfilment', true));
  registerCompensation('orders', 'finance', 'internalOrderClaimOutcome', (tx, a) =>
    flagOrder(tx, a.orderId, `the claim was not ${a.outcome === 'APPROVE' ? 'approved' : 'cancelled'}; the department settles it with finance`, true));
  registerCompensation('orders', 'catalog', 'internalReleaseStock', (tx, a) =>
    flagOrder(tx, a.orderId, 'the held stock was not given back; the supplier corrects its stock', false));
}
