import { makeIin } from '@aleumet/core';
import { rng } from './random.js';
import {
  NATIONAL_PROFILE, RecipientContext, buildGuaranteedSums, buildOfferings, buildStaff, buildSuppliers, makePerson, newCounters,
  offeringsPerVariant, recipientRecords, representationsOf, representativeCount, worldDay, type RecipientProfile,
} from './generators.js';
import type {
  DemoClaim, DemoFulfilment, DemoGuaranteedSum, DemoMeasure, DemoOffering, DemoOrder, DemoPayment, DemoPerson, DemoProgram,
  DemoRepresentation, DemoStaff, DemoSupplier,
} from './types.js';

export interface StreamOptions {
  /** Persons in total: recipients plus their representatives (one per 20 recipients). */
  persons: number;
  suppliers?: number;
  /** Target catalog size; each supplier offers several models of an item type to reach it. */
  offerings?: number;
  /** Recipients per yielded chunk (memory bound); the data do not depend on it. */
  chunkSize?: number;
  now?: Date;
  seed?: number;
  profile?: RecipientProfile;
}

/** The catalog and staff: small, yielded once before the recipients. */
export interface CatalogPart {
  suppliers: DemoSupplier[]; offerings: DemoOffering[]; staff: DemoStaff[]; guaranteedSums: DemoGuaranteedSum[];
}
/** Recipients [from, to) with everything that hangs off them, plus the representatives acting for them. */
export interface RecipientChunk {
  from: number; to: number;
  persons: DemoPerson[]; representations: DemoRepresentation[];
  programs: DemoProgram[]; measures: DemoMeasure[]; orders: DemoOrder[]; claims: DemoClaim[]; payments: DemoPayment[]; fulfilments: DemoFulfilment[];
}

export interface StreamPlan { recipients: number; representatives: number; catalog: CatalogPart; chunks: Generator<RecipientChunk> }

/** mulberry32 seed for one person: every person's data is independent of chunking and of the others. */
const personSeed = (seed: number, i: number) => (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(i + 1, 0xc2b2ae35)) >>> 0;

/**
 * The world at any scale, generated chunk by chunk with bounded memory (national scale: 700,000
 * persons, ~2M measures, ~1M orders). Same ids (seedId) and the same rules as `buildWorld()`;
 * each person draws from its own seeded generator, so the output does not depend on chunkSize.
 */
export function streamWorld(opts: StreamOptions): StreamPlan {
  const seed = opts.seed ?? 20261130;
  const now = worldDay(opts.now);
  const recipients = Math.max(1, Math.round(opts.persons / 1.05));
  const representatives = Math.max(0, opts.persons - recipients);
  const suppliers = buildSuppliers(opts.suppliers ?? 300);
  const perVariant = offeringsPerVariant(suppliers);
  const variants = Math.max(1, Math.round((opts.offerings ?? perVariant) / perVariant));
  const offerings = buildOfferings(rng(seed), suppliers, variants);
  const guaranteedSums = buildGuaranteedSums(now.getUTCFullYear());
  const catalog: CatalogPart = { suppliers, offerings, staff: buildStaff(suppliers), guaranteedSums };
  const ctx = new RecipientContext(now, guaranteedSums, offerings, opts.profile ?? NATIONAL_PROFILE);
  const chunkSize = opts.chunkSize ?? 5000;
  const nRepLinks = representativeCount(recipients);

  // IINs hold only 1,000 serials per birth date and sex: at national scale a clash moves the birth date a day.
  const iins = new Set(catalog.staff.map((s) => s.iin));
  const unique = (p: DemoPerson, i: number): DemoPerson => {
    while (iins.has(p.iin)) {
      const next = new Date(Date.parse(`${p.birthDate}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      p.birthDate = next;
      p.iin = makeIin(next, p.sex, i);
    }
    iins.add(p.iin);
    return p;
  };

  function* chunks(): Generator<RecipientChunk> {
    const counters = newCounters();
    let representationId = 0;
    for (let from = 0; from < recipients; from += chunkSize) {
      const to = Math.min(recipients, from + chunkSize);
      const chunk: RecipientChunk = { from, to, persons: [], representations: [], programs: [], measures: [], orders: [], claims: [], payments: [], fulfilments: [] };
      for (let i = from; i < to; i++) {
        const r = rng(personSeed(seed, i));
        const person = unique(makePerson(r, i, true), i);
        chunk.persons.push(person);
        const rec = recipientRecords(r, i, person, ctx, counters);
        chunk.programs.push(rec.program);
        for (const m of rec.measures) chunk.measures.push(m);
        for (const o of rec.orders) chunk.orders.push(o);
        for (const c of rec.claims) chunk.claims.push(c);
        for (const p of rec.payments) chunk.payments.push(p);
        for (const f of rec.fulfilments) chunk.fulfilments.push(f);
      }
      // Representative j acts for recipients 1+2j and 2+2j: it travels with the chunk of its first principal.
      for (let j = Math.max(0, Math.ceil((from - 1) / 2)); j < representatives && 1 + 2 * j < to; j++) {
        const rep = unique(makePerson(rng(personSeed(seed, recipients + j)), recipients + j, false), recipients + j);
        chunk.persons.push(rep);
        if (j < nRepLinks) {
          const links = representationsOf(j, recipients, rep.id, now, representationId);
          representationId += links.length;
          for (const l of links) chunk.representations.push(l);
        }
      }
      yield chunk;
    }
  }
  return { recipients, representatives, catalog, chunks: chunks() };
}
