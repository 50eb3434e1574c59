import { Directive, Arg, Ctx, Field, ID, InputType, Mutation, Query, Resolver } from 'type-graphql';
import { LIMITS, checkLength, conflict, invalidSignature, requireIdentity } from '@aleumet/core';
import { canonicalize, verifySignedDocument, SignatureError } from '@aleumet/signing';
import { addWorkingDays } from '@aleumet/calendar';
import { OutgoingCommand, isUniqueViolation, requireService } from '@aleumet/events';
import { ServiceKind } from '@aleumet/subgraph-kit';
import { HandoverMethod, Order, OrderStatus } from '../entities/index.js';
import { orderEvent, transitionOrder } from '../domain/state-machine.js';
import { deliverNow, queueEffects } from '../domain/effects.js';
import { checkIdempotencyKey, draftOrder } from '../domain/order-document.js';
import type { Context } from './context.js';

export const ACCEPT_WITHIN_WORKING_DAYS = 5;

@InputType()
class CreateOrderInput {
  @Field(() => ID) measureId!: string;
  @Field(() => ID) offeringId!: string;
  @Field(() => String, { description: 'Client-chosen key: repeating createOrder with it returns the same order' }) idempotencyKey!: string;
  @Field(() => String, { description: 'The canonical document from orderDocument, as signed' }) document!: string;
  @Field(() => String, { description: 'Base64 ECDSA P-256/SHA-256 signature of the document' }) signature!: string;
  @Field(() => String, { description: 'PEM certificate of the signer (issued by the platform CA)' }) certificate!: string;
}

/** The handover method named in a submitted document, if it is a valid one (anything else is left to the signature check). */
function signedHandover(document: string): HandoverMethod | null {
  try {
    const value = (JSON.parse(document) as { handover?: unknown } | null)?.handover;
    return Object.values(HandoverMethod).includes(value as HandoverMethod) ? (value as HandoverMethod) : null;
  } catch {
    return null;
  }
}

/** The order document and the idempotency key are bound together: a retry with the same key signs the same document. */
@Resolver(() => Order)
export class CreateOrderResolver {
  @Query(() => String, { description: 'The canonical order document (order + application for reimbursement) to sign for createOrder' })
  async orderDocument(
    @Arg('measureId', () => ID) measureId: string,
    @Arg('offeringId', () => ID) offeringId: string,
    @Arg('idempotencyKey', () => String) idempotencyKey: string,
    @Arg('handover', () => HandoverMethod, { nullable: true, description: 'Aids (S4–S6): delivery or pickup, among what the offering allows; default delivery when offered. The choice is part of the signed document.' })
    handover: HandoverMethod | null | undefined,
    @Ctx() ctx: Context,
  ): Promise<string> {
    const draft = await draftOrder(ctx.runtime, ctx.identity, measureId, offeringId, idempotencyKey, handover ?? null);
    return canonicalize(draft.document);
  }

  @Mutation(() => Order, {
    description: 'Recipient (or representative): place a signed order for a measure. Idempotent by idempotencyKey; at most one active order per measure (CONFLICT otherwise); INVALID_SIGNATURE when the signature is missing, wrong or the document was changed.',
  })
  async createOrder(@Arg('input', () => CreateOrderInput) input: CreateOrderInput, @Ctx() ctx: Context): Promise<Order> {
    const identity = requireIdentity(ctx.identity);
    checkIdempotencyKey(input.idempotencyKey);
    checkLength(input.document, 'document', LIMITS.document);
    checkLength(input.signature, 'signature', LIMITS.signature);
    checkLength(input.certificate, 'certificate', LIMITS.certificate);
    // A missing part is a missing signature (the API's INVALID_SIGNATURE), whatever the order's state.
    if (!input.document.trim() || !input.signature.trim() || !input.certificate.trim()) throw invalidSignature('UNSIGNED', 'The document is not signed');
    const persons = [...(identity.personId ? [identity.personId] : []), ...identity.represents];
    const previous = await ctx.em.fork().findOne(Order, { idempotencyKey: input.idempotencyKey, personId: { $in: persons } });
    if (previous) return this.replay(ctx, previous, input);

    // Delivery or pickup is what the signed document says (orderDocument put it there); the signature check below covers it.
    const draft = await draftOrder(ctx.runtime, ctx.identity, input.measureId, input.offeringId, input.idempotencyKey, signedHandover(input.document));
    try {
      await verifySignedDocument(
        { document: input.document, signature: input.signature, certificate: input.certificate },
        { expectedIin: draft.signerIin, expectedDocument: draft.document, at: ctx.runtime.clock.now() },
      );
    } catch (e) {
      if (e instanceof SignatureError) throw invalidSignature(e.reason, e.message);
      throw e;
    }
    const now = ctx.runtime.clock.now();
    const { measure, offering } = draft;
    let commandIds: string[] = [];
    let order: Order;
    try {
      order = await ctx.em.fork().transactional(async (tx) => {
        const o = tx.create(Order, {
          number: '', measureId: measure.id, offeringId: offering.id, personId: measure.person.id, supplierId: offering.supplier.id,
          regionCode: measure.regionCode, kind: measure.kind as ServiceKind, itemTypeCode: measure.itemTypeCode, status: OrderStatus.AWAITING_SUPPLIER,
          price: offering.price, quantity: measure.quantity, unitPrice: Math.round(offering.price / measure.quantity),
          guaranteedSum: measure.guaranteedSum, statePart: draft.statePart, coPayment: draft.coPayment,
          acceptDeadline: addWorkingDays(now, ACCEPT_WITHIN_WORKING_DAYS), idempotencyKey: input.idempotencyKey, handover: draft.handover,
          signedDocument: input.document, signature: input.signature, signerCertificate: input.certificate, signerIin: draft.signerIin,
          termStart: measure.program.issuedOn, termEnd: measure.program.validUntil, createdAt: now, updatedAt: now,
        });
        o.number = `ORD-${now.getUTCFullYear()}-${o.id.replace(/-/g, '').slice(-10).toUpperCase()}`;
        tx.persist(o);
        orderEvent(tx, o, 1);
        commandIds = queueEffects(tx, o, null, OrderStatus.AWAITING_SUPPLIER);
        await tx.flush();
        return o;
      });
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      // Same key raced with itself: return the winner. Otherwise the partial unique index says the measure is taken.
      const winner = await ctx.em.fork().findOne(Order, { idempotencyKey: input.idempotencyKey, personId: measure.person.id });
      if (winner) return this.replay(ctx, winner, input);
      throw conflict('The measure already has an active order', { reason: 'ACTIVE_ORDER_EXISTS' });
    }
    await deliverNow(ctx.em, ctx.runtime, commandIds);
    return order;
  }

  private async replay(ctx: Context, previous: Order, input: CreateOrderInput): Promise<Order> {
    if (previous.measureId !== input.measureId || previous.offeringId !== input.offeringId) {
      throw conflict('This idempotency key was used for a different order', { reason: 'IDEMPOTENCY_KEY_REUSED', orderId: previous.id });
    }
    // Finish what a crashed first attempt may have left undelivered.
    const pending = await ctx.em.fork().find(OutgoingCommand, { publishedAt: null, failedAt: null }, { fields: ['id'], limit: 50 });
    await deliverNow(ctx.em, ctx.runtime, pending.map((c) => c.id));
    return previous;
  }

  @Directive('@inaccessible')
  @Mutation(() => Boolean, { description: 'Internal (programs): cancel the active order of a measure (IPR term over, death registered)' })
  async internalCancelOrder(@Arg('commandId', () => ID) commandId: string, @Arg('orderId', () => ID) orderId: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: Context) {
    requireService(ctx.identity);
    const now = ctx.runtime.clock.now();
    const result = await transitionOrder(ctx.em, {
      id: orderId, expectedVersion: null, to: OrderStatus.CANCELLED, commandId, skipIfClosed: true,
      authorize: () => {},
      apply: (o) => { o.cancellationReason = reason; o.closedAt = now; },
    });
    await deliverNow(ctx.em, ctx.runtime, result.commandIds);
    return result.changed;
  }
}
