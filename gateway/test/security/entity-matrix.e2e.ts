import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import {
  buildClientSchema, getIntrospectionQuery, getNamedType, isEnumType, isNonNullType, isObjectType, isScalarType, parse,
  type GraphQLField, type GraphQLObjectType, type GraphQLSchema, type GraphQLType, type ObjectTypeDefinitionNode,
} from 'graphql';
import { Role, actsFor, type Identity } from '@aleumet/core';
import type { Platform } from '@aleumet/platform';
import type { SubgraphName } from '@aleumet/runtime';
import { startTestPlatform } from '@aleumet/platform/testing';
import { gql, representativeIdentity, tokenFor, world } from '@aleumet/testkit';
import { MATRIX_ACTORS, matrixIdentity, type MatrixActor } from './helpers.js';

/**
 * The entity matrix, generated from the schema: for every record type (an object type with an `id`),
 * every role and integrator scope, and every path that reaches a record, what comes back must be what
 * that caller may see of that record, and nothing more.
 *
 * - Paths through the gateway: from every root query field, every chain of fields that leads from one
 *   record to another, three records deep (`order → measure → program → measures`), each chain one
 *   document selecting every scalar field of every record on it.
 * - `_entities` at each subgraph's port, for every entity type that subgraph resolves, with every field
 *   that subgraph serves of it.
 * Each record in an answer is looked up in the database (owner, region, suppliers with access) and
 * judged by RULES: `full` (any field), `limited` (the listed fields only) or `none` (not even its id).
 * A record type without a rule fails the test, so a new type or field joins the matrix by itself; and
 * every rule must have been seen in full by someone allowed to (the checks are not vacuous).
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const UUID0 = '00000000-0000-7000-8000-000000000000';
const MAX_RECORD_HOPS = 3;
/** A seeded record: its id is a `seedId` (UUIDv7 time 2020-01-01 plus its number in milliseconds). */
const seeded = (id: string) => parseInt(id.replace(/-/g, '').slice(0, 12), 16) < Date.UTC(2021, 0, 1);
const PAGE = 3;

type View = 'full' | 'limited' | 'none';
/** What the database says about one record. */
interface Facts {
  personIds: string[];
  regionCode: string | null;
  supplierIds: string[];
  /** Person: the persons this one represents (they see its name). */
  namesFor: string[];
  /** Who else owns it: a ticket's reporter (sub), a supplier card's registrant (sub). */
  subs: string[];
  status: string | null;
}
interface Rule {
  /** SQL of every record of the type: id, person_ids, region_code, supplier_ids, names_for, subs, status. */
  facts?: string;
  /** `who` is null for an anonymous caller. */
  view: (who: Identity | null, facts: Facts) => View;
  /** Fields of a limited view (besides id). */
  limited?: readonly string[];
}

// ---- the rules: who may see what of each record type ----------------------------------------
const ADMIN = (who: Identity | null) => who?.role === Role.ADMIN;
const SUPPLIER_STAFF = (who: Identity | null, f: Facts) => (who?.role === Role.SUPPLIER && !!who.supplierId && f.supplierIds.includes(who.supplierId)) || (!!who && f.subs.includes(who.sub));
/** The person and representatives, the region's department, admins, integrators with the scope; the record's suppliers see `supplier`. */
const owned = (scope: string | string[] | null, supplier: View = 'none', namesForPrincipals = false) => (who: Identity | null, f: Facts): View => {
  if (!who) return 'none';
  switch (who.role) {
    case Role.ADMIN: return 'full';
    case Role.INTEGRATOR: return [scope ?? []].flat().some((s) => who.scopes.includes(s)) ? 'full' : 'none';
    case Role.EMPLOYMENT_DEPARTMENT: return f.regionCode != null && who.regionCode === f.regionCode ? 'full' : 'none';
    case Role.SUPPLIER: return who.supplierId && f.supplierIds.includes(who.supplierId) ? supplier : 'none';
    default:
      if (f.personIds.some((p) => actsFor(who, p))) return 'full';
      return namesForPrincipals && f.namesFor.some((p) => actsFor(who, p)) ? 'limited' : 'none';
  }
};
const adminOnly = (who: Identity | null): View => (ADMIN(who) ? 'full' : 'none');
const ownClient = (who: Identity | null, f: Facts): View => (ADMIN(who) || (who?.role === Role.INTEGRATOR && !!who.clientId && f.subs.includes(who.clientId)) ? 'full' : 'none');
/** person_ids = [principal, representative]: both in full, the principal's region's department, admins, people:read; co-representatives limited. */
const representationRule = (shared: boolean) => (who: Identity | null, f: Facts): View => {
  if (!who) return 'none';
  if (who.role === Role.RECIPIENT || who.role === Role.REPRESENTATIVE) {
    if (who.personId && f.personIds.includes(who.personId)) return 'full';
    return shared && actsFor(who, f.personIds[0]!) ? 'limited' : 'none';
  }
  return owned('people:read')(who, f);
};
const reporterOrAdmin = (who: Identity | null, f: Facts): View =>
  !!who && (ADMIN(who) || f.subs.includes(who.sub) || (who.role !== Role.INTEGRATOR && f.personIds.some((p) => actsFor(who, p)))) ? 'full' : 'none';
/** What the portal told someone: the person (and representatives), a supplier's staff (its own), the region's department, admins; no integrator. */
const personalNotice = (who: Identity | null, f: Facts): View => {
  if (!who || who.role === Role.INTEGRATOR) return 'none';
  if (ADMIN(who) || (who.role === Role.EMPLOYMENT_DEPARTMENT && f.regionCode != null && who.regionCode === f.regionCode)) return 'full';
  if (who.role === Role.SUPPLIER) return who.supplierId && f.supplierIds.includes(who.supplierId) ? 'full' : 'none';
  return f.personIds.some((p) => actsFor(who, p)) ? 'full' : 'none';
};
const NO_FACTS = `select id, '{}'::text[] as person_ids, null as region_code, '{}'::text[] as supplier_ids, '{}'::text[] as names_for, '{}'::text[] as subs, null as status`;
const facts = (select: string) => select;

const RULES: Record<string, Rule | 'public'> = {
  Person: {
    facts: facts(`select p.id, array[p.id::text] as person_ids, p.region_code,
      array(select a.supplier_id::text from people.supplier_access a where a.record_id = p.id) as supplier_ids,
      array(select r.principal_id::text from people.representation r where r.representative_id = p.id) as names_for,
      '{}'::text[] as subs, null as status from people.person p`),
    view: owned('people:read', 'limited', true),
    limited: ['fullName', 'lastName', 'firstName', 'middleName'],
  },
  // A representation: the person and the representative in full; others who act for the person see who else does (not the document).
  Representation: {
    facts: facts(`select r.id, array[r.principal_id::text, r.representative_id::text] as person_ids, r.region_code, '{}'::text[] as supplier_ids, '{}'::text[] as names_for, '{}'::text[] as subs, r.status from people.representation r`),
    view: representationRule(true),
    limited: ['kind', 'basis', 'status', 'validFrom', 'validTo', 'representative', 'representativeName', 'createdAt'],
  },
  RepresentationFile: {
    facts: facts(`select f.id, array[f.principal_id::text, f.representative_id::text] as person_ids, f.region_code, '{}'::text[] as supplier_ids, '{}'::text[] as names_for, '{}'::text[] as subs, null as status from people.representation_file f`),
    view: representationRule(false),
  },
  RehabilitationProgram: {
    facts: facts(`select id, array[person_id::text] as person_ids, region_code, '{}'::text[] as supplier_ids, '{}'::text[] as names_for, '{}'::text[] as subs, null as status from programs.rehabilitation_program`),
    // The social-protection system that publishes programs (programs:write) reads what it publishes.
    view: owned(['programs:read', 'programs:write']),
  },
  Measure: {
    facts: facts(`select m.id, array[m.person_id::text] as person_ids, m.region_code,
      array(select a.supplier_id::text from programs.supplier_access a where a.record_id = m.id) as supplier_ids,
      '{}'::text[] as names_for, '{}'::text[] as subs, m.status from programs.measure m`),
    view: owned(['programs:read', 'programs:write'], 'limited'),
    limited: ['kind', 'itemTypeCode', 'itemType', 'quantity', 'status', 'person'],
  },
  Fulfilment: {
    facts: facts(`select id, array[person_id::text] as person_ids, region_code, '{}'::text[] as supplier_ids, '{}'::text[] as names_for, '{}'::text[] as subs, null as status from programs.fulfilment`),
    view: owned('programs:read'),
  },
  // The guaranteed social package: as a program; never a supplier.
  GspEntitlement: {
    facts: facts(`select id, array[person_id::text] as person_ids, region_code, '{}'::text[] as supplier_ids, '{}'::text[] as names_for, '{}'::text[] as subs, status from programs.gsp_entitlement`),
    view: owned(['programs:read', 'programs:write']),
  },
  Order: {
    facts: facts(`select id, array[person_id::text] as person_ids, region_code, array[supplier_id::text] as supplier_ids, '{}'::text[] as names_for, '{}'::text[] as subs, status from orders."order"`),
    view: owned('orders:read', 'full'),
  },
  JournalEntry: {
    facts: facts(`select id, array[person_id::text] as person_ids, region_code, array[supplier_id::text] as supplier_ids, '{}'::text[] as names_for, '{}'::text[] as subs, null as status from orders.journal_entry`),
    view: owned('orders:read', 'full'),
  },
  ServiceAct: {
    facts: facts(`select id, array[person_id::text] as person_ids, region_code, array[supplier_id::text] as supplier_ids, '{}'::text[] as names_for, '{}'::text[] as subs, status from orders.service_act`),
    view: owned('orders:read', 'full'),
  },
  ProstheticsCard: {
    facts: facts(`select id, array[person_id::text] as person_ids, region_code, array[supplier_id::text] as supplier_ids, '{}'::text[] as names_for, '{}'::text[] as subs, null as status from orders.prosthetics_card`),
    view: owned('orders:read', 'full'),
  },
  SignedDocument: {
    facts: facts(`select id, array[person_id::text] as person_ids, region_code, array[supplier_id::text] as supplier_ids, '{}'::text[] as names_for, '{}'::text[] as subs, null as status from orders.signed_document`),
    view: owned('orders:read', 'full'),
  },
  ReimbursementClaim: {
    facts: facts(`select id, array[person_id::text] as person_ids, region_code, array[supplier_id::text] as supplier_ids, '{}'::text[] as names_for, '{}'::text[] as subs, status from finance.reimbursement_claim`),
    view: owned('finance:read', 'full'),
  },
  Payment: {
    facts: facts(`select p.id, array[c.person_id::text] as person_ids, c.region_code, array[c.supplier_id::text] as supplier_ids, '{}'::text[] as names_for, '{}'::text[] as subs, null as status
      from finance.payment p join finance.reimbursement_claim c on c.id = p.claim_id`),
    view: owned('finance:read', 'full'),
  },
  Complaint: {
    facts: facts(`select id, case when person_id is null then '{}'::text[] else array[person_id::text] end as person_ids, region_code, '{}'::text[] as supplier_ids, '{}'::text[] as names_for, '{}'::text[] as subs, status from people.complaint`),
    view: owned('complaints:read'),
  },
  FailureTicket: {
    facts: facts(`select id, case when reporter_person_id is null then '{}'::text[] else array[reporter_person_id::text] end as person_ids, null as region_code, '{}'::text[] as supplier_ids, '{}'::text[] as names_for, array[reporter_sub] as subs, null as status from people.failure_ticket`),
    view: reporterOrAdmin,
  },
  TicketEvent: {
    facts: facts(`select e.id, case when t.reporter_person_id is null then '{}'::text[] else array[t.reporter_person_id::text] end as person_ids, null as region_code, '{}'::text[] as supplier_ids, '{}'::text[] as names_for, array[t.reporter_sub] as subs, null as status
      from people.ticket_event e join people.failure_ticket t on t.id = e.ticket_id`),
    view: reporterOrAdmin,
  },
  TicketAttachment: {
    facts: facts(`select a.id, case when t.reporter_person_id is null then '{}'::text[] else array[t.reporter_person_id::text] end as person_ids, null as region_code, '{}'::text[] as supplier_ids, '{}'::text[] as names_for, array[t.reporter_sub] as subs, null as status
      from people.ticket_attachment a join people.failure_ticket t on t.id = a.ticket_id`),
    view: reporterOrAdmin,
  },
  StaffUser: {
    facts: facts(`select id, '{}'::text[] as person_ids, region_code, case when supplier_id is null then '{}'::text[] else array[supplier_id::text] end as supplier_ids, '{}'::text[] as names_for, array[id::text] as subs, role as status from people.staff_user`),
    view: (who, f) => {
      if (!who) return 'none';
      if (ADMIN(who) || f.subs.includes(who.sub)) return 'full';
      if (who.role === Role.EMPLOYMENT_DEPARTMENT && f.regionCode != null && f.regionCode === who.regionCode) return 'full';
      if (who.role === Role.SUPPLIER && who.supplierId && f.supplierIds.includes(who.supplierId)) return 'full';
      return 'none';
    },
  },
  // Webhook endpoints and their delivery log: administrators, and the integrator client they belong to.
  WebhookEndpoint: { facts: facts(`select id, '{}'::text[] as person_ids, null as region_code, '{}'::text[] as supplier_ids, '{}'::text[] as names_for, array[client_id::text] as subs, null as status from programs.webhook_endpoint`), view: ownClient },
  WebhookDelivery: { facts: facts(`select id, '{}'::text[] as person_ids, null as region_code, '{}'::text[] as supplier_ids, '{}'::text[] as names_for, array[client_id::text] as subs, status from programs.webhook_delivery`), view: ownClient },
  WebhookAttempt: { facts: facts(`select id, '{}'::text[] as person_ids, null as region_code, '{}'::text[] as supplier_ids, '{}'::text[] as names_for, array[client_id::text] as subs, null as status from programs.webhook_attempt`), view: ownClient },
  // Notifications: the person they were for (not integrators), a supplier's staff for the supplier's own, the region's department, admins.
  Notification: {
    facts: facts(`select id, case when audience = 'PERSON' and person_id is not null then array[person_id::text] else '{}'::text[] end as person_ids, region_code,
      case when audience = 'SUPPLIER' then array[audience_key] else '{}'::text[] end as supplier_ids, '{}'::text[] as names_for, '{}'::text[] as subs, null as status from people.notification`),
    view: personalNotice,
  },
  NotificationDelivery: {
    facts: facts(`select id, array[recipient_key] as person_ids, region_code, '{}'::text[] as supplier_ids, '{}'::text[] as names_for, '{}'::text[] as subs, status from people.notification_delivery`),
    view: personalNotice,
  },
  InformedOtherwise: {
    facts: facts(`select id, array[person_id::text] as person_ids, region_code, '{}'::text[] as supplier_ids, '{}'::text[] as names_for, '{}'::text[] as subs, null as status from people.informed_otherwise`),
    view: personalNotice,
  },
  // A command a service refused for good: its region's department and administrators.
  RefusedCommand: {
    facts: facts(`select id, '{}'::text[] as person_ids, region_code, '{}'::text[] as supplier_ids, '{}'::text[] as names_for, '{}'::text[] as subs, null as status from people.refused_command`),
    view: (who, f) => (ADMIN(who) || (who?.role === Role.EMPLOYMENT_DEPARTMENT && f.regionCode != null && who.regionCode === f.regionCode) ? 'full' : 'none'),
  },
  // Integrator administration and the audit trail: administrators only.
  IntegratorClient: { facts: facts(`${NO_FACTS} from people.integrator_client`), view: adminOnly },
  ApiKey: { facts: facts(`${NO_FACTS} from people.api_key`), view: adminOnly },
  PersistedOperation: { facts: facts(`${NO_FACTS} from people.persisted_operation`), view: adminOnly },
  AuditEntry: { facts: facts(`${NO_FACTS} from people.audit_entry`), view: adminOnly },
  // A supplier's card: public once verified, but its IINs, bank details, registry answers and documents only
  // to the organization and administrators; a registration in progress only to them.
  Supplier: {
    facts: facts(`select id, '{}'::text[] as person_ids, null as region_code, array[id::text] as supplier_ids, '{}'::text[] as names_for,
      case when owner_sub is null then '{}'::text[] else array[owner_sub] end as subs, status from catalog.supplier`),
    view: (who, f) => {
      if (ADMIN(who) || SUPPLIER_STAFF(who, f)) return 'full';
      return f.status === 'VERIFIED' || f.status === 'SUSPENDED' ? 'limited' : 'none';
    },
    limited: [
      'createdAt', 'kind', 'bin', 'name', 'legalForm', 'legalAddress', 'actualAddress', 'headName', 'phone', 'email', 'okedCodes', 'directions', 'regionCodes',
      'status', 'founders', 'premises', 'submittedAt', 'decidedAt', 'rejectionReason', 'suspendedAt', 'suspensionReason', 'orderable', 'directionCards', 'offerings',
    ],
  },
  SupplierDocument: {
    facts: facts(`select d.id, '{}'::text[] as person_ids, null as region_code, array[d.supplier_id::text] as supplier_ids, '{}'::text[] as names_for,
      case when s.owner_sub is null then '{}'::text[] else array[s.owner_sub] end as subs, null as status from catalog.supplier_document d join catalog.supplier s on s.id = d.supplier_id`),
    view: (who, f) => (ADMIN(who) || SUPPLIER_STAFF(who, f) ? 'full' : 'none'),
  },
  // A supplier's register of authorized signers: its own staff and administrators.
  AuthorizedSigner: {
    facts: facts(`select id, '{}'::text[] as person_ids, null as region_code, array[supplier_id::text] as supplier_ids, '{}'::text[] as names_for, '{}'::text[] as subs, null as status from catalog.authorized_signer`),
    view: (who, f) => (ADMIN(who) || (who?.role === Role.SUPPLIER && !!who.supplierId && f.supplierIds.includes(who.supplierId)) ? 'full' : 'none'),
  },
  // Public: the catalog and the portal's content.
  Offering: 'public',
  SupplierDirection: 'public',
  GuaranteedSum: 'public',
  FaqEntry: 'public',
  MaintenanceNotice: 'public',
  PortalArticle: 'public',
  // The content of a document the caller asked for by id (checked with SupplierDocument's rule at its root field).
  DocumentContent: 'public',
  // A document's record (kind, title) as the offering page shows it: public for listed suppliers' offerings.
  OfferingDocument: 'public',
};

// ---- actors -----------------------------------------------------------------------------------
const ACTORS = MATRIX_ACTORS;
type Actor = MatrixActor;

function fixture() {
  const w = world();
  for (let k = 0; k < 50; k++) {
    const rep = representativeIdentity(k);
    for (const pid of rep.represents) {
      // P: a represented person whose order has a paid claim and whose program has other measures besides the ordered one.
      const paid = (orderId: string) => w.claims.some((c) => c.orderId === orderId && w.payments.some((x) => x.claimId === c.id));
      const order = w.orders.find((o) => o.personId === pid && paid(o.id) && w.measures.filter((m) => m.personId === pid).length > 1);
      if (!order) continue;
      const personIndex = w.persons.findIndex((p) => p.id === pid);
      const person = w.persons[personIndex]!;
      const strangerIndex = w.persons.findIndex((p) => p.category !== 'NONE' && p.id !== pid && !rep.represents.includes(p.id) && p.regionCode !== person.regionCode);
      const otherSupplier = w.suppliers.find((s) => s.id !== order.supplierId && w.staff.some((st) => st.supplierId === s.id))!;
      const otherRegion = w.staff.find((s) => s.role === 'EMPLOYMENT_DEPARTMENT' && s.regionCode !== person.regionCode)!.regionCode!;
      const measure = w.measures.find((m) => m.id === order.measureId)!;
      const ids: Record<string, string> = {
        Person: pid,
        Order: order.id,
        Measure: measure.id,
        RehabilitationProgram: measure.programId,
        ReimbursementClaim: w.claims.find((c) => c.orderId === order.id && w.payments.some((x) => x.claimId === c.id))!.id,
        Supplier: order.supplierId,
        Offering: order.offeringId,
        StaffUser: w.staff.find((s) => s.role === 'EMPLOYMENT_DEPARTMENT' && s.regionCode === person.regionCode)!.id,
        Representation: w.representations.find((r) => r.principalId === pid && r.representativeId === rep.personId)!.id,
        // A seeded GSP recipient's entitlement (P has none): by id, the chains below it are probed for every caller too.
        GspEntitlement: (w.gspEntitlements.find((g) => g.regionCode === person.regionCode) ?? w.gspEntitlements[0]!).id,
      };
      return { rep, personIndex, person, strangerIndex, otherSupplier, otherRegion, order, supplier: w.suppliers.find((s) => s.id === order.supplierId)!, ids };
    }
  }
  throw new Error('no suitable person in the demo world');
}
type F = ReturnType<typeof fixture>;

const identityOf = (a: Actor, f: F) => matrixIdentity(a, f);

// ---- documents generated from the schema ------------------------------------------------------
const isRecord = (t: GraphQLType): t is GraphQLObjectType => isObjectType(t) && 'id' in t.getFields();
const isLeaf = (t: GraphQLType) => isScalarType(getNamedType(t)) || isEnumType(getNamedType(t));
const requiredArgs = (f: GraphQLField<unknown, unknown>) => f.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);

/** Values for required arguments of root fields; an `id` takes the fixture's record of the field's type. */
function rootArgs(field: GraphQLField<unknown, unknown>, f: F): string | null {
  const named = getNamedType(field.type).name;
  const values: Record<string, string> = {
    iin: JSON.stringify(f.person.iin), bin: JSON.stringify(f.supplier.bin ?? ''), supplierId: JSON.stringify(f.supplier.id), year: '2026', month: '11', period: '"2026-11"',
    representationId: JSON.stringify(f.ids.Representation!),
    measureId: JSON.stringify(f.ids.Measure),
  };
  const out: string[] = [];
  for (const a of field.args) {
    const required = isNonNullType(a.type) && a.defaultValue === undefined;
    if (a.name === 'first') out.push(`first: ${PAGE}`);
    else if (required && a.name === 'id') out.push(`id: ${JSON.stringify(f.ids[named] ?? UUID0)}`);
    else if (required && values[a.name] !== undefined) out.push(`${a.name}: ${values[a.name]}`);
    else if (required && getNamedType(a.type).name === 'Boolean') out.push(`${a.name}: false`);
    else if (required) return null;
  }
  return out.length ? `(${out.join(', ')})` : '';
}

const pageArgs = (field: GraphQLField<unknown, unknown>) => (field.args.some((a) => a.name === 'first') ? `(first: ${PAGE})` : '');
const PUBLIC = (type: string) => RULES[type] === 'public';

/** The records a field leads to, through wrappers (a page's `nodes`; `edges` carry the same). */
function recordsBelow(type: GraphQLObjectType, seen = new Set<string>()): { path: string[]; target: GraphQLObjectType }[] {
  const out: { path: string[]; target: GraphQLObjectType }[] = [];
  for (const field of Object.values(type.getFields())) {
    if (requiredArgs(field).length || field.name === 'edges') continue;
    const named = getNamedType(field.type);
    if (!isObjectType(named)) continue;
    if (isRecord(named)) out.push({ path: [field.name], target: named });
    else if (!seen.has(named.name)) for (const x of recordsBelow(named, new Set([...seen, named.name]))) out.push({ path: [field.name, ...x.path], target: x.target });
  }
  return out;
}

/** Everything a record has: leaves, plain objects (Needs, BankDetails) in full, records below it by id only. */
function recordSelection(type: GraphQLObjectType, seen = new Set<string>()): string {
  const parts: string[] = ['__typename'];
  for (const field of Object.values(type.getFields())) {
    if (requiredArgs(field).length || field.name === 'edges') continue;
    const named = getNamedType(field.type);
    if (isLeaf(field.type)) parts.push(field.name);
    else if (!isObjectType(named)) continue;
    else if (isRecord(named)) parts.push(`${field.name}${pageArgs(field)} { __typename id }`);
    else if (!seen.has(named.name)) parts.push(`${field.name}${pageArgs(field)} { ${recordSelection(named, new Set([...seen, named.name]))} }`);
  }
  return parts.join(' ');
}

/** One chain of record fields: each record on the way selects its id and the next step; the last one, everything. */
function chainSelection(type: GraphQLObjectType, chain: string[][]): string {
  if (!chain.length) return recordSelection(type);
  const [step, ...rest] = chain;
  let inner = '';
  let t: GraphQLObjectType = type;
  // Walk the step's wrappers (orders → nodes) down to the next record.
  const names = [...step!];
  const open: string[] = [];
  while (names.length) {
    const field = t.getFields()[names.shift()!]!;
    open.push(`${field.name}${pageArgs(field)}`);
    t = getNamedType(field.type) as GraphQLObjectType;
  }
  inner = chainSelection(t, rest);
  return `__typename id ${open.map((o) => `${o} { __typename`).join(' ')} ${inner} ${'}'.repeat(open.length)}`;
}

/** Every chain of record fields below a record, `depth` records deep, each prefix included; none goes on past a public record. */
function chains(type: GraphQLObjectType, depth: number): string[][][] {
  const out: string[][][] = [[]];
  if (depth === 0 || PUBLIC(type.name)) return out;
  for (const { path: step, target } of recordsBelow(type)) for (const rest of chains(target, depth - 1)) out.push([step, ...rest]);
  return out;
}

interface Probe { label: string; doc: string }

async function inParallel<T, R>(items: readonly T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]!);
    }
  }));
  return out;
}

/**
 * Root fields that fetch one record by id (and `me`) start chains MAX_RECORD_HOPS deep; lists and other
 * lookups one record deep (their records' own chains start from the by-id roots).
 */
function gatewayProbes(schema: GraphQLSchema, f: F): { probes: Probe[]; skipped: string[] } {
  const probes: Probe[] = [];
  const skipped: string[] = [];
  for (const field of Object.values(schema.getQueryType()!.getFields())) {
    const named = getNamedType(field.type);
    if (!isObjectType(named)) continue;
    const args = rootArgs(field, f);
    if (args === null) {
      skipped.push(field.name);
      continue;
    }
    // By id: only where the fixture has a record (an unknown id answers NOT_FOUND, with nothing below it).
    const deep = field.name === 'me' || (field.args.some((a) => a.name === 'id') && !!f.ids[named.name]);
    const starts = isRecord(named) ? [{ path: [] as string[], target: named }] : recordsBelow(named);
    for (const { path: wrapper, target } of starts) {
      for (const chain of chains(target, deep ? MAX_RECORD_HOPS : 1)) {
        const body = chainSelection(target, chain);
        const wrapped = wrapper.reduceRight((inner, name) => `${name} { __typename ${inner} }`, body);
        probes.push({ label: [field.name, ...wrapper, ...chain.flat()].join('.'), doc: `{ ${field.name}${args} { ${wrapped} } }` });
      }
    }
  }
  return { probes, skipped };
}

/** Entity types of one subgraph (resolvable `@key(fields: "id")`) and each field that subgraph serves of them. */
function subgraphEntities(name: SubgraphName): { type: string; fields: { name: string; selection: string; own: boolean }[] }[] {
  const sdl = fs.readFileSync(path.join(ROOT, 'schema', `${name}.graphql`), 'utf8');
  const out: { type: string; fields: { name: string; selection: string; own: boolean }[] }[] = [];
  for (const def of parse(sdl).definitions) {
    if (def.kind !== 'ObjectTypeDefinition') continue;
    const keys = (def as ObjectTypeDefinitionNode).directives?.filter((d) => d.name.value === 'key') ?? [];
    const byId = keys.filter((k) => k.arguments?.some((a) => a.name.value === 'fields' && a.value.kind === 'StringValue' && a.value.value === 'id'));
    if (!byId.some((k) => !k.arguments?.some((a) => a.name.value === 'resolvable' && a.value.kind === 'BooleanValue' && !a.value.value))) continue;
    const fields = (def.fields ?? []).flatMap((fd) => {
      if (fd.arguments?.some((a) => a.type.kind === 'NonNullType' && !a.defaultValue)) return [];
      const target = schema.getType(namedOf(fd.type));
      const args = fd.arguments?.some((a) => a.name.value === 'first') ? `(first: ${PAGE})` : '';
      // Leaves as they are; objects by their type name only. A field that leads to other records (a program,
      // a page of orders) is that record's business, judged by its own rule: `own` is false.
      const object = target && isObjectType(target);
      const own = !object || (!isRecord(target) && !recordsBelow(target).length);
      return [{ name: fd.name.value, selection: object ? `${fd.name.value}${args} { __typename }` : fd.name.value, own }];
    });
    out.push({ type: def.name.value, fields });
  }
  return out;
}
const namedOf = (t: any): string => (t.kind === 'NamedType' ? t.name.value : namedOf(t.type));

// ---- judging answers ----------------------------------------------------------------------------
interface Seen { type: string; id: string; fields: string[]; where: string }

/**
 * Every record in an answer (an object whose `__typename` is a record type), with the fields that came back
 * non-empty. A record that came back with its id only is a reference held by its parent (the gateway does not
 * even ask the owning subgraph for it), judged with the parent.
 */
function recordsIn(data: unknown, where: string, out: Seen[] = []): Seen[] {
  if (Array.isArray(data)) {
    data.forEach((x) => recordsIn(x, where, out));
    return out;
  }
  if (!data || typeof data !== 'object') return out;
  const obj = data as Record<string, unknown>;
  const type = obj.__typename;
  // A record's own data: its leaves and plain objects (Needs, BankDetails). Records below it (a program, a
  // page of orders) are judged by their own rules, so a key-only stub that only links to them shows nothing.
  const present = Object.entries(obj).filter(([k, v]) => k !== '__typename' && v != null && !(Array.isArray(v) && v.length === 0) && !holdsRecords(v)).map(([k]) => k);
  if (typeof type === 'string' && isRecord(schema.getType(type)!) && present.some((k) => k !== 'id')) out.push({ type, id: typeof obj.id === 'string' ? obj.id : '', fields: present, where });
  for (const [k, v] of Object.entries(obj)) if (k !== '__typename') recordsIn(v, `${where}.${k}`, out);
  return out;
}

function holdsRecords(v: unknown): boolean {
  if (Array.isArray(v)) return v.some(holdsRecords);
  if (!v || typeof v !== 'object') return false;
  const type = (v as { __typename?: unknown }).__typename;
  if (typeof type === 'string' && isRecord(schema.getType(type)!)) return true;
  // A page (connection) holds records even when it is empty.
  if (typeof type === 'string' && /Connection$/.test(type)) return true;
  return Object.values(v).some(holdsRecords);
}

let platform: Platform;
let url: string;
let f: F;
let db: pg.Pool;
let schema: GraphQLSchema;
const tokens = new Map<Actor, string | undefined>();
const identities = new Map<Actor, Identity | null>();
/** Record types some allowed caller received in full: the checks saw real data. */
const covered = new Set<string>();

const factsFromRow = (r: any): Facts => ({
  personIds: r.person_ids ?? [], regionCode: r.region_code ?? null, supplierIds: r.supplier_ids ?? [], namesFor: r.names_for ?? [], subs: r.subs ?? [], status: r.status ?? null,
});

async function factsOf(seen: Seen[]): Promise<Map<string, Facts>> {
  const byType = new Map<string, Set<string>>();
  for (const s of seen) {
    const rule = RULES[s.type];
    if (!rule || rule === 'public' || !s.id) continue;
    let set = byType.get(s.type);
    if (!set) byType.set(s.type, (set = new Set()));
    set.add(s.id);
  }
  const out = new Map<string, Facts>();
  for (const [type, ids] of byType) {
    const rule = RULES[type] as Rule;
    const { rows } = await db.query(`select * from (${rule.facts!}) f where f.id::uuid = any($1::uuid[])`, [[...ids]]);
    for (const r of rows) {
      out.set(`${type}:${r.id}`, factsFromRow(r));
    }
  }
  return out;
}

/** What `actor` received that it may not see. */
async function violations(actor: Actor, seen: Seen[]): Promise<string[]> {
  const who = identities.get(actor) ?? null;
  const known = await factsOf(seen);
  const out: string[] = [];
  for (const s of seen) {
    const rule = RULES[s.type];
    if (rule === undefined) {
      out.push(`${s.type} has no rule in RULES (seen at ${s.where})`);
      continue;
    }
    if (rule === 'public') continue;
    const facts = known.get(`${s.type}:${s.id}`);
    if (!facts) {
      out.push(`${actor}: ${s.type} ${s.id || '(no id)'} at ${s.where} is not a record the database knows`);
      continue;
    }
    const view = rule.view(who, facts);
    const extra = view === 'full' ? [] : view === 'limited' ? s.fields.filter((x) => x !== 'id' && !rule.limited!.includes(x)) : s.fields;
    if (extra.length) out.push(`${actor} may see ${view === 'none' ? 'nothing' : 'only ' + rule.limited!.join(',')} of ${s.type} ${s.id} but got ${extra.join(',')} at ${s.where}`);
    else if (view === 'full' && s.fields.some((x) => x !== 'id')) covered.add(s.type);
  }
  return out;
}

beforeAll(async () => {
  // Authorization only: no rate limits or operation limits in the way of the generated documents.
  platform = await startTestPlatform({ gatewayOptions: { security: { rateLimit: false, limits: false } } });
  url = platform.gateway.url;
  db = new pg.Pool({ connectionString: inject('databaseUrl'), max: 2 });
  f = fixture();
  for (const a of ACTORS) {
    const id = identityOf(a, f);
    identities.set(a, id);
    tokens.set(a, id ? await tokenFor(id) : undefined);
  }
  const introspection = await gql(url, getIntrospectionQuery(), {}, tokens.get('admin'));
  schema = buildClientSchema(introspection.data);
}, 120_000);
afterAll(async () => {
  await db?.end();
  await platform?.close();
});

describe('entity matrix generated from the schema', () => {
  it('every record type of the composed schema has a rule, and every rule a type', () => {
    const records = Object.values(schema.getTypeMap()).filter((t) => !t.name.startsWith('__') && isRecord(t)).map((t) => t.name).sort();
    expect(records.filter((t) => RULES[t] === undefined), 'record types without a rule').toEqual([]);
    expect(Object.keys(RULES).filter((t) => !records.includes(t)), 'rules for types that no longer exist').toEqual([]);
  });

  it('through the gateway: every root field and every chain of records below it, for every role and scope', async () => {
    const { probes, skipped } = gatewayProbes(schema, f);
    expect(skipped, 'root fields with a required argument the matrix has no value for').toEqual([]);
    expect(probes.length).toBeGreaterThan(100);
    const problems: string[] = [];
    for (const actor of ACTORS) {
      const answers = await inParallel(probes, 8, async (p) => ({ p, res: await gql(url, p.doc, {}, tokens.get(actor)) }));
      const seen: Seen[] = [];
      for (const { p, res } of answers) {
        for (const e of res.errors ?? []) {
          const code = e.extensions?.code;
          if (!['FORBIDDEN', 'UNAUTHENTICATED', 'NOT_FOUND'].includes(code)) problems.push(`${actor} ${p.label}: unexpected ${code} ${e.message}`);
        }
        recordsIn(res.data, p.label, seen);
      }
      problems.push(...(await violations(actor, seen)));
    }
    expect([...new Set(problems)]).toEqual([]);
  }, 600_000);

  it("at each subgraph's port: _entities of every entity type it resolves, field by field, for every role and scope", async () => {
    const problems: string[] = [];
    const factsById = await factsOf(Object.entries(f.ids).map(([type, id]) => ({ type, id, fields: [], where: '' })));
    for (const name of Object.keys(platform.subgraphs) as SubgraphName[]) {
      for (const { type, fields } of subgraphEntities(name)) {
        const rule = RULES[type];
        if (rule === undefined) problems.push(`${name}: entity ${type} has no rule in RULES`);
        if (rule === undefined || rule === 'public') continue;
        const id = f.ids[type];
        const facts = id ? factsById.get(`${type}:${id}`) : undefined;
        if (!id || !facts) {
          problems.push(`${name}: no fixture record for entity ${type}`);
          continue;
        }
        // One field per request: a refused non-null field nulls the whole entity, which would hide its siblings.
        const cases = ACTORS.flatMap((actor) => fields.filter((x) => x.name !== 'id' && x.own).map((field) => ({ actor, field })));
        await inParallel(cases, 8, async ({ actor, field }) => {
          const doc = `query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on ${type} { ${field.selection} } } }`;
          const res = await gql(platform.subgraphs[name].url, doc, { r: [{ __typename: type, id }] }, tokens.get(actor));
          const who = identities.get(actor) ?? null;
          const view = rule.view(who, facts);
          const allowed = view === 'full' || (view === 'limited' && rule.limited!.includes(field.name));
          const value = res.data?._entities?.[0]?.[field.name];
          const present = value != null && !(Array.isArray(value) && value.length === 0);
          const refused = (res.errors ?? []).some((e) => ['FORBIDDEN', 'UNAUTHENTICATED'].includes(e.extensions?.code));
          for (const e of res.errors ?? []) {
            if (!['FORBIDDEN', 'UNAUTHENTICATED'].includes(e.extensions?.code)) problems.push(`${name} ${type}.${field.name} ${actor}: unexpected ${e.extensions?.code} ${e.message}`);
          }
          if (present && !allowed) problems.push(`${name} ${type}.${field.name}: ${actor} (view ${view}) got it`);
          if (allowed && refused) problems.push(`${name} ${type}.${field.name}: ${actor} (view ${view}) was refused`);
          if (present && allowed && view === 'full') covered.add(type);
        });
      }
    }
    expect([...new Set(problems)]).toEqual([]);
  }, 300_000);

  it('every guarded record type with seeded rows one of the callers may see in full was seen in full by someone allowed to', async () => {
    // Only the seeded world's rows count (seedId: ids stamped 2020-01-01), which every run has whatever ran
    // before: rows other test files made (their own notifications, say) may lie beyond any page the paths read.
    const missing: string[] = [];
    for (const [type, rule] of Object.entries(RULES)) {
      if (rule === 'public' || covered.has(type)) continue;
      const { rows } = await db.query(`select * from (${rule.facts!}) x limit 20000`);
      const visible = rows.filter((r) => seeded(String(r.id))).some((r) => {
        const facts = factsFromRow(r);
        return ACTORS.some((a) => rule.view(identities.get(a) ?? null, facts) === 'full');
      });
      if (visible) missing.push(type);
    }
    expect(missing, 'record types a caller may see in full that no generated path showed it').toEqual([]);
  });
});
