import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Stock held for one order (aids, S4–S6), written by a command from the orders subgraph.
 * Keyed by the order, so a repeated command changes nothing; releasing sets releasedAt once.
 */
@Entity({ tableName: 'stock_reservation' })
export class StockReservation {
  @PrimaryKey({ type: 'uuid' }) orderId!: string;
  @Property({ type: 'uuid', index: true }) offeringId!: string;
  /** 0 when the offering had no stock left (nothing to give back on release). */
  @Property({ type: 'integer' }) quantity!: number;
  @Property({ type: 'datetime' }) reservedAt!: Date;
  @Property({ type: 'datetime', nullable: true }) releasedAt?: Date | null = null;
}
