import { BigIntType, Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Directive, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SafeIntResolver } from 'graphql-scalars';
import { ServiceKind } from '@aleumet/subgraph-kit';
import { SupplierSigned } from './supplier-signed.js';
import { serviceUntil } from '../domain/service-period.js';

export enum OrderStatus {
  AWAITING_SUPPLIER = 'AWAITING_SUPPLIER',
  ACCEPTED = 'ACCEPTED',
  REFUSED = 'REFUSED',
  EXPIRED = 'EXPIRED',
  READY = 'READY',
  HANDED_OVER = 'HANDED_OVER',
  CANCELLED = 'CANCELLED',
}
registerEnumType(OrderStatus, {
  name: 'OrderStatus',
  description: 'AWAITING_SUPPLIER → ACCEPTED → READY → HANDED_OVER; or REFUSED / EXPIRED (supplier) / CANCELLED',
});

/** How an aid (S4–S6) reaches the recipient; chosen when signing, among what the offering allows. */
export enum HandoverMethod {
  DELIVERY = 'DELIVERY',
  PICKUP = 'PICKUP',
}
registerEnumType(HandoverMethod, { name: 'HandoverMethod', description: 'Delivery to the recipient or pickup at the supplier (aids S4–S6)' });

/** Where and when a delivered aid is brought: part of the signed document, shown to the order's supplier. */
@ObjectType({ description: 'Delivery details of an aid ordered with delivery, as signed: address, contact phone, preferred time, comment' })
export class DeliveryDetails {
  @Field(() => String, { description: "Delivery address (by default the person's registered address)" }) address!: string;
  @Field(() => String, { description: 'Contact phone, +7 and 10 digits' }) phone!: string;
  @Field(() => String, { nullable: true, description: 'Preferred time window, as the recipient wrote it' }) window?: string | null;
  @Field(() => String, { nullable: true }) comment?: string | null;
}

/**
 * Why a supplier refused an order. The rules name one reason: the goods are not in stock (004 ¶83 for
 * technical aids, ¶28 for wheelchairs: accept, or refuse for absence of the goods in the warehouse).
 * Any other refusal (services name no reason) is OTHER and says why in the comment.
 */
export enum OrderRefusalReason {
  OUT_OF_STOCK = 'OUT_OF_STOCK',
  OTHER = 'OTHER',
}
registerEnumType(OrderRefusalReason, {
  name: 'OrderRefusalReason',
  description: "The supplier's reason for refusing: OUT_OF_STOCK (technical aids and wheelchairs, seeds 004 ¶83, ¶28) or OTHER (a comment says why)",
});

/** Statuses in which an order still holds its measure (at most one such order per measure, by a partial unique index). */
export const ACTIVE_ORDER_STATUSES = [OrderStatus.AWAITING_SUPPLIER, OrderStatus.ACCEPTED, OrderStatus.READY] as const;

/** A recipient's signed order of one offering for one measure. */
@Directive('@key(fields: "id")')
@ObjectType({ description: "A recipient's order of an offering for a measure" })
@Entity({ tableName: 'order' })
@Index({ properties: ['supplierId', 'status'] })
@Index({ properties: ['regionCode', 'status'] })
@Index({ properties: ['supplierId', 'id'] })
@Index({ properties: ['regionCode', 'id'] })
// Retention (orders.retention): closed orders older than the cutoff.
@Index({ properties: ['closedAt'] })
@Unique({ properties: ['personId', 'idempotencyKey'] })
// At most one active order per measure, enforced by the database (concurrent createOrder: one wins, one gets a unique violation).
@Unique({
  name: 'order_one_active_per_measure',
  expression: `create unique index "order_one_active_per_measure" on "orders"."order" ("measure_id") where "status" in ('AWAITING_SUPPLIER', 'ACCEPTED', 'READY')`,
})
export class Order extends SupplierSigned<
  | 'status' | 'version' | 'acceptedAt' | 'handedOverAt' | 'closedAt' | 'refusalCode' | 'refusalReason' | 'cancellationReason'
  | 'supplierConfirmedAt' | 'recipientConfirmedAt' | 'readyAt' | 'idempotencyKey' | 'kind' | 'itemTypeCode'
  | 'guaranteedSum' | 'statePart' | 'coPayment' | 'signedDocument' | 'signature' | 'signerCertificate' | 'signerIin' | 'signatureEvidence' | 'unitPrice' | 'termStart' | 'termEnd' | 'formRemovedAt' | 'handover'
  | 'deliveryAddress' | 'deliveryPhone' | 'deliveryWindow' | 'deliveryComment' | 'stayFrom' | 'stayTo' | 'travelPaidByRecipient' | 'serviceUntil'
  | 'leadTimeDays' | 'deliveryDueAt' | 'deliveryOverdueAt'
> {
  @Field(() => String) @Property({ type: 'string', unique: true }) number!: string;
  @Property({ type: 'uuid', index: true }) measureId!: string;
  @Property({ type: 'uuid', index: true }) offeringId!: string;
  @Property({ type: 'uuid', index: true }) personId!: string;
  @Property({ type: 'uuid' }) supplierId!: string;
  @Field(() => String) @Property({ type: 'string', length: 8 }) regionCode!: string;
  @Field(() => ServiceKind, { nullable: true }) @Enum({ items: () => ServiceKind, nullable: true }) kind?: ServiceKind | null;
  @Field(() => String, { nullable: true }) @Property({ type: 'string', length: 40, nullable: true }) itemTypeCode?: string | null;
  @Field(() => OrderStatus) @Enum({ items: () => OrderStatus }) status: OrderStatus = OrderStatus.AWAITING_SUPPLIER;
  @Field(() => SafeIntResolver, { description: 'Price agreed at signing, in tiyn' }) @Property({ type: new BigIntType('number') }) price!: number;
  @Field(() => Int) @Property({ type: 'integer' }) quantity!: number;
  @Field(() => SafeIntResolver, { nullable: true, description: 'Price of one unit (hour for S1/S2), in tiyn: price / quantity' })
  @Property({ type: new BigIntType('number'), nullable: true })
  unitPrice?: number | null;
  @Field(() => SafeIntResolver, { nullable: true, description: 'Guaranteed sum of the measure at signing, in tiyn' })
  @Property({ type: new BigIntType('number'), nullable: true })
  guaranteedSum?: number | null;
  @Field(() => SafeIntResolver, { nullable: true, description: 'What the state pays: min(price, guaranteed sum), in tiyn' })
  @Property({ type: new BigIntType('number'), nullable: true })
  statePart?: number | null;
  @Field(() => SafeIntResolver, { nullable: true, description: 'What the recipient pays the supplier: price − state part, in tiyn' })
  @Property({ type: new BigIntType('number'), nullable: true })
  coPayment?: number | null;
  @Field(() => HandoverMethod, { nullable: true, description: 'Aids (S4–S6): delivery or pickup, as signed; null for services and orders placed before it was recorded' })
  @Enum({ items: () => HandoverMethod, nullable: true })
  handover?: HandoverMethod | null;
  /** Delivery details (orders with DELIVERY): personal data, removed with the form at retention; read through `delivery`. */
  @Property({ type: 'text', nullable: true }) deliveryAddress?: string | null;
  @Property({ type: 'string', length: 16, nullable: true }) deliveryPhone?: string | null;
  @Property({ type: 'string', length: 200, nullable: true }) deliveryWindow?: string | null;
  @Property({ type: 'text', nullable: true }) deliveryComment?: string | null;
  @Field(() => Date, { description: 'The supplier must accept or refuse by then (5 working days)' }) @Property({ type: 'datetime' }) acceptDeadline!: Date;
  @Field(() => Date, { nullable: true }) @Property({ type: 'datetime', nullable: true }) acceptedAt?: Date | null;
  /** The contract's handover term (seeds 004 ¶28, ¶83): the offering's lead time when the order was signed; aids only. */
  @Field(() => Int, { nullable: true, description: "Aids: the contract's handover term in days after acceptance (the offering's lead time at signing)" })
  @Property({ type: 'integer', nullable: true })
  leadTimeDays?: number | null;
  @Field(() => Date, { nullable: true, description: 'Aids: hand over by then (acceptance + lead time), as the contract says' })
  @Property({ type: 'datetime', nullable: true, index: true })
  deliveryDueAt?: Date | null;
  @Field(() => Date, { nullable: true, description: 'When the handover was found overdue (flagged to the department); stays set after a late handover' })
  @Property({ type: 'datetime', nullable: true })
  deliveryOverdueAt?: Date | null;
  @Field(() => Date, { nullable: true }) @Property({ type: 'datetime', nullable: true }) readyAt?: Date | null;
  @Field(() => Date, { nullable: true, description: 'When the supplier confirmed the handover' }) @Property({ type: 'datetime', nullable: true }) supplierConfirmedAt?: Date | null;
  @Field(() => Date, { nullable: true, description: 'When the recipient confirmed the handover' }) @Property({ type: 'datetime', nullable: true }) recipientConfirmedAt?: Date | null;
  @Field(() => Date, { nullable: true }) @Property({ type: 'datetime', nullable: true }) handedOverAt?: Date | null;
  @Field(() => Date, { nullable: true }) @Property({ type: 'datetime', nullable: true }) closedAt?: Date | null;
  @Field(() => OrderRefusalReason, { nullable: true, description: "The supplier's reason for refusing; null for orders refused before reasons had codes (refusalReason has their words)" })
  @Enum({ items: () => OrderRefusalReason, nullable: true })
  refusalCode?: OrderRefusalReason | null;
  @Field(() => String, { nullable: true, description: "The supplier's comment on its refusal (for orders refused before reasons had codes: the reason, in the supplier's words)" })
  @Property({ type: 'text', nullable: true })
  refusalReason?: string | null;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) cancellationReason?: string | null;
  /** Client idempotency key of createOrder, unique per person. */
  @Property({ type: 'string', length: 100, nullable: true }) idempotencyKey?: string | null;
  /** The canonical order document the recipient signed, its signature and the signer's certificate (PEM). */
  @Field(() => String, { nullable: true, description: 'The canonical JSON document signed by the recipient' })
  @Property({ type: 'text', nullable: true })
  signedDocument?: string | null;
  @Property({ type: 'text', nullable: true }) signature?: string | null;
  @Property({ type: 'text', nullable: true }) signerCertificate?: string | null;
  @Property({ type: 'string', length: 12, nullable: true }) signerIin?: string | null;
  /** How the signer's certificate status was checked when the order was signed (JSON: source OCSP/CRL/NONE, base64 DER OCSP answer, time): evidence that it was valid then. */
  @Property({ type: 'text', nullable: true }) signatureEvidence?: string | null;
  @Field(() => String, { nullable: true, description: 'First day of the IPR term, YYYY-MM-DD' }) @Property({ type: 'date', nullable: true }) termStart?: string | null;
  @Field(() => String, { nullable: true, description: 'Last day of the IPR term, YYYY-MM-DD' }) @Property({ type: 'date', nullable: true }) termEnd?: string | null;
  // Sanatorium treatment (S3): the stay as signed, at most 14 days, once a calendar year (seeds 004 ¶26).
  @Field(() => String, { nullable: true, description: 'S3: first day of the stay, YYYY-MM-DD (as signed)' }) @Property({ type: 'date', nullable: true }) stayFrom?: string | null;
  @Field(() => String, { nullable: true, description: 'S3: last day of the stay, YYYY-MM-DD (at most 14 days)' }) @Property({ type: 'date', nullable: true }) stayTo?: string | null;
  /** Set when the order form passed its retention period (5 years after closing; never for S4) and was removed: orders.retention. */
  @Field(() => Date, { nullable: true, description: 'When the signed order form (document, signature, certificate, personal data) was removed after its 5-year retention; never set for prosthetics (S4)' })
  @Property({ type: 'datetime', nullable: true })
  formRemovedAt?: Date | null;
  @Field(() => Int, { description: 'Optimistic-locking version, incremented by every change' })
  @Property({ type: 'integer', version: true })
  version: number = 1;

  @Field(() => String, { nullable: true, description: 'S1/S2: the last day of service (S1: 31 December of the year ordered, or the end of the IPR term if earlier; S2: end of the IPR term)' })
  get serviceUntil(): string | null {
    return serviceUntil(this);
  }

  @Field(() => Boolean, { description: 'S3: the travel to and from the sanatorium is paid by the recipient (seeds 004 ¶26)' })
  get travelPaidByRecipient(): boolean {
    return this.kind === 'S3';
  }

  @Field(() => DeliveryDetails, { nullable: true, description: 'Aids with delivery: where and when to bring it, as signed' })
  get delivery(): DeliveryDetails | null {
    if (!this.deliveryAddress || !this.deliveryPhone) return null;
    return { address: this.deliveryAddress, phone: this.deliveryPhone, window: this.deliveryWindow ?? null, comment: this.deliveryComment ?? null };
  }
}

/** The last order number given in a year: numbers are `YYYY-NNNNNN`, one sequence per year (row-locked by the increment). */
@Entity({ tableName: 'order_number_counter' })
export class OrderNumberCounter {
  @PrimaryKey({ type: 'integer', autoincrement: false }) year!: number;
  @Property({ type: 'integer' }) last!: number;
}
