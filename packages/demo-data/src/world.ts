import { rng } from './random.js';
import {
  DEMO_PROFILE, RecipientContext, buildGuaranteedSums, buildOfferings, buildStaff, buildSuppliers, makePerson, newCounters,
  recipientRecords, representationsOf, representativeCount, worldDay,
} from './generators.js';
import { specialSocialServices } from './special-social.js';
import { gspEntitlements } from './gsp.js';
import type { DemoClaim, DemoFulfilment, DemoMeasure, DemoOrder, DemoPayment, DemoPerson, DemoProgram, DemoRepresentation, DemoWorld, WorldOptions } from './types.js';

export function buildWorld(opts: WorldOptions = {}): DemoWorld {
  const r = rng(opts.seed ?? 20261130);
  const nRecipients = opts.recipients ?? 1000;
  const nSuppliers = opts.suppliers ?? 60;
  const now = worldDay(opts.now);
  const year = now.getUTCFullYear();

  const guaranteedSums = buildGuaranteedSums(year);
  const suppliers = buildSuppliers(nSuppliers);
  const offerings = buildOfferings(r, suppliers);

  const persons: DemoPerson[] = [];
  for (let i = 0; i < nRecipients; i++) persons.push(makePerson(r, i, true));
  const representations: DemoRepresentation[] = [];
  const nRepresentatives = representativeCount(nRecipients);
  for (let j = 0; j < nRepresentatives; j++) {
    const rep = makePerson(r, nRecipients + j, false);
    persons.push(rep);
    representations.push(...representationsOf(j, nRecipients, rep.id, now, representations.length));
  }
  const staff = buildStaff(suppliers);

  const ctx = new RecipientContext(now, guaranteedSums, offerings, DEMO_PROFILE);
  const counters = newCounters();
  const programs: DemoProgram[] = [];
  const measures: DemoMeasure[] = [];
  const orders: DemoOrder[] = [];
  const claims: DemoClaim[] = [];
  const payments: DemoPayment[] = [];
  const fulfilments: DemoFulfilment[] = [];
  for (let i = 0; i < nRecipients; i++) {
    const rec = recipientRecords(r, i, persons[i]!, ctx, counters);
    programs.push(rec.program);
    measures.push(...rec.measures);
    orders.push(...rec.orders);
    claims.push(...rec.claims);
    payments.push(...rec.payments);
    fulfilments.push(...rec.fulfilments);
  }

  const sss = specialSocialServices(suppliers.length, offerings.length, measures.length, persons, programs, ctx.gsum);
  suppliers.push(...sss.suppliers);
  staff.push(...sss.staff);
  offerings.push(...sss.offerings);
  measures.push(...sss.measures);

  return { persons, representations, staff, programs, measures, fulfilments, gspEntitlements: gspEntitlements(persons, nRecipients, representations, now), suppliers, offerings, orders, claims, payments, guaranteedSums };
}
