import { ITEM_TYPES, REGIONS, seedId, makeIin, makeBin, splitPrice, type ServiceKind, type ItemTypeInfo } from '@aleumet/core';
import { rng } from './random.js';
import { MALE_FIRST, FEMALE_FIRST, SURNAME_STEMS, PATRONYMIC_STEMS, STREETS, ORG_WORDS, HEADS } from './names.js';

export type Sex = 'MALE' | 'FEMALE';
export type MeasureStatus = 'PUBLISHED' | 'AWAITING_CHOICE' | 'ORDERED' | 'FULFILLED' | 'BLOCKED' | 'CANCELLED';
export type OrderStatus = 'AWAITING_SUPPLIER' | 'ACCEPTED' | 'REFUSED' | 'EXPIRED' | 'READY' | 'HANDED_OVER' | 'CANCELLED';
export type ClaimStatus = 'APPLIED' | 'APPROVED' | 'PAID' | 'CANCELLED';
export type DeliveryMode = 'DELIVERY' | 'PICKUP' | 'BOTH';

export interface DemoPerson {
  id: string; iin: string; lastName: string; firstName: string; middleName: string | null;
  birthDate: string; sex: Sex; regionCode: string; address: string; phone: string; email: string | null;
  category: 'DISABLED' | 'ELDERLY' | 'NONE'; disabilityGroup: number | null;
  vision: boolean; hearing: boolean; mobility: boolean;
}
export interface DemoRepresentation { id: string; representativeId: string; principalId: string; kind: 'LEGAL_REPRESENTATIVE' | 'PROXY'; validFrom: string; validTo: string | null }
export interface DemoStaff { id: string; iin: string; fullName: string; role: 'SUPPLIER' | 'EMPLOYMENT_DEPARTMENT' | 'ADMIN'; supplierId: string | null; regionCode: string | null }
export interface DemoProgram { id: string; personId: string; number: string; issuedOn: string; validUntil: string; regionCode: string }
export interface DemoMeasure {
  id: string; programId: string; personId: string; regionCode: string; kind: ServiceKind; itemTypeCode: string;
  quantity: number; guaranteedSum: number; status: MeasureStatus; sourceId: string; publishedAt: Date; choiceDeadline: Date;
}
export interface DemoSupplier {
  id: string; bin: string; name: string; legalForm: 'LLP' | 'JSC' | 'IE'; legalAddress: string; actualAddress: string;
  headName: string; phone: string; email: string; okedCodes: string[]; directions: ServiceKind[]; regionCodes: string[];
}
export interface DemoOffering {
  id: string; supplierId: string; kind: ServiceKind; itemTypeCode: string; title: string; description: string;
  characteristics: Record<string, string>; price: number; deliveryMode: DeliveryMode; leadTimeDays: number; stock: number; regionCodes: string[];
}
export interface DemoOrder {
  id: string; number: string; measureId: string; offeringId: string; personId: string; supplierId: string; regionCode: string;
  status: OrderStatus; price: number; quantity: number; createdAt: Date; acceptDeadline: Date;
  acceptedAt: Date | null; handedOverAt: Date | null; closedAt: Date | null; refusalReason: string | null;
}
export interface DemoClaim { id: string; orderId: string; measureId: string; supplierId: string; personId: string; regionCode: string; statePart: number; coPayment: number; status: ClaimStatus }
export interface DemoPayment { id: string; claimId: string; amount: number; paidAt: Date; reference: string }
export interface DemoGuaranteedSum { id: string; itemTypeCode: string; year: number; amount: number }

export interface DemoWorld {
  persons: DemoPerson[]; representations: DemoRepresentation[]; staff: DemoStaff[];
  programs: DemoProgram[]; measures: DemoMeasure[];
  suppliers: DemoSupplier[]; offerings: DemoOffering[];
  orders: DemoOrder[]; claims: DemoClaim[]; payments: DemoPayment[]; guaranteedSums: DemoGuaranteedSum[];
}

export interface WorldOptions { recipients?: number; suppliers?: number; now?: Date; seed?: number }

const DAY = 86_400_000;
const KIND_DIRECTIONS: Record<ServiceKind, string> = { S1: '88.10', S2: '88.99', S3: '86.90', S4: '32.50', S5: '47.74', S6: '47.74' };

/** Base price per unit in tiyn; guaranteed sums derive from it, offerings vary around it. */
function basePrice(t: ItemTypeInfo): number {
  const byKind: Record<ServiceKind, number> = { S1: 1_500_00, S2: 2_500_00, S3: 18_000_00, S4: 250_000_00, S5: 45_000_00, S6: 350_000_00 };
  const spread = (t.code.length * 7919) % 40; // stable per code, 0..39 %
  return Math.round((byKind[t.kind] * (80 + spread)) / 100 / 100) * 100;
}

function quantityFor(kind: ServiceKind): number {
  return kind === 'S1' ? 8 * 120 : kind === 'S2' ? 60 : kind === 'S3' ? 14 : 1;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The demo data set as plain objects with deterministic ids: each subgraph's seeder writes
 * its own part, so cross-subgraph references agree without any subgraph reading another's tables.
 */
export function buildWorld(opts: WorldOptions = {}): DemoWorld {
  const r = rng(opts.seed ?? 20261130);
  const nRecipients = opts.recipients ?? 1000;
  const nSuppliers = opts.suppliers ?? 60;
  const now = new Date(Math.floor((opts.now ?? new Date()).getTime() / DAY) * DAY);
  const year = now.getUTCFullYear();

  const guaranteedSums: DemoGuaranteedSum[] = [];
  ITEM_TYPES.forEach((t, i) => {
    for (const y of [year - 1, year]) {
      guaranteedSums.push({ id: seedId(`gsum-${y}`, i), itemTypeCode: t.code, year: y, amount: basePrice(t) * quantityFor(t.kind) });
    }
  });
  const gsum = new Map(guaranteedSums.filter((g) => g.year === year).map((g) => [g.itemTypeCode, g.amount]));

  // Suppliers: each covers two or three kinds and two to four regions; together they cover every region and kind.
  const kinds: ServiceKind[] = ['S1', 'S2', 'S3', 'S4', 'S5', 'S6'];
  const suppliers: DemoSupplier[] = [];
  for (let i = 0; i < nSuppliers; i++) {
    const directions = [...new Set([kinds[i % 6]!, kinds[(i + 2) % 6]!, ...(i % 3 === 0 ? [kinds[(i + 4) % 6]!] : [])])];
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

  const offerings: DemoOffering[] = [];
  suppliers.forEach((s, si) => {
    const types = ITEM_TYPES.filter((t) => s.directions.includes(t.kind));
    // Every supplier offers all three services of its directions and a rotating share of the aids.
    const chosen = types.filter((t, ti) => t.kind === 'S1' || t.kind === 'S2' || t.kind === 'S3' || (ti + si) % 3 === 0);
    chosen.forEach((t) => {
      const n = offerings.length;
      const price = Math.round((basePrice(t) * quantityFor(t.kind) * (85 + r.int(0, 35))) / 100 / 100) * 100;
      offerings.push({
        id: seedId('offering', n),
        supplierId: s.id, kind: t.kind, itemTypeCode: t.code,
        title: `${t.ru} — ${s.name}`,
        description: `${t.en}: supplied by ${s.name}`,
        characteristics: t.kind === 'S6' ? { seatWidthCm: String(r.int(38, 50)), maxLoadKg: String(r.pick([100, 120, 150])) } : t.kind === 'S5' ? { warrantyMonths: String(r.pick([6, 12, 24])) } : {},
        price,
        deliveryMode: t.kind === 'S1' || t.kind === 'S2' || t.kind === 'S3' ? 'PICKUP' : r.pick(['DELIVERY', 'PICKUP', 'BOTH'] as const),
        leadTimeDays: r.int(1, 14),
        stock: t.kind === 'S1' || t.kind === 'S2' || t.kind === 'S3' ? 1000 : r.int(0, 40),
        regionCodes: s.regionCodes,
      });
    });
  });

  const persons: DemoPerson[] = [];
  const makePerson = (i: number, recipient: boolean): DemoPerson => {
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
  };
  for (let i = 0; i < nRecipients; i++) persons.push(makePerson(i, true));
  const nRepresentatives = Math.max(2, Math.floor(nRecipients / 20));
  const representations: DemoRepresentation[] = [];
  for (let j = 0; j < nRepresentatives; j++) {
    const rep = makePerson(nRecipients + j, false);
    persons.push(rep);
    // Representative j acts for recipients 1+2j and 2+2j (recipient 0 stays on its own).
    for (const p of [1 + 2 * j, 2 + 2 * j]) {
      if (p >= nRecipients) continue;
      representations.push({
        id: seedId('representation', representations.length), representativeId: rep.id, principalId: persons[p]!.id,
        kind: p % 2 ? 'LEGAL_REPRESENTATIVE' : 'PROXY', validFrom: iso(new Date(now.getTime() - 400 * DAY)), validTo: p % 2 ? null : iso(new Date(now.getTime() + 365 * DAY)),
      });
    }
  }

  const staff: DemoStaff[] = [];
  suppliers.forEach((s, i) => {
    const birth = `19${70 + (i % 25)}-0${1 + (i % 9)}-1${i % 9}`;
    staff.push({ id: seedId('staff', i), iin: makeIin(birth, i % 2 ? 'FEMALE' : 'MALE', 500 + i), fullName: `Менеджер ${s.name}`, role: 'SUPPLIER', supplierId: s.id, regionCode: null });
  });
  REGIONS.forEach((reg, i) => {
    staff.push({ id: seedId('staff', 1000 + i), iin: makeIin(`1980-0${1 + (i % 9)}-2${i % 9}`, 'FEMALE', 700 + i), fullName: `Отдел занятости: ${reg.ru}`, role: 'EMPLOYMENT_DEPARTMENT', supplierId: null, regionCode: reg.code });
  });
  staff.push({ id: seedId('staff', 2000), iin: makeIin('1975-05-05', 'MALE', 900), fullName: 'Администратор портала', role: 'ADMIN', supplierId: null, regionCode: null });

  const programs: DemoProgram[] = [];
  const measures: DemoMeasure[] = [];
  const orders: DemoOrder[] = [];
  const claims: DemoClaim[] = [];
  const payments: DemoPayment[] = [];
  const byType = new Map<string, DemoOffering[]>();
  for (const o of offerings) byType.set(o.itemTypeCode, [...(byType.get(o.itemTypeCode) ?? []), o]);
  const orderStatuses: OrderStatus[] = ['AWAITING_SUPPLIER', 'ACCEPTED', 'READY', 'HANDED_OVER', 'HANDED_OVER', 'REFUSED', 'EXPIRED', 'CANCELLED'];

  for (let i = 0; i < nRecipients; i++) {
    const person = persons[i]!;
    const issuedOn = new Date(now.getTime() - r.int(10, 300) * DAY);
    const program: DemoProgram = {
      id: seedId('program', i), personId: person.id, number: `IPR-${year}-${String(i + 1).padStart(6, '0')}`,
      issuedOn: iso(issuedOn), validUntil: iso(new Date(Date.UTC(year + (i % 3 === 0 ? 1 : 0), 11, 31))), regionCode: person.regionCode,
    };
    programs.push(program);
    const nMeasures = i === 0 ? 6 : 1 + (i % 3);
    for (let k = 0; k < nMeasures; k++) {
      // Recipient 0 (the demo account) has one measure of every kind.
      const kind = i === 0 ? kinds[k]! : kinds[(i + k * 2) % 6]!;
      const candidates = ITEM_TYPES.filter((t) => t.kind === kind);
      const type = candidates[(i * 7 + k) % candidates.length]!;
      const publishedAt = new Date(issuedOn.getTime() + r.int(0, 5) * DAY);
      const m: DemoMeasure = {
        id: seedId('measure', measures.length), programId: program.id, personId: person.id, regionCode: person.regionCode,
        kind, itemTypeCode: type.code, quantity: quantityFor(kind), guaranteedSum: gsum.get(type.code)!,
        status: 'AWAITING_CHOICE', sourceId: `SPS-${program.number}-${k + 1}`,
        publishedAt, choiceDeadline: new Date(publishedAt.getTime() + 61 * DAY),
      };
      measures.push(m);
      const offers = (byType.get(type.code) ?? []).filter((o) => o.regionCodes.includes(person.regionCode));
      const roll = (i + k) % 10;
      if (offers.length === 0 || roll >= 7) {
        m.status = roll === 7 ? 'BLOCKED' : roll === 8 ? 'PUBLISHED' : roll === 9 && i % 4 === 0 ? 'CANCELLED' : 'AWAITING_CHOICE';
        continue;
      }
      const offering = offers[(i + k) % offers.length]!;
      const status = orderStatuses[(i * 3 + k) % orderStatuses.length]!;
      const createdAt = new Date(publishedAt.getTime() + r.int(1, 20) * DAY);
      const order: DemoOrder = {
        id: seedId('order', orders.length), number: `ORD-${String(orders.length + 1).padStart(7, '0')}`,
        measureId: m.id, offeringId: offering.id, personId: person.id, supplierId: offering.supplierId, regionCode: person.regionCode,
        status, price: offering.price, quantity: m.quantity, createdAt, acceptDeadline: new Date(createdAt.getTime() + 7 * DAY),
        acceptedAt: ['ACCEPTED', 'READY', 'HANDED_OVER'].includes(status) ? new Date(createdAt.getTime() + 2 * DAY) : null,
        handedOverAt: status === 'HANDED_OVER' ? new Date(createdAt.getTime() + 9 * DAY) : null,
        closedAt: ['REFUSED', 'EXPIRED', 'CANCELLED'].includes(status) ? new Date(createdAt.getTime() + 5 * DAY) : null,
        refusalReason: status === 'REFUSED' ? 'Нет в наличии / out of stock' : null,
      };
      orders.push(order);
      m.status = status === 'HANDED_OVER' ? 'FULFILLED' : status === 'CANCELLED' ? 'CANCELLED' : status === 'REFUSED' || status === 'EXPIRED' ? 'AWAITING_CHOICE' : 'ORDERED';
      const { statePart, coPayment } = splitPrice(order.price, m.guaranteedSum);
      const claim: DemoClaim = {
        id: seedId('claim', claims.length), orderId: order.id, measureId: m.id, supplierId: order.supplierId, personId: person.id, regionCode: person.regionCode,
        statePart, coPayment,
        status: status === 'HANDED_OVER' ? ((i + k) % 2 ? 'PAID' : 'APPROVED') : ['REFUSED', 'EXPIRED', 'CANCELLED'].includes(status) ? 'CANCELLED' : 'APPLIED',
      };
      claims.push(claim);
      if (claim.status === 'PAID') {
        payments.push({ id: seedId('payment', payments.length), claimId: claim.id, amount: statePart, paidAt: new Date(order.handedOverAt!.getTime() + 10 * DAY), reference: `PAY-${String(payments.length + 1).padStart(7, '0')}` });
      }
    }
  }

  return { persons, representations, staff, programs, measures, suppliers, offerings, orders, claims, payments, guaranteedSums };
}
