import { Directive, Arg, Ctx, Field, ID, InputType, Mutation, Query, Resolver } from 'type-graphql';
import { LIMITS, checkLength, conflict, invalidSignature, requireIdentity } from '@aleumet/core';
import { canonicalize, looksLikeCms, verifySignedDocument, SignatureError } from '@aleumet/signing';
import { addWorkingDays, localDate } from '@aleumet/calendar';
import type { EntityManager } from '@mikro-orm/postgresql';
import { OutgoingCommand, isUniqueViolation, requireService } from '@aleumet/events';
import { ServiceKind } from '@aleumet/subgraph-kit';
import { HandoverMethod, Order, OrderStatus, SignedDocumentKind } from '../entities/index.js';
import { keepSigned, signatureRecord, type SignatureRecord } from '../domain/signed-documents.js';
import { DocumentLanguage } from '../domain/order-text.js';
import { orderEvent, transitionOrder } from '../domain/state-machine.js';
import { deliverNow, queueEffects } from '../domain/effects.js';
import { checkIdempotencyKey, draftOrder, type DocumentChoices } from '../domain/order-document.js';
import { assertNoOtherStayThisYear, lockSanatoriumYear } from '../domain/sanatorium.js';
import { leadTimeOf } from '../domain/contract.js';
import type { Context } from './context.js';

export const ACCEPT_WITHIN_WORKING_DAYS = 5;

@InputType()
class CreateOrderInput {
  @Field(() => ID) measureId!: string;
  @Field(() => ID) offeringId!: string;
  @Field(() => String, { description: 'Client-chosen key: repeating createOrder with it returns the same order' }) idempotencyKey!: string;
  @Field(() => String, { description: 'The canonical document from orderDocument, as signed' }) document!: string;
  @Field(() => String, { description: "The national EDS signature: base64 (or PEM) CMS SignedData of the document's UTF-8 bytes, detached or attached, as NCALayer makes it with the signing key. Development only: base64 ECDSA P-256/SHA-256 signature of the development signer" }) signature!: string;
  @Field(() => String, { description: 'PEM certificate of the development signer; empty for a CMS signature (it carries its certificate)' }) certificate!: string;
}

@InputType({ description: 'Delivery details of an aid ordered with delivery; address and phone default to the registered ones' })
class DeliveryDetailsInput {
  @Field(() => String, { nullable: true, description: "Delivery address; default: the recipient's registered address" }) address?: string | null;
  @Field(() => String, { nullable: true, description: "Contact phone, +7 and 10 digits; default: the recipient's phone" }) phone?: string | null;
  @Field(() => String, { nullable: true, description: 'Preferred time window, e.g. "weekdays 10:00–14:00"' }) window?: string | null;
  @Field(() => String, { nullable: true }) comment?: string | null;
}

@InputType({ description: 'Sanatorium treatment (S3): the first and last day of the stay (at most 14 days, once a calendar year)' })
class StayInput {
  @Field(() => String, { description: 'First day, YYYY-MM-DD' }) from!: string;
  @Field(() => String, { description: 'Last day, YYYY-MM-DD' }) to!: string;
}

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/**
 * The choices named in a submitted document (handover, language, delivery details), where they are of
 * the right shape: the document is then rebuilt from them and must equal what was signed.
 */
function signedChoices(document: string): DocumentChoices {
  try {
    const d = JSON.parse(document) as { handover?: unknown; language?: unknown; delivery?: Record<string, unknown>; stay?: Record<string, unknown> } | null;
    const handover = Object.values(HandoverMethod).includes(d?.handover as HandoverMethod) ? (d!.handover as HandoverMethod) : null;
    const language = Object.values(DocumentLanguage).includes(d?.language as DocumentLanguage) ? (d!.language as DocumentLanguage) : null;
    // Details beside a pickup are not what orderDocument writes: left out, the rebuilt document differs and the signature check refuses it.
    const delivery = handover === HandoverMethod.DELIVERY && d?.delivery && typeof d.delivery === 'object'
      ? { address: text(d.delivery.address), phone: text(d.delivery.phone), window: text(d.delivery.window), comment: text(d.delivery.comment) }
      : null;
    const stay = d?.stay && typeof d.stay === 'object' && text(d.stay.from) && text(d.stay.to) ? { from: text(d.stay.from)!, to: text(d.stay.to)! } : null;
    return { handover, language, delivery, stay };
  } catch {
    return {};
  }
}

/** The next readable order number of the year, `2026-004217`: the counter row is locked until the order's transaction ends. */
async function nextOrderNumber(tx: EntityManager, year: number): Promise<string> {
  const rows = await tx.execute<{ last: number }[]>(
    `insert into orders.order_number_counter (year, last) values (?, 1)
     on conflict (year) do update set last = orders.order_number_counter.last + 1 returning last`,
    [year],
  );
  return `${year}-${String(rows[0]!.last).padStart(6, '0')}`;
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
    @Arg('language', () => DocumentLanguage, { nullable: true, description: "The language of the document's text (the signer's): KK, RU (default) or EN" })
    language: DocumentLanguage | null | undefined,
    @Arg('delivery', () => DeliveryDetailsInput, { nullable: true, description: 'With delivery: address, phone, preferred window, comment (address and phone default to the registered ones)' })
    delivery: DeliveryDetailsInput | null | undefined,
    @Arg('stay', () => StayInput, { nullable: true, description: 'Sanatorium treatment (S3), required there: the stay\'s first and last day; the travel is paid by the recipient (part of the signed document)' })
    stay: StayInput | null | undefined,
    @Ctx() ctx: Context,
  ): Promise<string> {
    const draft = await draftOrder(ctx.runtime, ctx.identity, measureId, offeringId, idempotencyKey, { handover, language, delivery, stay });
    // Told before signing; checked again under a lock when the order is placed.
    if (draft.stay) await assertNoOtherStayThisYear(ctx.em.fork(), draft.measure.person.id, draft.stay);
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
    // A CMS signature (national EDS) carries its certificate; the development signature comes with it separately.
    if (!input.document.trim() || !input.signature.trim() || (!input.certificate.trim() && !looksLikeCms(input.signature))) {
      throw invalidSignature('UNSIGNED', 'The document is not signed');
    }
    const persons = [...(identity.personId ? [identity.personId] : []), ...identity.represents];
    const previous = await ctx.em.fork().findOne(Order, { idempotencyKey: input.idempotencyKey, personId: { $in: persons } });
    if (previous) return this.replay(ctx, previous, input);

    // Delivery or pickup, its details and the language are what the signed document says (orderDocument put them there); the signature check below covers them.
    const draft = await draftOrder(ctx.runtime, ctx.identity, input.measureId, input.offeringId, input.idempotencyKey, signedChoices(input.document));
    let signerCertificate = input.certificate;
    let signatureEvidence: string | null = null;
    let record: SignatureRecord;
    try {
      // The order and the reimbursement application are signed with the person's signing key (not the AUTH key) of an individual's certificate.
      const verified = await verifySignedDocument(
        { document: input.document, signature: input.signature, certificate: input.certificate },
        { expectedIin: draft.signerIin, expectedDocument: draft.document, now: ctx.runtime.clock.now(), purpose: 'SIGN', roles: ['INDIVIDUAL'] },
      );
      record = signatureRecord(input.document, input.signature, verified);
      signerCertificate = verified.certificate.toString('pem');
      if (verified.revocation) signatureEvidence = JSON.stringify(verified.revocation);
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
        if (draft.stay) {
          // 004 ¶26: once a calendar year, also when two orders are placed at once.
          await lockSanatoriumYear(tx, measure.person.id);
          await assertNoOtherStayThisYear(tx, measure.person.id, draft.stay);
        }
        const o = tx.create(Order, {
          number: '', measureId: measure.id, offeringId: offering.id, personId: measure.person.id, supplierId: offering.supplier.id,
          regionCode: measure.regionCode, kind: measure.kind as ServiceKind, itemTypeCode: measure.itemTypeCode, status: OrderStatus.AWAITING_SUPPLIER,
          price: offering.price, quantity: measure.quantity, unitPrice: Math.round(offering.price / measure.quantity),
          guaranteedSum: measure.guaranteedSum, statePart: draft.statePart, coPayment: draft.coPayment,
          acceptDeadline: addWorkingDays(now, ACCEPT_WITHIN_WORKING_DAYS), leadTimeDays: leadTimeOf(measure.kind, offering.leadTimeDays), idempotencyKey: input.idempotencyKey, handover: draft.handover,
          signedDocument: input.document, signature: input.signature, signerCertificate, signatureEvidence, signerIin: draft.signerIin,
          termStart: measure.program.issuedOn, termEnd: measure.program.validUntil, createdAt: now, updatedAt: now,
          deliveryAddress: draft.delivery?.address ?? null, deliveryPhone: draft.delivery?.phone ?? null,
          deliveryWindow: draft.delivery?.window ?? null, deliveryComment: draft.delivery?.comment ?? null,
          stayFrom: draft.stay?.from ?? null, stayTo: draft.stay?.to ?? null,
        });
        // The year of Almaty, where the order is read out to the contact centre.
        o.number = await nextOrderNumber(tx, Number(localDate(now).slice(0, 4)));
        tx.persist(o);
        keepSigned(tx, SignedDocumentKind.ORDER_APPLICATION, { ...o, orderId: o.id }, record);
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
