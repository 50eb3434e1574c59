import type { Order } from '../entities/index.js';
import type { Context } from '../resolvers/context.js';

/** Cross-subgraph consequences of an order change (measure status, claim, stock); filled in below. */
export async function afterOrderChange(_ctx: Context, order: Order): Promise<Order> {
  return order;
}
