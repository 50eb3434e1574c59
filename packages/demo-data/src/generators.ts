import { ALL_ITEM_TYPES, ITEM_TYPES, REGIONS, seedId, makeIin, makeBin, splitPrice, type ServiceKind, type ItemTypeInfo } from '@aleumet/core';
import type { rng } from './random.js';
import { MALE_FIRST, FEMALE_FIRST, SURNAME_STEMS, PATRONYMIC_STEMS, STREETS, ORG_WORDS, HEADS } from './names.js';
import type {
  DemoClaim, DemoFulfilment, DemoGuaranteedSum, DemoMeasure, DemoOffering, DemoOrder, DemoPayment, DemoPerson, DemoProgram,
  DemoRepresentation, DemoStaff, DemoSupplier, OrderStatus, Sex,
} from './types.js';

/**
 * The pieces `buildWorld()` is made of, usable one recipient at a time: the national-scale
 * seed (`scripts/src/seed.ts`) streams millions of rows through the same code, so ids and
 * cross-subgraph references agree with the demo world's rules.
 */

export type Rng = ReturnType<typeof rng>;

export const DAY = 86_400_000;
export const KINDS: ServiceKind[] = ['S1', 'S2', 'S3', 'S4', 'S5', 'S6'];
const KIND_DIRECTIONS: Record<ServiceKind, string> = { S1: '88.10', S2: '88.99', S3: '86.90', S4: '32.50', S5: '47.74', S6: '47.74', SSS: '88.10' };
const TYPES_BY_KIND = Object.fromEntries(KINDS.map((k) => [k, ITEM_TYPES.filter((t) => t.kind === k)])) as Record<ServiceKind, ItemTypeInfo[]>;
const ORDER_STATUSES: OrderStatus[] = ['AWAITING_SUPPLIER', 'ACCEPTED', 'READY', 'HANDED_OVER', 'HANDED_OVER', 'REFUSED', 'EXPIRED', 'CANCELLED'];

/** Base price per unit in tiyn; guaranteed sums derive from it, offerings vary around it. */
export function basePrice(t: ItemTypeInfo): number {
  const byKind: Record<ServiceKind, number> = { S1: 1_500_00, S2: 2_500_00, S3: 18_000_00, S4: 250_000_00, S5: 45_000_00, S6: 350_000_00, SSS: 1_200_00 };
  const spread = (t.code.length * 7919) % 40; // stable per code, 0..39 %
  return Math.round((byKind[t.kind] * (80 + spread)) / 100 / 100) * 100;
}

export function quantityFor(kind: ServiceKind): number {
  return kind === 'S1' ? 8 * 120 : kind === 'S2' ? 60 : kind === 'S3' ? 14 : kind === 'SSS' ? 4 * 120 : 1;
}

export const iso = (d: Date) => d.toISOString().slice(0, 10);

/** Midnight UTC of the given day: every date in the world derives from it. */
export const worldDay = (now: Date = new Date()) => new Date(Math.floor(now.getTime() / DAY) * DAY);

export function buildGuaranteedSums(year: number): DemoGuaranteedSum[] {
  const out: DemoGuaranteedSum[] = [];
  // The special social services come last: the earlier rows keep their ids.
  ALL_ITEM_TYPES.forEach((t, i) => {
    for (const y of [year - 1, year]) out.push({ id: seedId(`gsum-${y}`, i), itemTypeCode: t.code, year: y, amount: basePrice(t) * quantityFor(t.kind) });
  });
  return out;
}

/** Suppliers: each covers two or three kinds and two to four regions; together they cover every region and kind. */
export function buildSuppliers(nSuppliers: number): DemoSupplier[] {
  const suppliers: DemoSupplier[] = [];
  for (let i = 0; i < nSuppliers; i++) {
    const directions = [...new Set([KINDS[i % 6]!, KINDS[(i + 2) % 6]!, ...(i % 3 === 0 ? [KINDS[(i + 4) % 6]!] : [])])];
    const regionCodes = [...new Set([REGIONS[i % 20]!.code, REGIONS[(i + 7) % 20]!.code, ...(i % 2 ? [REGIONS[(i + 13) % 20]!.code] : [])])];
    const legalForm = i % 10 === 9 ? 'IE' : i % 5 === 0 ? 'JSC' : 'LLP';
    const name = `${legalForm === 'LLP' ? 'ТОО' : legalForm === 'JSC' ? 'АО' : 'ИП'} «${ORG_WORDS[i % ORG_WORDS.length]}${i >= ORG_WORDS.length ? `-${Math.floor(i / ORG_WORDS.length) + 1}` : ''}»`;
    const region = REGIONS.find((x) => x.code === regionCodes[0])!;
    suppliers.push({
      id: seedId('supplier', i),
      bin: makeBin(2005 + (i % 18), 1 + (i % 12), 1000 + i),
      name, legalForm,
      legalAddress: `${region.ru}, ул. ${STREETS[i % STREETS.length]}, ${10 + i}`,
      actualAddress: `${region.ru}, ул. ${STREETS[(i + 3) % STREETS.length]}, ${20 + i}`,
      headName: HEADS[i % HEADS.length]!,
      phone: `+7727${String(3000000 + i * 17).slice(0, 7)}`,
      email: `office${i}@supplier.example.kz`,
      okedCodes: [...new Set(directions.map((k) => KIND_DIRECTIONS[k]))],
      directions, regionCodes,
    });
  }
  return suppliers;
}

/**
 * Offerings of the suppliers. `variants` > 1 gives each supplier several models of the same item
 * type (the national catalog); variant 0 is exactly the demo offering.
 */
export function buildOfferings(r: Rng, suppliers: DemoSupplier[], variants = 1): DemoOffering[] {
  const offerings: DemoOffering[] = [];
  suppliers.forEach((s, si) => {
    const types = ITEM_TYPES.filter((t) => s.directions.includes(t.kind));
    // Every supplier offers all three services of its directions and a rotating share of the aids.
    const chosen = types.filter((t, ti) => t.kind === 'S1' || t.kind === 'S2' || t.kind === 'S3' || (ti + si) % 3 === 0);
    chosen.forEach((t) => {
      for (let v = 0; v < variants; v++) {
        const n = offerings.length;
        const price = Math.round((basePrice(t) * quantityFor(t.kind) * (85 + r.int(0, 35))) / 100 / 100) * 100;
        const model = (word: string) => (v === 0 ? '' : ` (${word} ${v + 1})`);
        offerings.push({
          id: seedId('offering', n),
          supplierId: s.id, kind: t.kind, itemTypeCode: t.code,
          // Russian and Kazakh as every supplier must give them; English for most, as a supplier may.
          title: `${t.ru} — ${s.name}${model('модель')}`,
          titleKk: `${t.kk} — ${s.name}${model('үлгі')}`,
          titleEn: n % 4 === 3 ? null : `${t.en} — ${s.name}${model('model')}`,
          description: `${t.ru}: поставщик ${s.name}`,
          descriptionKk: `${t.kk}: жеткізуші ${s.name}`,
          descriptionEn: n % 4 === 3 ? null : `${t.en}: supplied by ${s.name}`,
          characteristics: t.kind === 'S6' ? { seatWidthCm: String(r.int(38, 50)), maxLoadKg: String(r.pick([100, 120, 150])) } : t.kind === 'S5' ? { warrantyMonths: String(r.pick([6, 12, 24])) } : {},
          price,
          deliveryMode: t.kind === 'S1' || t.kind === 'S2' || t.kind === 'S3' ? 'PICKUP' : r.pick(['DELIVERY', 'PICKUP', 'BOTH'] as const),
          leadTimeDays: r.int(1, 14),
          stock: t.kind === 'S1' || t.kind === 'S2' || t.kind === 'S3' ? 1000 : r.int(0, 40),
          regionCodes: s.regionCodes,
        });
      }
    });
  });
  return offerings;
}

/** How many offerings `buildOfferings` makes per variant (to pick `variants` for a target catalog size). */
export function offeringsPerVariant(suppliers: DemoSupplier[]): number {
  let n = 0;
  suppliers.forEach((s, si) => {
    const types = ITEM_TYPES.filter((t) => s.directions.includes(t.kind));
    n += types.filter((t, ti) => t.kind === 'S1' || t.kind === 'S2' || t.kind === 'S3' || (ti + si) % 3 === 0).length;
  });
  return n;
}

export function makePerson(r: Rng, i: number, recipient: boolean): DemoPerson {
  const sex: Sex = r.chance(0.5) ? 'MALE' : 'FEMALE';
  const elderly = recipient && r.chance(0.2);
  const birthYear = elderly ? r.int(1935, 1955) : r.int(1950, 2018);
  const birthDate = `${birthYear}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
  const region = i === 0 ? REGIONS.find((x) => x.code === 'KZ-71')! : REGIONS[r.int(0, 19)]!;
  const surname = r.pick(SURNAME_STEMS);
  const disabilityGroup = recipient && !elderly ? r.int(1, 3) : null;
  return {
    id: seedId('person', i),
    iin: makeIin(birthDate, sex, i),
    lastName: sex === 'FEMALE' ? `${surname}а` : surname,
    firstName: r.pick(sex === 'FEMALE' ? FEMALE_FIRST : MALE_FIRST),
    middleName: r.chance(0.9) ? `${r.pick(PATRONYMIC_STEMS)}${sex === 'FEMALE' ? 'овна' : 'ович'}` : null,
    birthDate, sex,
    regionCode: region.code,
    address: `${region.ru}, ул. ${r.pick(STREETS)}, д. ${r.int(1, 200)}, кв. ${r.int(1, 150)}`,
    phone: `+7701${String(1000000 + i).slice(0, 7)}`,
    email: r.chance(0.5) ? `person${i}@mail.example.kz` : null,
    category: !recipient ? 'NONE' : elderly ? 'ELDERLY' : 'DISABLED',
    disabilityGroup,
    vision: recipient && !elderly && r.chance(0.2),
    hearing: recipient && !elderly && r.chance(0.15),
    mobility: recipient && (elderly || r.chance(0.4)),
  };
}

/** Number of representatives for a number of recipients; representative j acts for recipients 1+2j and 2+2j. */
export const representativeCount = (nRecipients: number) => Math.max(2, Math.floor(nRecipients / 20));

export function representationsOf(j: number, nRecipients: number, representativeId: string, now: Date, firstId: number): DemoRepresentation[] {
  const out: DemoRepresentation[] = [];
  for (const p of [1 + 2 * j, 2 + 2 * j]) {
    if (p >= nRecipients) continue;
    out.push({
      id: seedId('representation', firstId + out.length), representativeId, principalId: seedId('person', p),
      kind: p % 2 ? 'LEGAL_REPRESENTATIVE' : 'PROXY', validFrom: iso(new Date(now.getTime() - 400 * DAY)), validTo: p % 2 ? null : iso(new Date(now.getTime() + 365 * DAY)),
    });
  }
  return out;
}

export function buildStaff(suppliers: DemoSupplier[]): DemoStaff[] {
  const staff: DemoStaff[] = [];
  suppliers.forEach((s, i) => {
    const birth = `19${70 + (i % 25)}-0${1 + (i % 9)}-1${i % 9}`;
    staff.push({ id: seedId('staff', i), iin: makeIin(birth, i % 2 ? 'FEMALE' : 'MALE', 500 + i), fullName: `Менеджер ${s.name}`, role: 'SUPPLIER', supplierId: s.id, regionCode: null });
  });
  REGIONS.forEach((reg, i) => {
    staff.push({ id: seedId('staff', 1000 + i), iin: makeIin(`1980-0${1 + (i % 9)}-2${i % 9}`, 'FEMALE', 700 + i), fullName: `Отдел занятости: ${reg.ru}`, role: 'EMPLOYMENT_DEPARTMENT', supplierId: null, regionCode: reg.code });
  });
  staff.push({ id: seedId('staff', 2000), iin: makeIin('1975-05-05', 'MALE', 900), fullName: 'Администратор портала', role: 'ADMIN', supplierId: null, regionCode: null });
  return staff;
}

/** How many measures recipient i gets, and which share of measures (out of 10) end up ordered. */
export interface RecipientProfile {
  measures(i: number): number;
  /** Measures whose `(i + k) % 10` is below this get an order (when an offering is available). */
  orderedOutOf10: number;
}
export const DEMO_PROFILE: RecipientProfile = { measures: (i) => (i === 0 ? 6 : 1 + (i % 3)), orderedOutOf10: 7 };
/** ~3 measures per recipient, about half of them ordered: 700k persons → ~2M measures, ~1M orders. */
export const NATIONAL_PROFILE: RecipientProfile = { measures: (i) => (i === 0 ? 6 : 1 + (i % 5)), orderedOutOf10: 6 };

/** Shared, read-only inputs for generating recipients' programs, measures, orders, claims, payments. */
export class RecipientContext {
  readonly year: number;
  readonly gsum: Map<string, number>;
  private readonly offers = new Map<string, DemoOffering[]>();
  constructor(readonly now: Date, guaranteedSums: DemoGuaranteedSum[], offerings: DemoOffering[], readonly profile: RecipientProfile = DEMO_PROFILE) {
    this.year = now.getUTCFullYear();
    this.gsum = new Map(guaranteedSums.filter((g) => g.year === this.year).map((g) => [g.itemTypeCode, g.amount]));
    // Offerings per item type and region, in catalog order (what a recipient of that region can choose).
    for (const o of offerings) {
      for (const region of new Set(o.regionCodes)) {
        const key = `${o.itemTypeCode}|${region}`;
        const list = this.offers.get(key);
        if (list) list.push(o);
        else this.offers.set(key, [o]);
      }
    }
  }
  offersFor(itemTypeCode: string, regionCode: string): DemoOffering[] {
    return this.offers.get(`${itemTypeCode}|${regionCode}`) ?? [];
  }
}

/** Running counts of the per-recipient records, which number them (ids and document numbers). */
export interface RecordCounters { measures: number; orders: number; claims: number; payments: number; fulfilments: number }
export const newCounters = (): RecordCounters => ({ measures: 0, orders: 0, claims: 0, payments: 0, fulfilments: 0 });

export interface RecipientRecords { program: DemoProgram; measures: DemoMeasure[]; orders: DemoOrder[]; claims: DemoClaim[]; payments: DemoPayment[]; fulfilments: DemoFulfilment[] }

/**
 * A person given an S1 or S2 measure meets its condition (seeds 004 ¶5: group-1 disability with
 * mobility difficulty; 004 ¶19: hearing disability), as publishing and ordering check: the demo
 * world holds no measure the platform would refuse. Draws nothing from the generator, so every
 * other record stays the same.
 */
export function makeEligible(person: DemoPerson, kind: ServiceKind): void {
  if (kind === 'S1') {
    person.disabilityGroup = 1;
    person.mobility = true;
  } else if (kind === 'S2') {
    person.hearing = true;
  }
}

/** One recipient's program with its measures, and the orders, claims and payments placed for them. */
export function recipientRecords(r: Rng, i: number, person: DemoPerson, ctx: RecipientContext, counters: RecordCounters): RecipientRecords {
  const { now, year } = ctx;
  const issuedOn = new Date(now.getTime() - r.int(10, 300) * DAY);
  const program: DemoProgram = {
    id: seedId('program', i), personId: person.id, number: `IPR-${year}-${String(i + 1).padStart(6, '0')}`,
    issuedOn: iso(issuedOn), validUntil: iso(new Date(Date.UTC(year + (i % 3 === 0 ? 1 : 0), 11, 31))), regionCode: person.regionCode,
  };
  const out: RecipientRecords = { program, measures: [], orders: [], claims: [], payments: [], fulfilments: [] };
  const nMeasures = ctx.profile.measures(i);
  for (let k = 0; k < nMeasures; k++) {
    // Recipient 0 (the demo account) has one measure of every kind.
    const kind = i === 0 ? KINDS[k % 6]! : KINDS[(i + k * 2) % 6]!;
    makeEligible(person, kind);
    const candidates = TYPES_BY_KIND[kind];
    const type = candidates[(i * 7 + k) % candidates.length]!;
    const publishedAt = new Date(issuedOn.getTime() + r.int(0, 5) * DAY);
    const m: DemoMeasure = {
      id: seedId('measure', counters.measures++), programId: program.id, personId: person.id, regionCode: person.regionCode,
      kind, itemTypeCode: type.code, quantity: quantityFor(kind), guaranteedSum: ctx.gsum.get(type.code)!,
      status: 'AWAITING_CHOICE', sourceId: `SPS-${program.number}-${k + 1}`,
      publishedAt, choiceDeadline: new Date(publishedAt.getTime() + 61 * DAY), fulfilledAt: null,
    };
    out.measures.push(m);
    const offers = ctx.offersFor(type.code, person.regionCode);
    const roll = (i + k) % 10;
    if (offers.length === 0 || roll >= ctx.profile.orderedOutOf10) {
      m.status = roll === 7 ? 'BLOCKED' : roll === 8 ? 'PUBLISHED' : roll === 9 && i % 4 === 0 ? 'CANCELLED' : 'AWAITING_CHOICE';
      continue;
    }
    const offering = offers[(i + k) % offers.length]!;
    const status = ORDER_STATUSES[(i * 3 + k) % ORDER_STATUSES.length]!;
    const createdAt = new Date(publishedAt.getTime() + r.int(1, 20) * DAY);
    const n = counters.orders++;
    const order: DemoOrder = {
      id: seedId('order', n), number: `ORD-${String(n + 1).padStart(7, '0')}`,
      measureId: m.id, offeringId: offering.id, personId: person.id, supplierId: offering.supplierId, regionCode: person.regionCode,
      // What the order is of, as an order placed on the portal records it (the S4 card and the S1 journal go by it).
      kind, itemTypeCode: type.code, status, price: offering.price, quantity: m.quantity, createdAt, acceptDeadline: new Date(createdAt.getTime() + 7 * DAY),
      acceptedAt: ['ACCEPTED', 'READY', 'HANDED_OVER'].includes(status) ? new Date(createdAt.getTime() + 2 * DAY) : null,
      handedOverAt: status === 'HANDED_OVER' ? new Date(createdAt.getTime() + 9 * DAY) : null,
      // A handover closes the order like a refusal does: the retention of its form counts from then.
      closedAt: status === 'HANDED_OVER' ? new Date(createdAt.getTime() + 9 * DAY) : ['REFUSED', 'EXPIRED', 'CANCELLED'].includes(status) ? new Date(createdAt.getTime() + 5 * DAY) : null,
      // Out of stock for goods (004 ¶83, ¶28); a service refused says why in the supplier's words.
      refusalCode: status !== 'REFUSED' ? null : offering.kind === 'S5' || offering.kind === 'S6' ? 'OUT_OF_STOCK' : 'OTHER',
      refusalReason: status === 'REFUSED' && offering.kind !== 'S5' && offering.kind !== 'S6' ? 'Нет свободного специалиста на эти даты' : null,
    };
    out.orders.push(order);
    m.status = status === 'HANDED_OVER' ? 'FULFILLED' : status === 'CANCELLED' ? 'CANCELLED' : status === 'REFUSED' || status === 'EXPIRED' ? 'AWAITING_CHOICE' : 'ORDERED';
    if (m.status === 'FULFILLED') {
      // The record a completed handover writes (programs lifecycle `internalMeasureFulfilled`): integrators read it as `fulfilments`.
      m.fulfilledAt = order.handedOverAt;
      out.fulfilments.push({
        id: seedId('fulfilment', counters.fulfilments++), measureId: m.id, sourceId: m.sourceId, orderId: order.id,
        supplierId: order.supplierId, personId: person.id, regionCode: person.regionCode, fulfilledAt: order.handedOverAt!,
      });
    }
    const { statePart, coPayment } = splitPrice(order.price, m.guaranteedSum);
    const claim: DemoClaim = {
      id: seedId('claim', counters.claims++), orderId: order.id, measureId: m.id, supplierId: order.supplierId, personId: person.id, regionCode: person.regionCode,
      statePart, coPayment,
      status: status === 'HANDED_OVER' ? ((i + k) % 2 ? 'PAID' : 'APPROVED') : ['REFUSED', 'EXPIRED', 'CANCELLED'].includes(status) ? 'CANCELLED' : 'APPLIED',
    };
    out.claims.push(claim);
    if (claim.status === 'PAID') {
      const p = counters.payments++;
      out.payments.push({ id: seedId('payment', p), claimId: claim.id, amount: statePart, paidAt: new Date(order.handedOverAt!.getTime() + 10 * DAY), reference: `PAY-${String(p + 1).padStart(7, '0')}` });
    }
  }
  return out;
}
