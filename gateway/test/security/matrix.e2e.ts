import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '@aleumet/platform';
import { startTestPlatform } from '@aleumet/platform/testing';
import WebSocket from 'ws';
import { createClient as createWsClient } from 'graphql-ws';
import { WS_REFUSAL } from '@aleumet/protocol';
import { codes, gql, representativeIdentity, tokenFor, world } from '@aleumet/testkit';
import { MATRIX_ACTORS, matrixIdentity, type MatrixActor } from './helpers.js';

/**
 * The access matrix: every role and every integrator scope × every root query and mutation of the
 * composed schema → allowed, FORBIDDEN or UNAUTHENTICATED, exactly as specified below. The target
 * records belong to one person P (own order, claim, program, measure), so a "stranger" recipient, a
 * supplier of other orders and the department of another region must be refused (no IDOR).
 * Mutations are called so that they fail after authorization (a stale version, an invalid input,
 * an unknown id) and change nothing. A root field without a row here fails the test.
 */
const ACTORS = [...MATRIX_ACTORS, 'int:finance:read,finance:write'] as const;
type Actor = MatrixActor;
type Outcome = 'ok' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'INTERNAL_SERVER_ERROR';

const w = () => world();
/** P: a represented person with an order that has a claim. */
function fixture() {
  for (let k = 0; k < 50; k++) {
    const rep = representativeIdentity(k);
    for (const pid of rep.represents) {
      const order = w().orders.find((o) => o.personId === pid && w().claims.some((c) => c.orderId === o.id));
      if (!order) continue;
      const personIndex = w().persons.findIndex((p) => p.id === pid);
      const person = w().persons[personIndex]!;
      const claim = w().claims.find((c) => c.orderId === order.id)!;
      const program = w().programs.find((p) => p.personId === pid)!;
      const measure = w().measures.find((m) => m.personId === pid)!;
      const strangerIndex = w().persons.findIndex((p) => p.category !== 'NONE' && p.id !== pid && !rep.represents.includes(p.id) && p.regionCode !== person.regionCode);
      const otherSupplier = w().suppliers.find((s) => s.id !== order.supplierId && w().staff.some((st) => st.supplierId === s.id))!;
      const otherRegion = w().staff.find((s) => s.role === 'EMPLOYMENT_DEPARTMENT' && s.regionCode !== person.regionCode)!.regionCode!;
      const offering = w().offerings.find((o) => o.supplierId === order.supplierId)!;
      return { rep, personIndex, person, order, claim, program, measure, strangerIndex, otherSupplier, otherRegion, offering };
    }
  }
  throw new Error('no suitable person in the demo world');
}
type F = ReturnType<typeof fixture>;

const identityOf = (a: Actor, f: F) => matrixIdentity(a, f);

// ---- who may: predicates over actors --------------------------------------------------------
type Rule = (a: Actor) => boolean;
const any = (...rules: Rule[]): Rule => (a) => rules.some((r) => r(a));
const is = (...actors: Actor[]): Rule => (a) => actors.includes(a);
const scopesOf = (a: Actor) => (a.startsWith('int:') ? a.slice(4).split(',') : []);
const scope = (s: string): Rule => (a) => scopesOf(a).includes(s);
const everyone: Rule = () => true;
const signedIn: Rule = (a) => a !== 'anonymous';
const admin = is('admin');
const nobody: Rule = () => false;
const anyIntegratorOrAdmin: Rule = (a) => a === 'admin' || a.startsWith('int');
/** The person, its representative, the region's department, admins, integrators with `s` (+ the order's supplier). */
const owner = (s: string, supplier = false): Rule => any(is('recipient', 'representative', 'department', 'admin'), scope(s), supplier ? is('supplier') : nobody);
/** Lists filter per caller: every role may ask, integrators need the scope. */
const list = (s: string): Rule => (a) => a !== 'anonymous' && (!a.startsWith('int') || scopesOf(a).includes(s));
/** The caller's own notifications: persons (and their representatives), suppliers, departments. */
const ownNotifications = is('recipient', 'representative', 'stranger', 'supplier', 'otherSupplier', 'department', 'otherDepartment');

interface Case {
  doc: string;
  vars?: (f: F) => Record<string, unknown>;
  /** Who passes authorization; anonymous callers outside it get UNAUTHENTICATED. */
  allow: Rule;
  /** A documented exception for anonymous callers (see the row). */
  anonymous?: Outcome;
}

const UUID0 = '00000000-0000-7000-8000-000000000000';
const DUMMY: Record<string, string> = { ID: `"${UUID0}"`, String: '"x"', Int: '0', SafeInt: '0', Boolean: 'false', DateTimeISO: '"2026-01-01T00:00:00Z"' };
const BAD_IIN = '000000000000';

const QUERIES: Record<string, Case> = {
  regions: { doc: `{ regions(first: 1) { __typename } }`, allow: everyone },
  itemTypes: { doc: `{ itemTypes(first: 1) { __typename } }`, allow: everyone },
  suppliers: { doc: `{ suppliers(first: 1) { __typename } }`, allow: everyone },
  supplier: { doc: `query($id: ID!) { supplier(id: $id) { id } }`, vars: (f) => ({ id: f.order.supplierId }), allow: everyone },
  legalEntityCard: { doc: `{ legalEntityCard(bin: "${BAD_IIN}") { bin } }`, allow: is('supplier', 'otherSupplier', 'recipient', 'representative', 'stranger', 'admin') },
  supplierByBin: { doc: `query($b: String!) { supplierByBin(bin: $b) { id } }`, vars: (f) => ({ b: w().suppliers.find((s) => s.id === f.order.supplierId)!.bin }), allow: everyone },
  offerings: { doc: `{ offerings(first: 1) { __typename } }`, allow: everyone },
  offering: { doc: `query($id: ID!) { offering(id: $id) { id } }`, vars: (f) => ({ id: f.offering.id }), allow: everyone },
  developmentSigningKey: { doc: `query($iin: String!) { developmentSigningKey(iin: $iin) { algorithm } }`, vars: (f) => ({ iin: f.person.iin }), allow: everyone },
  guaranteedSums: { doc: `{ guaranteedSums(year: 2026, first: 1) { __typename } }`, allow: signedIn },
  supplierRegistrations: { doc: `{ supplierRegistrations(first: 1) { __typename } }`, allow: admin },
  mySupplierRegistrations: { doc: `{ mySupplierRegistrations(first: 1) { __typename } }`, allow: signedIn },
  supplierDocumentContent: { doc: `query($id: ID!) { supplierDocumentContent(id: $id) { __typename } }`, vars: () => ({ id: UUID0 }), allow: signedIn },
  claim: { doc: `query($id: ID!) { claim(id: $id) { id } }`, vars: (f) => ({ id: f.claim.id }), allow: owner('finance:read', true) },
  claims: { doc: `{ claims(first: 1) { __typename } }`, allow: list('finance:read') },
  supplierMonthReport: { doc: `query($p: String!) { supplierMonthReport(period: $p) { __typename } }`, vars: () => ({ p: '2026-11' }), allow: any(is('supplier', 'otherSupplier', 'department', 'otherDepartment', 'admin'), scope('finance:read')) },
  regionKindReport: { doc: `{ regionKindReport { __typename } }`, allow: any(is('department', 'otherDepartment', 'admin'), scope('finance:read')) },
  ledgerTotals: { doc: `{ ledgerTotals { balanced } }`, allow: any(admin, scope('finance:read')) },
  order: { doc: `query($id: ID!) { order(id: $id) { id } }`, vars: (f) => ({ id: f.order.id }), allow: owner('orders:read', true) },
  orders: { doc: `{ orders(first: 1) { __typename } }`, allow: list('orders:read') },
  me: { doc: `{ me { id } }`, allow: signedIn },
  // The order's supplier sees the recipient's name (the person policy's limited view).
  person: { doc: `query($id: ID!) { person(id: $id) { id } }`, vars: (f) => ({ id: f.person.id }), allow: owner('people:read', true) },
  personByIin: { doc: `query($iin: String!) { personByIin(iin: $iin) { id } }`, vars: (f) => ({ iin: f.person.iin }), allow: owner('people:read') },
  persons: { doc: `{ persons(first: 1) { __typename } }`, allow: any(is('department', 'otherDepartment', 'admin'), scope('people:read')) },
  myStaffProfile: { doc: `{ myStaffProfile { id } }`, allow: signedIn },
  integratorClients: { doc: `{ integratorClients(first: 1) { __typename } }`, allow: admin },
  integratorClient: { doc: `query($id: ID!) { integratorClient(id: $id) { id } }`, vars: () => ({ id: UUID0 }), allow: admin },
  auditEntries: { doc: `{ auditEntries(first: 1) { __typename } }`, allow: admin },
  program: { doc: `query($id: ID!) { program(id: $id) { id } }`, vars: (f) => ({ id: f.program.id }), allow: any(owner('programs:read'), scope('programs:write')) },
  // The order's supplier sees the ordered measure's kind and item (the measure policy's limited view).
  measure: { doc: `query($id: ID!) { measure(id: $id) { id } }`, vars: (f) => ({ id: f.order.measureId }), allow: any(owner('programs:read', true), scope('programs:write')) },
  // Suppliers see measures only through their orders.
  measures: { doc: `{ measures(first: 1) { __typename } }`, allow: (a) => list('programs:read')(a) && a !== 'supplier' && a !== 'otherSupplier' },
  fulfilments: { doc: `{ fulfilments(first: 1) { __typename } }`, allow: any(admin, scope('programs:read')) },
  // P's guaranteed social package (published in beforeAll): as P's program; suppliers never, not even in a list.
  gspEntitlement: { doc: `query($id: ID!) { gspEntitlement(id: $id) { id } }`, vars: () => ({ id: gspId }), allow: any(owner('programs:read'), scope('programs:write')) },
  gspEntitlements: { doc: `{ gspEntitlements(first: 1) { __typename } }`, allow: (a) => list('programs:read')(a) && a !== 'supplier' && a !== 'otherSupplier' },
  orderDocument: {
    doc: `query($m: ID!, $o: ID!) { orderDocument(measureId: $m, offeringId: $o, idempotencyKey: "matrix-probe") }`,
    vars: (f) => ({ m: f.measure.id, o: f.offering.id }),
    allow: is('recipient', 'representative'),
  },
  // No acts, tickets or complaints in the demo world: an unknown id checks authentication only (NOT_FOUND after it).
  serviceAct: { doc: `{ serviceAct(id: "${UUID0}") { id } }`, allow: signedIn },
  supplierOrderDocument: { doc: `query($id: ID!) { supplierOrderDocument(id: $id, action: ACCEPT) }`, vars: (f) => ({ id: f.order.id }), allow: is('supplier') },
  serviceActDocument: { doc: `{ serviceActDocument(id: "${UUID0}") }`, allow: signedIn },
  serviceActDecisionDocument: { doc: `{ serviceActDecisionDocument(id: "${UUID0}", action: APPROVE) }`, allow: signedIn },
  signedDocument: { doc: `{ signedDocument(id: "${UUID0}") { id } }`, allow: signedIn },
  verifySignedDocument: { doc: `{ verifySignedDocument(id: "${UUID0}") { valid } }`, allow: signedIn },
  authorizedSigners: { doc: `query($s: ID!) { authorizedSigners(supplierId: $s, first: 1) { __typename } }`, vars: (f) => ({ s: f.order.supplierId }), allow: is('supplier', 'admin') },
  serviceActs: { doc: `{ serviceActs(first: 1) { __typename } }`, allow: list('orders:read') },
  faqEntries: { doc: `{ faqEntries(includeUnpublished: false, first: 1) { __typename } }`, allow: everyone },
  activeMaintenanceNotices: { doc: `{ activeMaintenanceNotices(first: 1) { __typename } }`, allow: everyone },
  maintenanceNotices: { doc: `{ maintenanceNotices(first: 1) { __typename } }`, allow: admin },
  contactCenter: { doc: `{ contactCenter { __typename } }`, allow: everyone },
  failureTicket: { doc: `{ failureTicket(id: "${UUID0}") { id } }`, allow: signedIn },
  failureTickets: { doc: `{ failureTickets(first: 1) { __typename } }`, allow: signedIn },
  ticketsAtRisk: { doc: `{ ticketsAtRisk(first: 1) { __typename } }`, allow: admin },
  ticketBreachReport: { doc: `{ ticketBreachReport(month: 11, year: 2026) { __typename } }`, allow: admin },
  complaint: { doc: `{ complaint(id: "${UUID0}") { id } }`, allow: signedIn },
  // Representations (people): an unknown id checks authentication only (NOT_FOUND after it; the record's policy after that).
  representation: { doc: `{ representation(id: "${UUID0}") { id } }`, allow: signedIn },
  representationDocument: { doc: `{ representationDocument(representationId: "${UUID0}") { id } }`, allow: signedIn },
  myRepresentations: { doc: `{ myRepresentations(first: 1) { __typename } }`, allow: is('recipient', 'representative', 'stranger') },
  representationRequests: { doc: `{ representationRequests(first: 1) { __typename } }`, allow: is('department', 'otherDepartment', 'admin') },
  // Webhook endpoints and deliveries (programs): administrators, and any integrator for its own.
  webhookEndpoints: { doc: `{ webhookEndpoints(first: 1) { __typename } }`, allow: anyIntegratorOrAdmin },
  webhookDeliveries: { doc: `{ webhookDeliveries(first: 1) { __typename } }`, allow: anyIntegratorOrAdmin },
  complaints: { doc: `{ complaints(overdue: false, first: 1) { __typename } }`, allow: any(is('recipient', 'representative', 'stranger', 'department', 'otherDepartment', 'admin'), scope('complaints:read')) },
  // Prosthetics cards (orders) with their history extracts: Е-Собес (orders:read), admins, departments (filtered to their region).
  prostheticsHistoryExtracts: { doc: `{ prostheticsHistoryExtracts(first: 1) { __typename } }`, allow: any(is('department', 'otherDepartment', 'admin'), scope('orders:read')) },
  // No failure tickets in the demo world: an unknown id checks authentication only (NOT_FOUND; the reporter or an admin after it).
  ticketAttachmentContent: { doc: `{ ticketAttachmentContent(id: "${UUID0}") }`, allow: signedIn },
  portalArticles: { doc: `{ portalArticles(includeUnpublished: false, first: 1) { __typename } }`, allow: everyone },
  // Notifications (people): the caller's own, for persons, suppliers and departments; not admins, not integrators.
  notifications: { doc: `{ notifications(first: 1) { __typename } }`, allow: ownNotifications },
  unreadNotificationCount: { doc: `{ unreadNotificationCount }`, allow: ownNotifications },
  // Filtered to the caller (own and represented persons; the department's region; admins all), so a stranger and another region get an empty list.
  measureNotifications: {
    doc: `query($m: ID!) { measureNotifications(measureId: $m, first: 1) { __typename } }`,
    vars: (f) => ({ m: f.measure.id }),
    allow: is('recipient', 'representative', 'stranger', 'department', 'otherDepartment', 'admin'),
  },
  myNotificationSettings: { doc: `{ myNotificationSettings { personId } }`, allow: is('recipient', 'representative', 'stranger') },
  notificationDeadLetters: { doc: `{ notificationDeadLetters(first: 1) { __typename } }`, allow: admin },
  myStaffNotificationSettings: { doc: `{ myStaffNotificationSettings { emailNotifications } }`, allow: is('supplier', 'otherSupplier', 'department', 'otherDepartment') },
  unreachablePersons: { doc: `{ unreachablePersons(first: 1) { __typename } }`, allow: is('department', 'otherDepartment', 'admin') },
  // Commands a service refused for good (people): departments (filtered to their region) and administrators.
  refusedCommands: { doc: `{ refusedCommands(first: 1) { __typename } }`, allow: is('department', 'otherDepartment', 'admin') },
};

const STALE = 999_999;
const REGISTRATION = {
  kind: 'ORGANIZATION', bin: '000000000000', name: 'x', legalForm: 'LLP', legalAddress: 'x', actualAddress: 'x', headName: 'x', phone: 'x', email: 'x',
  okedCodes: [], regionCodes: [], bankDetails: { bankName: 'x', bik: 'x', iban: 'x' },
};
const MUTATIONS: Record<string, Case> = {
  // Orders: a stale version answers CONFLICT after authorization.
  acceptOrder: { doc: `mutation($id: ID!) { acceptOrder(id: $id, version: ${STALE}, signature: "probe") { id } }`, vars: (f) => ({ id: f.order.id }), allow: is('supplier') },
  refuseOrder: { doc: `mutation($id: ID!) { refuseOrder(id: $id, version: ${STALE}, reasonCode: OTHER, comment: "closed", signature: "probe") { id } }`, vars: (f) => ({ id: f.order.id }), allow: is('supplier') },
  markOrderReady: { doc: `mutation($id: ID!) { markOrderReady(id: $id, version: ${STALE}) { id } }`, vars: (f) => ({ id: f.order.id }), allow: is('supplier') },
  confirmHandover: { doc: `mutation($id: ID!) { confirmHandover(id: $id, version: ${STALE}) { id } }`, vars: (f) => ({ id: f.order.id }), allow: is('supplier', 'recipient', 'representative') },
  cancelOrder: { doc: `mutation($id: ID!) { cancelOrder(id: $id, version: ${STALE}, reason: "no longer needed") { id } }`, vars: (f) => ({ id: f.order.id }), allow: is('recipient', 'representative', 'department', 'admin') },
  // People.
  updateMyContacts: { doc: `mutation { updateMyContacts(input: { phone: "not a phone" }) { id } }`, allow: is('recipient', 'representative', 'stranger') },
  signInChallenge: { doc: `mutation { signInChallenge(iin: "${BAD_IIN}") { nonce } }`, allow: everyone },
  signIn: { doc: `mutation { signIn(input: { document: "x", signature: "x", certificate: "x" }) { token } }`, allow: everyone },
  recordPerson: {
    doc: `mutation { recordPerson(input: { iin: "${BAD_IIN}", sourceVersion: 1, lastName: "x", firstName: "x", birthDate: "2020-01-01", sex: MALE, regionCode: "KZ-71", permanentAddress: "x", category: DISABLED }) { outcome } }`,
    allow: any(admin, scope('people:write')),
  },
  createIntegratorClient: { doc: `mutation { createIntegratorClient(input: { name: "x", scopes: [] }) { id } }`, allow: admin },
  updateIntegratorClient: { doc: `mutation { updateIntegratorClient(id: "${UUID0}", input: {}) { id } }`, allow: admin },
  issueApiKey: { doc: `mutation { issueApiKey(clientId: "${UUID0}") { key } }`, allow: admin },
  rotateApiKey: { doc: `mutation { rotateApiKey(id: "${UUID0}") { key } }`, allow: admin },
  revokeApiKey: { doc: `mutation { revokeApiKey(id: "${UUID0}") { id } }`, allow: admin },
  registerOperation: { doc: `mutation { registerOperation(clientId: "${UUID0}", document: "{ me { id } }") { hash } }`, allow: admin },
  removeOperation: { doc: `mutation { removeOperation(clientId: "${UUID0}", hash: "x") }`, allow: admin },
  // Programs.
  publishMeasures: {
    doc: `mutation { publishMeasures(input: { personIin: "${BAD_IIN}", programNumber: "X", issuedOn: "2026-01-01", validUntil: "2026-12-31", measures: [] }) { created } }`,
    allow: any(admin, scope('programs:write')),
  },
  registerDeath: { doc: `mutation { registerDeath(personIin: "${BAD_IIN}", diedOn: "2026-01-01") { __typename } }`, allow: any(admin, scope('programs:write')) },
  publishGspEntitlements: { doc: `mutation { publishGspEntitlements(input: { personIin: "${BAD_IIN}", entitlements: [] }) { created } }`, allow: any(admin, scope('programs:write')) },
  setGspStatus: { doc: `mutation { setGspStatus(input: { sourceId: "", status: STOPPED }) { changed } }`, allow: any(admin, scope('programs:write')) },
  withdrawMeasures: { doc: `mutation { withdrawMeasures(input: { programNumber: "X", sourceIds: [] }) { withdrawn } }`, allow: any(admin, scope('programs:write')) },
  // The current version (the check comes before the role check); the measure is not BLOCKED, so INVALID_TRANSITION after authorization.
  reactivateMeasure: { doc: `mutation($id: ID!, $v: Int!) { reactivateMeasure(id: $id, version: $v) { id } }`, vars: (f) => ({ id: f.measure.id, v: measureVersion }), allow: is('recipient', 'representative') },
  // Finance.
  // finance:write alone is refused: reading the claim needs finance:read too (the treasury holds both).
  payClaim: { doc: `mutation($id: ID!) { payClaim(id: $id, version: ${STALE}, reference: "REF-1") { id } }`, vars: (f) => ({ id: f.claim.id }), allow: any(is('department', 'admin'), (a) => scope('finance:read')(a) && scope('finance:write')(a)) },
  // Orders: creation and S1/S2 journals and acts.
  createOrder: {
    doc: `mutation($i: CreateOrderInput!) { createOrder(input: $i) { id } }`,
    vars: (f) => ({ i: { measureId: f.measure.id, offeringId: f.offering.id, idempotencyKey: 'matrix-probe', document: 'x', signature: 'x', certificate: 'x' } }),
    allow: is('recipient', 'representative'),
  },
  logServiceHours: {
    doc: `mutation($id: ID!) { logServiceHours(orderId: $id, input: { date: "2026-11-02", startTime: "09:00", endTime: "10:00" }) { id } }`,
    vars: (f) => ({ id: f.order.id }),
    allow: is('supplier'),
  },
  generateServiceAct: { doc: `mutation($id: ID!) { generateServiceAct(orderId: $id, period: "2026-11") { id } }`, vars: (f) => ({ id: f.order.id }), allow: is('supplier') },
  // An invalid IIN: authorized callers get BAD_USER_INPUT, and nothing is written.
  addAuthorizedSigner: {
    doc: `mutation($s: ID!) { addAuthorizedSigner(input: { supplierId: $s, iin: "000000000000", fullName: "x", role: SIGNATORY, validFrom: "2026-12-01" }) { id } }`,
    vars: (f) => ({ s: f.order.supplierId }), allow: is('supplier', 'admin'),
  },
  endAuthorizedSigner: { doc: `mutation { endAuthorizedSigner(id: "${UUID0}") { id } }`, allow: signedIn },
  submitServiceAct: { doc: `mutation { submitServiceAct(id: "${UUID0}", version: ${STALE}, signature: "probe") { id } }`, allow: signedIn },
  approveServiceAct: { doc: `mutation { approveServiceAct(id: "${UUID0}", version: ${STALE}, signature: "x") { id } }`, allow: signedIn },
  returnServiceAct: { doc: `mutation { returnServiceAct(id: "${UUID0}", version: ${STALE}, reason: "wrong hours", signature: "x") { id } }`, allow: signedIn },
  applyOrderRetention: { doc: `mutation { applyOrderRetention { __typename } }`, allow: admin },
  // Catalog.
  registerSupplier: {
    doc: `mutation($i: RegisterSupplierInput!) { registerSupplier(input: $i) { id } }`,
    vars: () => ({ i: { bin: '000000000000', name: 'x', legalForm: 'LLP', legalAddress: 'x', actualAddress: 'x', headName: 'x', phone: 'x', email: 'x', okedCodes: [], directions: [], regionCodes: [] } }),
    allow: admin,
  },
  createOffering: {
    doc: `mutation($i: OfferingInput!) { createOffering(input: $i) { id } }`,
    vars: () => ({ i: { itemTypeCode: 'NO-SUCH-TYPE', title: 'x', titleKk: 'x', description: 'x', descriptionKk: 'x', price: -1, deliveryMode: 'DELIVERY', leadTimeDays: -1, stock: -1, regionCodes: [] } }),
    allow: is('supplier', 'otherSupplier'),
  },
  updateOffering: { doc: `mutation($id: ID!) { updateOffering(id: $id, input: { price: -1 }) { id } }`, vars: (f) => ({ id: f.offering.id }), allow: is('supplier') },
  startSupplierRegistration: {
    doc: `mutation($i: SupplierRegistrationInput!) { startSupplierRegistration(input: $i) { id } }`,
    vars: () => ({ i: REGISTRATION }),
    allow: is('supplier', 'otherSupplier', 'recipient', 'representative', 'stranger', 'admin'),
  },
  updateSupplierRegistration: {
    doc: `mutation($id: ID!, $i: SupplierRegistrationInput!) { updateSupplierRegistration(id: $id, input: $i) { id } }`,
    vars: (f) => ({ id: f.order.supplierId, i: REGISTRATION }),
    allow: is('supplier', 'admin'),
  },
  addSupplierDirection: {
    doc: `mutation($id: ID!) { addSupplierDirection(supplierId: $id, input: { kind: AID_SALES, okedCode: "x", personnel: [] }) { id } }`,
    vars: (f) => ({ id: f.order.supplierId }),
    allow: is('supplier', 'admin'),
  },
  removeSupplierDirection: { doc: `mutation { removeSupplierDirection(id: "${UUID0}") }`, allow: signedIn },
  uploadSupplierDocument: {
    doc: `mutation($id: ID!) { uploadSupplierDocument(input: { supplierId: $id, kind: LICENCE, title: "x", fileName: "x.exe", contentType: "application/x-msdownload", contentBase64: "eA==" }) { id } }`,
    vars: (f) => ({ id: f.order.supplierId }),
    allow: is('supplier', 'admin'),
  },
  submitSupplierRegistration: { doc: `mutation($id: ID!) { submitSupplierRegistration(id: $id) { id } }`, vars: (f) => ({ id: f.order.supplierId }), allow: is('supplier', 'admin') },
  verifySupplier: { doc: `mutation($id: ID!) { verifySupplier(id: $id) { id } }`, vars: (f) => ({ id: f.order.supplierId }), allow: admin },
  rejectSupplier: { doc: `mutation($id: ID!) { rejectSupplier(id: $id, reason: "x") { id } }`, vars: (f) => ({ id: f.order.supplierId }), allow: admin },
  suspendSupplier: { doc: `mutation { suspendSupplier(id: "${UUID0}", reason: "x") { id } }`, allow: admin },
  reinstateSupplier: { doc: `mutation { reinstateSupplier(id: "${UUID0}") { id } }`, allow: admin },
  setDevelopmentRegistryAnswer: { doc: `mutation { setDevelopmentRegistryAnswer(check: "x", identifier: "x", passed: true) }`, allow: admin },
  applyCatalogRetention: { doc: `mutation { applyCatalogRetention { __typename } }`, allow: admin },
  // Portal content, failure tickets, complaints (people).
  saveFaqEntry: { doc: `mutation { saveFaqEntry(id: "${UUID0}", input: { position: -1, question: {}, answer: {} }) { id } }`, allow: admin },
  deleteFaqEntry: { doc: `mutation { deleteFaqEntry(id: "${UUID0}") }`, allow: admin },
  saveMaintenanceNotice: { doc: `mutation { saveMaintenanceNotice(id: "${UUID0}", input: { startsAt: "2026-01-02T00:00:00Z", endsAt: "2026-01-01T00:00:00Z", text: {} }) { id } }`, allow: admin },
  deleteMaintenanceNotice: { doc: `mutation { deleteMaintenanceNotice(id: "${UUID0}") }`, allow: admin },
  setContactCenter: { doc: `mutation { setContactCenter(input: { phone: "not a phone" }) { __typename } }`, allow: admin },
  reportFailure: { doc: `mutation { reportFailure(input: { description: "x" }) { id } }`, allow: signedIn },
  recordTicketStep: { doc: `mutation { recordTicketStep(id: "${UUID0}", input: { step: ANALYSE }) { id } }`, allow: admin },
  fileComplaint: { doc: `mutation($p: ID!) { fileComplaint(input: { personId: $p, text: "" }) { id } }`, vars: (f) => ({ p: f.person.id }), allow: is('recipient', 'representative', 'admin') },
  forwardComplaint: { doc: `mutation { forwardComplaint(id: "${UUID0}", to: EMPLOYMENT_DEPARTMENT) { id } }`, allow: admin },
  answerComplaint: { doc: `mutation { answerComplaint(id: "${UUID0}", answer: "x") { id } }`, allow: is('admin', 'department', 'otherDepartment') },
  applyPeopleRetention: { doc: `mutation { applyPeopleRetention { __typename } }`, allow: admin },
  // Representations: an invalid IIN, an unknown id or a too-short reason, each after authorization.
  requestRepresentation: {
    doc: `mutation { requestRepresentation(input: { principalIin: "${BAD_IIN}", basis: PARENT, documentType: "x", documentNumber: "x", documentDate: "2026-01-01", documentIssuer: "x", validFrom: "2026-01-01", scan: { fileName: "x", contentType: "x", contentBase64: "" } }) { id } }`,
    allow: is('recipient', 'representative', 'stranger'),
  },
  verifyRepresentation: { doc: `mutation { verifyRepresentation(id: "${UUID0}") { id } }`, allow: is('department', 'otherDepartment', 'admin') },
  rejectRepresentation: { doc: `mutation { rejectRepresentation(id: "${UUID0}", reason: "x") { id } }`, allow: is('department', 'otherDepartment', 'admin') },
  revokeRepresentation: { doc: `mutation { revokeRepresentation(id: "${UUID0}") { id } }`, allow: is('recipient', 'representative', 'stranger') },
  // Webhooks: an integrator registers its own endpoint with programs:read (an invalid URL after that).
  registerWebhookEndpoint: { doc: `mutation { registerWebhookEndpoint(url: "x") { secret } }`, allow: any(admin, scope('programs:read')) },
  setWebhookEndpointActive: { doc: `mutation { setWebhookEndpointActive(endpointId: "${UUID0}", active: true) { id } }`, allow: anyIntegratorOrAdmin },
  replayWebhookDelivery: { doc: `mutation { replayWebhookDelivery(id: "${UUID0}") { id } }`, allow: admin },
  // Prosthetics cards (orders): P's order is not an S4 one, so the order's supplier (and, for trips, the
  // department of its region) gets BAD_USER_INPUT after authorization; the inputs themselves are valid.
  recordProstheticMeasurements: {
    doc: `mutation($id: ID!) { recordProstheticMeasurements(orderId: $id, measurements: [{ name: "x", value: "x" }]) { __typename } }`,
    vars: (f) => ({ id: f.order.id }),
    allow: is('supplier'),
  },
  inviteForInpatientFitting: {
    doc: `mutation($id: ID!, $from: String!, $to: String!) { inviteForInpatientFitting(orderId: $id, fitting: PRIMARY, from: $from, to: $to) { __typename } }`,
    vars: (f) => ({ id: f.order.id, from: daysAhead(30), to: daysAhead(36) }),
    allow: is('supplier'),
  },
  recordProstheticTrip: {
    doc: `mutation($id: ID!) { recordProstheticTrip(orderId: $id, date: "2026-01-05", escort: false, amount: 100) { __typename } }`,
    vars: (f) => ({ id: f.order.id }),
    allow: is('supplier', 'department'),
  },
  // A valid PNG for an unknown ticket: NOT_FOUND after authentication (the reporter or an admin after it).
  attachToFailureTicket: {
    doc: `mutation { attachToFailureTicket(ticketId: "${UUID0}", input: { fileName: "x.png", contentType: "image/png", contentBase64: "iVBORw0KGgo=" }) { id } }`,
    allow: signedIn,
  },
  savePortalArticle: { doc: `mutation { savePortalArticle(id: "${UUID0}", input: { kind: NEWS, title: {}, body: {} }) { id } }`, allow: admin },
  deletePortalArticle: { doc: `mutation { deletePortalArticle(id: "${UUID0}") }`, allow: admin },
  // Role first (admin or a department), then the unknown id; the complaint's region after that.
  satisfyComplaint: { doc: `mutation { satisfyComplaint(id: "${UUID0}", answer: "x") { id } }`, allow: is('admin', 'department', 'otherDepartment') },
  // Notifications: an invalid id, BAD_USER_INPUT after authorization.
  markNotificationsRead: { doc: `mutation { markNotificationsRead(ids: ["x"]) }`, allow: ownNotifications },
  // Nothing to fail on after authorization: the defaults (kk, SMS, e-mail) are written, so the settings stay as they were.
  setNotificationSettings: { doc: `mutation { setNotificationSettings(language: kk, sms: true, email: true) { personId } }`, allow: is('recipient', 'representative', 'stranger') },
  resendNotification: { doc: `mutation { resendNotification(deliveryId: "${UUID0}") { id } }`, allow: admin },
  // Not an address: BAD_USER_INPUT after authorization.
  setStaffNotificationSettings: { doc: `mutation { setStaffNotificationSettings(email: "not-an-address", emailNotifications: true) { email } }`, allow: is('supplier', 'otherSupplier', 'department', 'otherDepartment') },
  // P's department and admins. Nothing fails after authorization: an authorized call appends a record of P being informed
  // (an unknown person answers NOT_FOUND before authorization, even to anonymous callers).
  recordInformedOtherwise: {
    doc: `mutation($p: ID!) { recordInformedOtherwise(personId: $p, method: OTHER, note: "access matrix probe") { id } }`,
    vars: (f) => ({ p: f.person.id }),
    allow: is('department', 'admin'),
  },
  // The person is looked up before authorization: a person of P's region without measures, so an authorized call closes nothing.
  registerDeparture: {
    doc: `mutation($iin: String!) { registerDeparture(personIin: $iin, departedOn: "2026-01-05") { measuresCancelled } }`,
    vars: (f) => ({ iin: w().persons.find((p) => p.regionCode === f.person.regionCode && !w().measures.some((m) => m.personId === p.id))!.iin }),
    allow: any(is('department', 'admin'), scope('programs:write')),
  },
};
/**
 * Subscriptions over graphql-ws: refused at subscribe time (an error naming the code) or opened. An
 * opened subscription that delivers another caller's events is tested per field (notifications-live,
 * measure-subscriptions, security/subscriptions).
 */
const SUBSCRIPTIONS: Record<string, Case> = {
  orderStatusChanged: { doc: `subscription { orderStatusChanged { cursor } }`, allow: list('orders:read') },
  incomingOrders: { doc: `subscription { incomingOrders { cursor } }`, allow: list('orders:read') },
  measureStatusChanged: { doc: `subscription { measureStatusChanged { cursor } }`, allow: (a) => list('programs:read')(a) && a !== 'supplier' && a !== 'otherSupplier' },
  // The caller's own notification centre, live: persons, suppliers, departments; not admins, not integrators.
  notificationReceived: { doc: `subscription { notificationReceived { cursor } }`, allow: ownNotifications },
};

/** A calendar date `n` days from today, YYYY-MM-DD. */
const daysAhead = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

let platform: Platform;
let url: string;
let f: F;
const tokens = new Map<Actor, string | undefined>();
let roots: { query: string[]; mutation: string[]; subscription: string[] };
let measureVersion = 0;
let gspId = '';

beforeAll(async () => {
  platform = await startTestPlatform({ gatewayOptions: { security: { rateLimit: false } } });
  url = platform.gateway.url;
  f = fixture();
  for (const a of ACTORS) {
    const id = identityOf(a, f);
    tokens.set(a, id ? await tokenFor(id) : undefined);
  }
  const m = await gql(url, `query($id: ID!) { measure(id: $id) { version status } }`, { id: f.measure.id }, tokens.get('admin'));
  measureVersion = m.data.measure.version;
  expect(m.data.measure.status).not.toBe('BLOCKED');
  const gsp = await gql(url, `mutation($i: PublishGspEntitlementsInput!) { publishGspEntitlements(input: $i) { entitlements { id } } }`, {
    i: { personIin: f.person.iin, entitlements: [{ sourceId: `GSP-MATRIX-${f.person.id}`, sourceVersion: 1, kind: 'SCHOOL_MEALS', quantity: 1, unit: 'MEALS_PER_SCHOOL_DAY', startsOn: '2026-09-01', endsOn: '2027-05-25' }] },
  }, tokens.get('admin'));
  gspId = gsp.data.publishGspEntitlements.entitlements[0].id;
  const TYPE = `type { kind name ofType { kind name ofType { kind name } } }`;
  const schema = await gql(url, `{ __schema { queryType { fields { name } } subscriptionType { fields { name } } mutationType { fields { name args { name ${TYPE} } } } } }`);
  roots = { query: schema.data.__schema.queryType.fields.map((x: any) => x.name), mutation: schema.data.__schema.mutationType.fields.map((x: any) => x.name), subscription: schema.data.__schema.subscriptionType.fields.map((x: any) => x.name) };
  // Service-to-service mutations (`internal…`, scope internal:commands) are refused to every caller:
  // a row is made for each one from its arguments, so new ones are covered too.
  for (const field of schema.data.__schema.mutationType.fields) {
    if (!field.name.startsWith('internal') || MUTATIONS[field.name]) continue;
    const args = field.args
      .filter((a: any) => a.type.kind === 'NON_NULL')
      .map((a: any) => `${a.name}: ${DUMMY[a.type.ofType.name] ?? 'null'}`);
    MUTATIONS[field.name] = { doc: `mutation { ${field.name}${args.length ? `(${args.join(', ')})` : ''} }`, allow: nobody };
  }
});
afterAll(() => platform?.close());

function outcomeOf(res: { errors?: { extensions?: Record<string, any> }[] }): Outcome {
  const c = codes(res as never);
  if (c.includes('UNAUTHENTICATED')) return 'UNAUTHENTICATED';
  if (c.includes('FORBIDDEN')) return 'FORBIDDEN';
  if (c.includes('INTERNAL_SERVER_ERROR')) return 'INTERNAL_SERVER_ERROR';
  return 'ok';
}

/** Subscribes once: the refusal's code, or `ok` when nothing refused it within a while (then unsubscribes). */
async function subscriptionOutcome(doc: string, token: string | undefined): Promise<Outcome> {
  const client = createWsClient({ url: url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: token ? { authorization: `Bearer ${token}` } : {}, retryAttempts: 0, lazy: true });
  try {
    return await new Promise<Outcome>((resolve) => {
      const timer = setTimeout(() => resolve('ok'), 2_500);
      const done = (o: Outcome) => {
        clearTimeout(timer);
        resolve(o);
      };
      client.subscribe({ query: doc }, {
        next: (r) => (r.errors ? done(outcomeOf(r as never)) : done('ok')),
        error: (e) => {
          const close = (e as { code?: number }).code;
          if (close === WS_REFUSAL.UNAUTHORIZED) return done('UNAUTHENTICATED');
          if (close === WS_REFUSAL.FORBIDDEN) return done('FORBIDDEN');
          done(Array.isArray(e) ? outcomeOf({ errors: e } as never) : 'INTERNAL_SERVER_ERROR');
        },
        complete: () => {},
      });
    });
  } finally {
    await client.dispose();
  }
}

const expected = (c: Case, a: Actor): Outcome =>
  a === 'anonymous' && c.anonymous ? c.anonymous : c.allow(a) ? 'ok' : a === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN';

async function runMatrix(kind: 'query' | 'mutation', cases: Record<string, Case>, concurrent: boolean) {
  const missing = roots[kind].filter((name) => !cases[name]);
  expect(missing, `root ${kind} fields without a row in the access matrix`).toEqual([]);
  const mismatches: string[] = [];
  for (const name of roots[kind]) {
    const c = cases[name]!;
    // Queries: every actor at once per field. Mutations one at a time: several hold a transaction,
    // and the embedded PostgreSQL runs transactions one after another.
    const one = async (a: Actor) => {
      const res = await gql(url, c.doc, c.vars?.(f) ?? {}, tokens.get(a));
      const got = outcomeOf(res);
      const want = expected(c, a);
      if (got !== want) mismatches.push(`${name} × ${a}: expected ${want}, got ${got} ${JSON.stringify(codes(res))} ${res.errors?.[0]?.message ?? ''}`);
    };
    if (concurrent) await Promise.all(ACTORS.map(one));
    else for (const a of ACTORS) await one(a);
  }
  expect(mismatches).toEqual([]);
}

describe('access matrix (roles and integrator scopes × root fields)', () => {
  it('covers every root field of the composed schema, and no stale rows', () => {
    expect(Object.keys(QUERIES).filter((q) => !roots.query.includes(q))).toEqual([]);
    expect(Object.keys(MUTATIONS).filter((m) => !roots.mutation.includes(m))).toEqual([]);
    expect(Object.keys(SUBSCRIPTIONS).filter((m) => !roots.subscription.includes(m))).toEqual([]);
  });

  it('queries', async () => {
    await runMatrix('query', QUERIES, true);
  }, 300_000);

  it('mutations (each fails after authorization and changes nothing)', async () => {
    await runMatrix('mutation', MUTATIONS, false);
  }, 300_000);

  it('subscriptions (refused when subscribing, or opened)', async () => {
    const missing = roots.subscription.filter((name) => !SUBSCRIPTIONS[name]);
    expect(missing, 'root subscription fields without a row in the access matrix').toEqual([]);
    const mismatches: string[] = [];
    for (const name of roots.subscription) {
      const c = SUBSCRIPTIONS[name]!;
      await Promise.all(ACTORS.map(async (a) => {
        const got = await subscriptionOutcome(c.doc, tokens.get(a));
        const want = expected(c, a);
        if (got !== want) mismatches.push(`${name} × ${a}: expected ${want}, got ${got}`);
      }));
    }
    expect(mismatches).toEqual([]);
  }, 300_000);
});
