import { Arg, Ctx, ID, Int, Mutation, Query, Resolver, registerEnumType } from 'type-graphql';
import { LIMITS, Role, actsFor, assertAccess, badInput, checkText, checkVersion, conflict, forbidden, invalidTransition, isUuid, notFound, requireIdentity, type Identity } from '@aleumet/core';
import { canonicalize } from '@aleumet/signing';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Order, OrderRefusalReason, OrderStatus, SignedDocumentKind } from '../entities/index.js';
import { checkRefusal, checkRefusalFor, type Refusal } from '../domain/refusal.js';
import { checkSignatureLengths, supplierDocument, verifySupplierSignature } from '../domain/supplier-signature.js';
import { transitionOrder } from '../domain/state-machine.js';
import { keepSigned } from '../domain/signed-documents.js';
import { deliverNow } from '../domain/effects.js';
import { checkAnswerInTime, startDeliveryTerm } from '../domain/contract.js';
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
const REASON_CODE_DESCRIPTION = 'REFUSE: why (OUT_OF_STOCK for technical aids and wheelchairs; OTHER with a comment)';
const COMMENT_DESCRIPTION = 'REFUSE: a comment to the recipient, required with OTHER';

export enum SupplierOrderAction { ACCEPT = 'ACCEPT', REFUSE = 'REFUSE' }
registerEnumType(SupplierOrderAction, { name: 'SupplierOrderAction', description: "The supplier's answer to an order, signed with its EDS" });

const SIGNATURE_DESCRIPTION = "The supplier's EDS over supplierOrderDocument: CMS SignedData (NCALayer, the organization's signing key: BIN of the supplier, first head or authorized signatory); development only: base64 ECDSA signature of the development signer";
const CERTIFICATE_DESCRIPTION = 'PEM certificate of the development signer; omit for a CMS signature (it carries its certificate)';

/** The answer document for the order as it is now (its version binds the signature to what the supplier saw). */
function orderAnswer(o: Order, action: SupplierOrderAction, refusal: Refusal | null): Record<string, unknown> {
  return supplierDocument(action === SupplierOrderAction.ACCEPT ? 'ACCEPT_ORDER' : 'REFUSE_ORDER', o.supplierId, {
    order: { id: o.id, number: o.number, version: o.version, kind: o.kind, itemTypeCode: o.itemTypeCode, price: o.price, statePart: o.statePart, coPayment: o.coPayment },
    ...(refusal === null ? {} : { refusal: { reasonCode: refusal.code, comment: refusal.comment } }),
  });
}

async function supplierOrder(ctx: Context, id: string): Promise<Order> {
  if (!isUuid(id)) throw badInput('Order id must be a UUID', 'id');
  const order = await ctx.em.fork().findOne(Order, { id });
  if (!order) throw notFound('Order', id);
  asSupplier(ctx.identity)(order);
  return order;
}

/** Checks the supplier's signature of its answer before the transition (seeds 004 ¶28, ¶30, ¶83); the transition still checks the version. */
async function signedAnswer(
  ctx: Context, id: string, version: number, action: SupplierOrderAction, refusal: Refusal | null, signature: string, certificate: string | null | undefined,
): Promise<(o: Order, tx: EntityManager) => void> {
  checkSignatureLengths(signature, certificate);
  // Authorization first: only the order's supplier learns whether its signature is missing.
  const order = await supplierOrder(ctx, id);
  if (refusal) checkRefusalFor(order.kind, refusal);
  // A stale version is the transition's CONFLICT (with what to refetch), whatever was signed: nothing is applied.
  if (order.version !== version) return () => { throw conflict('The order changed after it was signed; sign it again'); };
  const expected = orderAnswer(order, action, refusal);
  const { record, ...signed } = await verifySupplierSignature(ctx.runtime, order.supplierId, expected, { document: canonicalize(expected), signature, certificate });
  return (o, tx) => {
    if (o.version !== order.version) throw conflict('The order changed after it was signed; sign it again');
    Object.assign(o, signed);
    keepSigned(tx, action === SupplierOrderAction.ACCEPT ? SignedDocumentKind.ORDER_ACCEPTANCE : SignedDocumentKind.ORDER_REFUSAL, { ...o, orderId: o.id }, record);
  };
}

/** Supplier and recipient steps of the order lifecycle; each takes the version the caller last saw. */
@Resolver(() => Order)
export class OrderLifecycleResolver {
  @Query(() => String, { description: "Supplier: the canonical document to sign for acceptOrder or refuseOrder (the order as it is now, and the refusal's reason and comment)" })
  async supplierOrderDocument(
    @Arg('id', () => ID) id: string,
    @Arg('action', () => SupplierOrderAction) action: SupplierOrderAction,
    @Arg('reasonCode', () => OrderRefusalReason, { nullable: true, description: REASON_CODE_DESCRIPTION }) code: OrderRefusalReason | null | undefined,
    @Arg('comment', () => String, { nullable: true, description: COMMENT_DESCRIPTION }) comment: string | null | undefined,
    @Ctx() ctx: Context,
  ): Promise<string> {
    if (action === SupplierOrderAction.ACCEPT && (code != null || comment != null)) throw badInput('A reason goes with a refusal only', code != null ? 'reasonCode' : 'comment');
    if (action === SupplierOrderAction.REFUSE && code == null) throw badInput('Give the reason of the refusal', 'reasonCode');
    const refusal = action === SupplierOrderAction.REFUSE ? checkRefusal(code!, comment) : null;
    const order = await supplierOrder(ctx, id);
    if (refusal) checkRefusalFor(order.kind, refusal);
    return canonicalize(orderAnswer(order, action, refusal));
  }

  @Mutation(() => Order, { description: 'Supplier accepts an order awaiting it (within 5 working days), signed with its EDS; INVALID_SIGNATURE (extensions.reason) when the signature is missing, wrong, stale or not the supplier organization\'s' })
  async acceptOrder(
    @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number,
    @Arg('signature', () => String, { description: SIGNATURE_DESCRIPTION }) signature: string,
    @Arg('certificate', () => String, { nullable: true, description: CERTIFICATE_DESCRIPTION }) certificate: string | null | undefined,
    @Ctx() ctx: Context,
  ) {
    checkVersion(version);
    const sign = await signedAnswer(ctx, id, version, SupplierOrderAction.ACCEPT, null, signature, certificate);
    const now = ctx.runtime.clock.now();
    const result = await transitionOrder(ctx.em, {
      id, expectedVersion: version, to: OrderStatus.ACCEPTED, authorize: asSupplier(ctx.identity), done: (o) => o.acceptedAt != null,
      apply: (o, tx) => {
        checkAnswerInTime(o, now, OrderStatus.ACCEPTED);
        o.acceptedAt = now;
        startDeliveryTerm(o, now);
        sign(o, tx);
      },
    });
    await deliverNow(ctx.em, ctx.runtime, result.commandIds);
    return result.order;
  }

  @Mutation(() => Order, { description: 'Supplier refuses an order awaiting it, with a reason code (out of stock, 004 ¶83, ¶28) and a comment, signed with its EDS; the measure returns to awaiting choice' })
  async refuseOrder(
    @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number,
    @Arg('reasonCode', () => OrderRefusalReason, { description: 'Why: OUT_OF_STOCK for technical aids and wheelchairs; OTHER with a comment' }) code: OrderRefusalReason,
    @Arg('comment', () => String, { nullable: true, description: 'A comment to the recipient, required with OTHER' }) comment: string | null | undefined,
    @Arg('signature', () => String, { description: SIGNATURE_DESCRIPTION }) signature: string,
    @Arg('certificate', () => String, { nullable: true, description: CERTIFICATE_DESCRIPTION }) certificate: string | null | undefined,
    @Ctx() ctx: Context,
  ) {
    const refusal = checkRefusal(code, comment);
    checkVersion(version);
    const sign = await signedAnswer(ctx, id, version, SupplierOrderAction.REFUSE, refusal, signature, certificate);
    const now = ctx.runtime.clock.now();
    const result = await transitionOrder(ctx.em, {
      id, expectedVersion: version, to: OrderStatus.REFUSED, authorize: asSupplier(ctx.identity), done: (o) => o.status === OrderStatus.REFUSED,
      apply: (o, tx) => {
        checkAnswerInTime(o, now, OrderStatus.REFUSED);
        o.refusalCode = refusal.code;
        o.refusalReason = refusal.comment;
        o.closedAt = now;
        sign(o, tx);
      },
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
