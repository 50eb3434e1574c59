import { OptimisticLockError, type EntityManager } from '@mikro-orm/postgresql';
import { conflict, invalidTransition, notFound, isUuid, badInput, checkVersion } from '@aleumet/core';
import { firstTime, recordEvent } from '@aleumet/events';
import { Order, OrderStatus } from '../entities/index.js';
import { queueEffects } from './effects.js';

/**
 * The order state machine. Every change goes through `transitionOrder`: one transaction that
 * re-reads the order, checks the caller's expected version (optimistic locking), checks the
 * transition is legal, applies it, and records ORDER_STATUS_CHANGED in the outbox — all or nothing.
 */
export const TRANSITIONS: Record<OrderStatus, readonly OrderStatus[]> = {
  [OrderStatus.AWAITING_SUPPLIER]: [OrderStatus.ACCEPTED, OrderStatus.REFUSED, OrderStatus.EXPIRED, OrderStatus.CANCELLED],
  // ACCEPTED → HANDED_OVER: an S1/S2 order whose service period ended with service rendered (domain/service-end.ts).
  [OrderStatus.ACCEPTED]: [OrderStatus.READY, OrderStatus.HANDED_OVER, OrderStatus.CANCELLED],
  [OrderStatus.READY]: [OrderStatus.HANDED_OVER, OrderStatus.CANCELLED],
  [OrderStatus.REFUSED]: [],
  [OrderStatus.EXPIRED]: [],
  [OrderStatus.HANDED_OVER]: [],
  [OrderStatus.CANCELLED]: [],
};

export const canTransition = (from: OrderStatus, to: OrderStatus) => TRANSITIONS[from].includes(to);

export function orderEvent(em: EntityManager, order: Order, version: number) {
  recordEvent(em, {
    type: 'ORDER_STATUS_CHANGED',
    entityType: 'Order',
    entityId: order.id,
    status: order.status,
    version,
    payload: { personId: order.personId, supplierId: order.supplierId, regionCode: order.regionCode, measureId: order.measureId },
  });
}

export interface TransitionRequest {
  id: string;
  /** The version the caller last saw; null skips the check (system jobs that re-read the row themselves). */
  expectedVersion: number | null;
  /** Target status; null when the change keeps the status (e.g. the first of two handover confirmations). */
  to: OrderStatus | null;
  /** Throws when the caller may not do this to this order (runs before anything else is revealed). */
  authorize: (order: Order) => void;
  /** Applies the change to the entity (timestamps, reasons); may return the target status when it depends on the order. */
  apply: (order: Order, tx: EntityManager) => OrderStatus | void;
  /** A command from another subgraph: processed once (a repeated delivery changes nothing). */
  commandId?: string;
  /** True when what the caller asks for is already the case (e.g. its handover confirmation is recorded): CONFLICT with reason ALREADY_DONE. */
  done?: (order: Order) => boolean;
  /** Do nothing (instead of INVALID_TRANSITION) when the order is already closed: for system-initiated changes. */
  skipIfClosed?: boolean;
}

export interface TransitionResult {
  order: Order;
  changed: boolean;
  /** Commands to other subgraphs queued by this transition (deliver after commit). */
  commandIds: string[];
}

const CLOSED = [OrderStatus.REFUSED, OrderStatus.EXPIRED, OrderStatus.HANDED_OVER, OrderStatus.CANCELLED];

/** Runs one guarded transition in its own transaction on a fork of `em`. */
export async function transitionOrder(em: EntityManager, req: TransitionRequest): Promise<TransitionResult> {
  if (!isUuid(req.id)) throw badInput('Order id must be a UUID', 'id');
  if (req.expectedVersion !== null) checkVersion(req.expectedVersion);
  const fork = em.fork();
  try {
    return await fork.transactional((tx) => transitionWithin(tx, req));
  } catch (e) {
    if (e instanceof OptimisticLockError) throw conflict('Order was changed meanwhile; reload it', { reason: 'VERSION_CHANGED', orderId: req.id });
    throw e;
  }
}

/** The transition in the caller's transaction `tx` (a compensation runs in the transaction that marks its command refused). */
export async function transitionWithin(tx: EntityManager, req: TransitionRequest): Promise<TransitionResult> {
  const order = await tx.findOne(Order, req.id);
  if (!order) throw notFound('Order', req.id);
  if (req.commandId && !(await firstTime(tx, req.commandId))) return { order, changed: false, commandIds: [] };
  if (req.skipIfClosed && CLOSED.includes(order.status)) return { order, changed: false, commandIds: [] };
  req.authorize(order);
  if (req.expectedVersion !== null && order.version !== req.expectedVersion) {
    // What the client needs to refetch and tell what changed; and whether the step it asked for is already done.
    const done = req.done?.(order) ?? false;
    throw conflict(
      done
        ? `Order ${order.number}: this step is already done (now ${order.status}, version ${order.version})`
        : `Order ${order.number} was changed meanwhile (now ${order.status}, version ${order.version}; you sent ${req.expectedVersion}); reload it`,
      { reason: done ? 'ALREADY_DONE' : 'VERSION_CHANGED', orderId: order.id, currentVersion: order.version, currentStatus: order.status, yourVersion: req.expectedVersion },
    );
  }
  if (req.done?.(order)) {
    throw invalidTransition('Order', order.status, req.to ?? order.status, { reason: 'ALREADY_DONE', orderId: order.id, currentVersion: order.version, currentStatus: order.status },
      `Order ${order.number}: this step is already done (now ${order.status})`);
  }
  const from = order.status;
  if (req.to !== null && !canTransition(from, req.to)) throw invalidTransition('Order', from, req.to);
  const result = req.apply(order, tx);
  const to = result ?? req.to ?? from;
  if (to !== from && !canTransition(from, to)) throw invalidTransition('Order', from, to);
  order.status = to;
  // The version property is incremented by the flush (UPDATE … WHERE version = old). Every change is announced, also one that
  // keeps the status (the first of two handover confirmations): live rows then hold the current version.
  orderEvent(tx, order, order.version + 1);
  const commandIds = to !== from ? queueEffects(tx, order, from, to) : [];
  await tx.flush();
  return { order, changed: to !== from, commandIds };
}
