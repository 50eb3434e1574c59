import { Directive, Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { raw } from '@mikro-orm/postgresql';
import { badInput, isUuid } from '@aleumet/core';
import { requireService } from '@aleumet/events';
import { Offering, StockReservation } from '../entities/index.js';
import type { Context } from './context.js';

/**
 * Internal (orders subgraph, service identity with internal:commands): an order of an aid holds
 * stock from signing; a refused, expired or cancelled order gives it back. Idempotent per order.
 */
@Resolver()
export class StockResolver {
  @Directive('@inaccessible')
  @Mutation(() => Boolean, { description: 'Internal (orders): hold stock for a new order of an aid' })
  async internalReserveStock(
    @Arg('commandId', () => ID) _commandId: string,
    @Arg('orderId', () => ID) orderId: string,
    @Arg('offeringId', () => ID) offeringId: string,
    @Arg('quantity', () => Int) quantity: number,
    @Ctx() ctx: Context,
  ) {
    requireService(ctx.identity);
    if (!isUuid(orderId) || !isUuid(offeringId) || !Number.isInteger(quantity) || quantity <= 0) throw badInput('orderId, offeringId, quantity > 0');
    const now = ctx.runtime.clock.now();
    return ctx.em.fork().transactional(async (tx) => {
      if (await tx.findOne(StockReservation, { orderId })) return false;
      // Never below zero: with too little stock the reservation holds nothing (the supplier refuses the order).
      const taken = await tx.nativeUpdate(Offering, { id: offeringId, stock: { $gte: quantity } }, { stock: raw('stock - ?', [quantity]) as never });
      await tx.insert(StockReservation, { orderId, offeringId, quantity: taken ? quantity : 0, reservedAt: now, releasedAt: null });
      return taken > 0;
    });
  }

  @Directive('@inaccessible')
  @Mutation(() => Boolean, { description: 'Internal (orders): give back the stock of a refused, expired or cancelled order' })
  async internalReleaseStock(@Arg('commandId', () => ID) _commandId: string, @Arg('orderId', () => ID) orderId: string, @Ctx() ctx: Context) {
    requireService(ctx.identity);
    if (!isUuid(orderId)) throw badInput('orderId must be a UUID', 'orderId');
    const now = ctx.runtime.clock.now();
    return ctx.em.fork().transactional(async (tx) => {
      const r = await tx.findOne(StockReservation, { orderId });
      if (!r || r.releasedAt) return false;
      r.releasedAt = now;
      if (r.quantity > 0) await tx.nativeUpdate(Offering, { id: r.offeringId }, { stock: raw('stock + ?', [r.quantity]) as never });
      return true;
    });
  }
}
