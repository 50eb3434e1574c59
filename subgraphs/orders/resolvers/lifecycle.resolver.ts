import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { LIMITS, Role, actsFor, assertAccess, checkText, forbidden, invalidTransition, requireIdentity, type Identity } from '@aleumet/core';
import { Order, OrderStatus } from '../entities/index.js';
import { transitionOrder } from '../domain/state-machine.js';
import { deliverNow } from '../domain/effects.js';
import { SCOPE } from './order.resolver.js';
import type { Context } from './context.js';

function asSupplier(identity: Identity | null) {
  return (order: Order) => {
    const id = requireIdentity(identity);
    assertAccess(id, order, SCOPE);
    if (id.role !== Role.SUPPLIER || id.supplierId !== order.supplierId) throw forbidden('Only the supplier of the order may do this');
  };
}

const reason = (text: string, field: string): string => checkText(text, field, LIMITS.reason, 3);

/** Supplier and recipient steps of the order lifecycle; each takes the version the caller last saw. */
@Resolver(() => Order)
export class OrderLifecycleResolver {
  @Mutation(() => Order, { description: 'Supplier accepts an order awaiting it (within 5 working days)' })
  async acceptOrder(@Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number, @Ctx() ctx: Context) {
    const now = ctx.runtime.clock.now();
    const result = await transitionOrder(ctx.em, {
      id, expectedVersion: version, to: OrderStatus.ACCEPTED, authorize: asSupplier(ctx.identity), done: (o) => o.acceptedAt != null,
      apply: (o) => {
        if (o.acceptDeadline.getTime() < now.getTime()) throw invalidTransition('Order', o.status, OrderStatus.ACCEPTED);
        o.acceptedAt = now;
      },
    });
    await deliverNow(ctx.em, ctx.runtime, result.commandIds);
    return result.order;
  }

  @Mutation(() => Order, { description: 'Supplier refuses an order awaiting it, with a reason (e.g. out of stock); the measure returns to awaiting choice' })
  async refuseOrder(@Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number, @Arg('reason', () => String) why: string, @Ctx() ctx: Context) {
    const text = reason(why, 'reason');
    const now = ctx.runtime.clock.now();
    const result = await transitionOrder(ctx.em, {
      id, expectedVersion: version, to: OrderStatus.REFUSED, authorize: asSupplier(ctx.identity), done: (o) => o.status === OrderStatus.REFUSED,
      apply: (o) => { o.refusalReason = text; o.closedAt = now; },
    });
    await deliverNow(ctx.em, ctx.runtime, result.commandIds);
    return result.order;
  }

  @Mutation(() => Order, { description: 'Supplier marks an accepted order ready for delivery or pickup' })
  async markOrderReady(@Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number, @Ctx() ctx: Context) {
    const now = ctx.runtime.clock.now();
    const result = await transitionOrder(ctx.em, {
      id, expectedVersion: version, to: OrderStatus.READY, authorize: asSupplier(ctx.identity), done: (o) => o.readyAt != null,
      apply: (o) => { o.readyAt = now; },
    });
    await deliverNow(ctx.em, ctx.runtime, result.commandIds);
    return result.order;
  }

  @Mutation(() => Order, {
    description: 'Supplier or recipient (or representative) confirms the handover of a ready order; when both have confirmed it is HANDED_OVER and the measure fulfilled',
  })
  async confirmHandover(@Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number, @Ctx() ctx: Context) {
    const identity = requireIdentity(ctx.identity);
    const now = ctx.runtime.clock.now();
    const result = await transitionOrder(ctx.em, {
      id, expectedVersion: version, to: null,
      done: (o) => (identity.role === Role.SUPPLIER ? o.supplierConfirmedAt : o.recipientConfirmedAt) != null,
      authorize: (o) => {
        assertAccess(identity, o, SCOPE);
        const supplier = identity.role === Role.SUPPLIER && identity.supplierId === o.supplierId;
        const recipient = (identity.role === Role.RECIPIENT || identity.role === Role.REPRESENTATIVE) && actsFor(identity, o.personId);
        if (!supplier && !recipient) throw forbidden('Only the supplier and the recipient confirm a handover');
      },
      apply: (o) => {
        if (o.status !== OrderStatus.READY) throw invalidTransition('Order', o.status, OrderStatus.HANDED_OVER);
        if (identity.role === Role.SUPPLIER) {
          if (o.supplierConfirmedAt) throw invalidTransition('Order', 'READY (supplier confirmed)', 'supplier confirmed');
          o.supplierConfirmedAt = now;
        } else {
          if (o.recipientConfirmedAt) throw invalidTransition('Order', 'READY (recipient confirmed)', 'recipient confirmed');
          o.recipientConfirmedAt = now;
        }
        if (o.supplierConfirmedAt && o.recipientConfirmedAt) {
          o.handedOverAt = now;
          o.closedAt = now;
          return OrderStatus.HANDED_OVER;
        }
      },
    });
    await deliverNow(ctx.em, ctx.runtime, result.commandIds);
    return result.order;
  }

  @Mutation(() => Order, { description: 'Recipient (or representative), the region department or an admin cancels an order before handover' })
  async cancelOrder(@Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number, @Arg('reason', () => String) why: string, @Ctx() ctx: Context) {
    const identity = requireIdentity(ctx.identity);
    const text = reason(why, 'reason');
    const now = ctx.runtime.clock.now();
    const result = await transitionOrder(ctx.em, {
      id, expectedVersion: version, to: OrderStatus.CANCELLED, done: (o) => o.status === OrderStatus.CANCELLED,
      authorize: (o) => {
        assertAccess(identity, o, SCOPE);
        const allowed = identity.role === Role.ADMIN || identity.role === Role.EMPLOYMENT_DEPARTMENT
          || ((identity.role === Role.RECIPIENT || identity.role === Role.REPRESENTATIVE) && actsFor(identity, o.personId));
        if (!allowed) throw forbidden('Only the recipient, the department or an admin cancels an order');
      },
      apply: (o) => {
        // The recipient said "I received it": the aid is with the person, nothing is left to cancel.
        if (o.recipientConfirmedAt) throw invalidTransition('Order', `${o.status} (received by the recipient)`, OrderStatus.CANCELLED, { reason: 'RECEIVED' });
        o.cancellationReason = text;
        o.closedAt = now;
      },
    });
    await deliverNow(ctx.em, ctx.runtime, result.commandIds);
    return result.order;
  }
}
