import { LIMITS, Role, actsFor, badInput, checkOptionalText, checkPhone, checkText, conflict, forbidden, invalidTransition, isUuid, notFound, requireIdentity, splitPrice, type Identity } from '@aleumet/core';
import { ServiceCallError, callSubgraph, serviceIdentity, type SubgraphRuntime } from '@aleumet/runtime';
import { localDate } from '@aleumet/calendar';
import { HandoverMethod } from '../entities/index.js';
import { DocumentLanguage, orderText } from './order-text.js';
import { checkStay, stayDays, type Stay } from './sanatorium.js';
import { assertWheelchairAge } from './wheelchairs.js';
import { checkEligibleToOrder } from './eligibility.js';

/** What orders reads from programs, catalog and people (service calls, outside any transaction). */
export interface MeasureView {
  id: string; sourceId: string; regionCode: string; kind: string; itemTypeCode: string; quantity: number; guaranteedSum: number; status: string;
  person: { id: string }; program: { issuedOn: string; validUntil: string };
}
export interface OfferingView {
  id: string; kind: string; itemTypeCode: string; title: string; price: number; regionCodes: string[]; stock: number | null; active: boolean; deliveryMode: 'DELIVERY' | 'PICKUP' | 'BOTH' | null; leadTimeDays: number;
  supplier: { id: string; status: string; name: string };
}

const MEASURE = `query($id: ID!) { measure(id: $id) { id sourceId regionCode kind itemTypeCode quantity guaranteedSum status person { id } program { issuedOn validUntil } } }`;
const OFFERING = `query($id: ID!) { offering(id: $id) { id kind itemTypeCode title price regionCodes stock active deliveryMode leadTimeDays supplier { id status name } } }`;
const PERSON = `query($id: ID!) { person(id: $id) { iin address phone birthDate } }`;

async function read<T>(runtime: SubgraphRuntime, target: 'programs' | 'catalog' | 'people', scopes: string[], query: string, id: string): Promise<T> {
  try {
    return await callSubgraph<T>(runtime.peers.url(target), serviceIdentity('orders', scopes), query, { id });
  } catch (e) {
    if (e instanceof ServiceCallError && e.code === 'NOT_FOUND') throw notFound(target === 'programs' ? 'Measure' : target === 'catalog' ? 'Offering' : 'Person', id);
    throw e;
  }
}

export interface OrderDraft {
  measure: MeasureView;
  offering: OfferingView;
  signerIin: string;
  statePart: number;
  coPayment: number;
  /** Aids: delivery or pickup (in the signed document); null for services. */
  handover: HandoverMethod | null;
  /** With delivery: address, phone, window, comment as signed; null otherwise. */
  delivery: DeliveryChoice | null;
  /** S3: the stay's first and last day, as signed; null otherwise. */
  stay: Stay | null;
  /** The document the recipient signs: canonicalized by @aleumet/signing. */
  document: Record<string, unknown>;
}

const AID_KINDS = ['S4', 'S5', 'S6'];

/**
 * Delivery or pickup: aids only, among what the offering allows (BOTH: either). Without a choice,
 * delivery when the supplier delivers, else pickup; the result is part of the signed document.
 */
export function handoverOf(offering: Pick<OfferingView, 'kind' | 'deliveryMode'>, requested: HandoverMethod | null): HandoverMethod | null {
  if (!AID_KINDS.includes(offering.kind) || !offering.deliveryMode) {
    if (requested) throw badInput('Delivery or pickup applies to aids (S4–S6) only', 'handover');
    return null;
  }
  const allowed = offering.deliveryMode === 'BOTH' ? [HandoverMethod.DELIVERY, HandoverMethod.PICKUP] : [offering.deliveryMode as HandoverMethod];
  if (requested && !allowed.includes(requested)) throw badInput(`The supplier offers ${allowed.join(' or ').toLowerCase()} only for this offering`, 'handover');
  return requested ?? allowed[0]!;
}

/**
 * Reads measure, offering and the signer's IIN, checks every ordering rule, and builds the
 * order document (order + application for reimbursement) exactly as the server will verify it.
 */
export function checkIdempotencyKey(key: string) {
  if (!/^[\w.:-]{8,100}$/.test(key)) throw badInput('idempotencyKey: 8–100 letters, digits, . : _ -', 'idempotencyKey');
}

/** Delivery details as the recipient typed them; every part optional (address and phone default to the person's registered ones). */
export interface DeliveryRequest { address?: string | null; phone?: string | null; window?: string | null; comment?: string | null }
export interface DeliveryChoice { address: string; phone: string; window: string | null; comment: string | null }

/** What the signer chose beside measure and offering: all of it is in the signed document. */
export interface DocumentChoices {
  handover?: HandoverMethod | null;
  language?: DocumentLanguage | null;
  delivery?: DeliveryRequest | null;
  /** S3 sanatorium treatment: the stay's dates. */
  stay?: Stay | null;
}

/** Delivery details as given, bounded (LIMITS) and the phone normalized; what is not given stays null. */
export function checkDelivery(requested: DeliveryRequest | null | undefined): { address: string | null; phone: string | null; window: string | null; comment: string | null } {
  const address = checkOptionalText(requested?.address, 'delivery.address', LIMITS.address);
  const phone = checkOptionalText(requested?.phone, 'delivery.phone', LIMITS.name);
  return {
    address: address === null ? null : checkText(address, 'delivery.address', LIMITS.address, 5),
    phone: phone === null ? null : checkPhone(phone, 'delivery.phone'),
    window: checkOptionalText(requested?.window, 'delivery.window', LIMITS.name),
    comment: checkOptionalText(requested?.comment, 'delivery.comment', LIMITS.reason),
  };
}

/** Bounded delivery details, with the person's registered address and phone where none is given. */
export function deliveryOf(requested: DeliveryRequest | null | undefined, person: { address: string; phone: string }): DeliveryChoice {
  const given = checkDelivery(requested);
  return { ...given, address: given.address ?? person.address, phone: given.phone ?? person.phone };
}

export async function draftOrder(
  runtime: SubgraphRuntime, identity: Identity | null, measureId: string, offeringId: string, idempotencyKey: string, choices: DocumentChoices = {},
): Promise<OrderDraft> {
  const id = requireIdentity(identity);
  if (id.role !== Role.RECIPIENT && id.role !== Role.REPRESENTATIVE) throw forbidden('Only the recipient or a representative orders');
  if (!id.personId) throw forbidden();
  if (!isUuid(measureId)) throw badInput('measureId must be a UUID', 'measureId');
  if (!isUuid(offeringId)) throw badInput('offeringId must be a UUID', 'offeringId');
  checkIdempotencyKey(idempotencyKey);
  // Every bound before anything is read: a malformed input is BAD_USER_INPUT whatever the measure's state.
  if (choices.delivery) checkDelivery(choices.delivery);
  const [m, o, p] = await Promise.all([
    read<{ measure: MeasureView }>(runtime, 'programs', ['programs:read'], MEASURE, measureId),
    read<{ offering: OfferingView }>(runtime, 'catalog', ['catalog:read'], OFFERING, offeringId),
    read<{ person: PersonView }>(runtime, 'people', ['people:read'], PERSON, id.personId),
  ]);
  const measure = m.measure;
  const offering = o.offering;
  if (!actsFor(id, measure.person.id)) throw forbidden('You do not act for the person of this measure');
  if (measure.status === 'ORDERED') throw conflict('The measure already has an active order', { reason: 'ACTIVE_ORDER_EXISTS' });
  if (measure.status !== 'AWAITING_CHOICE' && measure.status !== 'PUBLISHED') throw invalidTransition('Measure', measure.status, 'ORDERED');
  if (measure.program.validUntil < localDate(runtime.clock.now())) throw invalidTransition('Measure', `${measure.status} (IPR term over)`, 'ORDERED');
  if (!offering.active || offering.supplier.status !== 'VERIFIED') throw badInput('The offering is not available', 'offeringId');
  if (offering.kind !== measure.kind || offering.itemTypeCode !== measure.itemTypeCode) throw badInput(`The offering is ${offering.itemTypeCode}, the measure needs ${measure.itemTypeCode}`, 'offeringId');
  if (!offering.regionCodes.includes(measure.regionCode)) throw badInput('The supplier does not serve the region of the recipient', 'offeringId');
  if (AID_KINDS.includes(offering.kind) && (offering.stock ?? 0) <= 0) throw badInput('The offering is out of stock', 'offeringId');
  const today = localDate(runtime.clock.now());
  const stay = checkStay(measure.kind, choices.stay, measure, today);
  if (measure.kind === 'S6') assertWheelchairAge(measure.itemTypeCode, (await recipientContact(runtime, measure.person.id, id.personId, p.person)).birthDate, today);
  await checkEligibleToOrder(runtime, measure.kind, measure.person.id);
  const handover = handoverOf(offering, choices.handover ?? null);
  if (choices.delivery && handover !== HandoverMethod.DELIVERY) throw badInput('Delivery details apply to orders with delivery only', 'delivery');
  // The recipient's registered address and phone (delivery goes to the recipient, who may be represented by the signer).
  const delivery = handover === HandoverMethod.DELIVERY ? deliveryOf(choices.delivery, await recipientContact(runtime, measure.person.id, id.personId, p.person)) : null;
  const language = choices.language ?? DocumentLanguage.RU;
  const { statePart, coPayment } = splitPrice(offering.price, measure.guaranteedSum);
  const text = orderText({
    language, itemTypeCode: measure.itemTypeCode, quantity: measure.quantity, offeringTitle: offering.title, supplierName: offering.supplier.name,
    handover, delivery, price: offering.price, guaranteedSum: measure.guaranteedSum, statePart, coPayment, stay,
  });
  // Version 2: the person's language, the delivery details and the human-readable text (amounts in tenge) are signed with the machine-readable part.
  const document = {
    type: 'ALEUMET_ORDER_AND_REIMBURSEMENT_APPLICATION',
    version: 2,
    language,
    idempotencyKey,
    recipientPersonId: measure.person.id,
    signerPersonId: id.personId,
    measure: { id: measure.id, sourceId: measure.sourceId, kind: measure.kind, itemTypeCode: measure.itemTypeCode, quantity: measure.quantity },
    offering: { id: offering.id, supplierId: offering.supplier.id },
    ...(handover ? { handover } : {}),
    ...(delivery ? { delivery } : {}),
    // S3: the stay and who pays the travel (004 ¶26) are part of what the recipient signs.
    ...(stay ? { stay: { ...stay, days: stayDays(stay), travelPaidByRecipient: true } } : {}),
    amounts: { currency: 'KZT', unit: 'tiyn', price: offering.price, guaranteedSum: measure.guaranteedSum, statePart, coPayment },
    text,
  };
  return { measure, offering, signerIin: p.person.iin, statePart, coPayment, handover, delivery, stay, document };
}

interface PersonView { iin: string; address: string; phone: string; birthDate: string | null }

async function recipientContact(runtime: SubgraphRuntime, recipientId: string, signerId: string, signer: PersonView): Promise<PersonView> {
  if (recipientId === signerId) return signer;
  return (await read<{ person: PersonView }>(runtime, 'people', ['people:read'], PERSON, recipientId)).person;
}
