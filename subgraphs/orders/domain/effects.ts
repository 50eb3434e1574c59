import type { EntityManager } from '@mikro-orm/postgresql';
import type { SubgraphRuntime } from '@aleumet/runtime';
import { deliverCommands, enqueueCommand, type Commands } from '@aleumet/events';
import type { ServiceKind } from '@aleumet/subgraph-kit';
import { Order, OrderStatus } from '../entities/index.js';
import { createLogger } from '@aleumet/observability';

const logger = createLogger('orders');

/**
 * Cross-subgraph consequences of order changes. Orders never touches the programs or finance
 * tables: it queues typed commands (the owners' internal mutations, see @aleumet/events) in the
 * transaction of the change, delivers them right after commit (so the caller sees a consistent
 * platform), and the scheduler re-delivers whatever could not be delivered. Receivers are
 * idempotent by commandId.
 *
 *   created      → programs: measure ORDERED;          people and programs: the supplier may see the recipient's name and the measure;
 *                            finance: claim APPLIED (S3–S6; S1/S2 claim per approved act); catalog: stock held (aids S4–S6)
 *   refused / expired / cancelled → programs: measure back to AWAITING_CHOICE (only if this order holds it); finance: claim CANCELLED; catalog: stock released
 *   handed over  → programs: measure FULFILLED + fulfilment record; finance: claim APPROVED (payable to the supplier)
 * and people: the supplier is told of a new order, the recipient of its acceptance or refusal (notifications).
 */

/** Services rendered over time and paid per monthly act: S1, S2 and the special social services (seeds 003 ¶8: services, not goods). */
export const SERVICE_KINDS: readonly string[] = ['S1', 'S2', 'SSS'];
export const isServiceKind = (kind: ServiceKind | null | undefined): kind is ServiceKind => !!kind && SERVICE_KINDS.includes(kind);
export const isService = (o: Order) => isServiceKind(o.kind);
/** Aids come from stock; services (S1–S3) do not. Seeded orders have no kind and hold no stock. */
export const isAid = (o: Order) => o.kind === 'S4' || o.kind === 'S5' || o.kind === 'S6';

/** Queues the commands a transition causes; returns their ids. */
export function queueEffects(tx: EntityManager, order: Order, from: OrderStatus | null, to: OrderStatus): string[] {
  const ids: string[] = [];
  const q = <T extends keyof Commands, N extends keyof Commands[T] & string>(target: T, command: N, args: Commands[T][N]) => ids.push(enqueueCommand(tx, target, command, args).id);
  const notice = (template: 'ORDER_RECEIVED' | 'ORDER_ACCEPTED' | 'ORDER_REJECTED', audience: { personId?: string; supplierId?: string }) =>
    q('people', 'internalNotify', {
      source: `orders:${order.id}:${to}`, template, regionCode: order.regionCode, orderId: order.id, measureId: order.measureId, ...audience,
      params: JSON.stringify({ number: order.number, item: order.itemTypeCode ?? order.kind ?? '' }),
    });
  if (from === null) {
    notice('ORDER_RECEIVED', { supplierId: order.supplierId });
    q('programs', 'internalMeasureOrdered', { measureId: order.measureId, orderId: order.id, supplierId: order.supplierId });
    q('people', 'internalSupplierServesPerson', { personId: order.personId, supplierId: order.supplierId });
    if (isAid(order)) q('catalog', 'internalReserveStock', { orderId: order.id, offeringId: order.offeringId, quantity: order.quantity });
    if (!isService(order)) {
      q('finance', 'internalOpenClaim', {
        input: {
          orderId: order.id, measureId: order.measureId, supplierId: order.supplierId, personId: order.personId, regionCode: order.regionCode,
          kind: order.kind, statePart: order.statePart ?? 0, coPayment: order.coPayment ?? 0,
        },
      });
    }
    return ids;
  }
  if (to === OrderStatus.ACCEPTED) notice('ORDER_ACCEPTED', { personId: order.personId });
  if (to === OrderStatus.REFUSED) notice('ORDER_REJECTED', { personId: order.personId });
  if (to === OrderStatus.REFUSED || to === OrderStatus.EXPIRED || to === OrderStatus.CANCELLED) {
    q('programs', 'internalMeasureReleased', { measureId: order.measureId, orderId: order.id });
    if (!isService(order)) q('finance', 'internalOrderClaimOutcome', { orderId: order.id, outcome: 'CANCEL' });
    if (isAid(order)) q('catalog', 'internalReleaseStock', { orderId: order.id });
  } else if (to === OrderStatus.HANDED_OVER) {
    q('programs', 'internalMeasureFulfilled', { measureId: order.measureId, orderId: order.id, supplierId: order.supplierId, fulfilledAt: (order.handedOverAt ?? new Date()).toISOString() });
    if (!isService(order)) q('finance', 'internalOrderClaimOutcome', { orderId: order.id, outcome: 'APPROVE' });
  }
  return ids;
}

/** Delivers freshly queued commands after commit; failures stay queued for the scheduler. */
export async function deliverNow(em: EntityManager, runtime: SubgraphRuntime, ids: string[]): Promise<void> {
  if (!ids.length) return;
  try {
    await deliverCommands(em, runtime, 'orders', ids);
  } catch (e) {
    logger.warn({ err: e }, 'command delivery deferred to the scheduler');
  }
}
