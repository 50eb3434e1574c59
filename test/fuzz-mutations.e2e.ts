import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { getNamedType, isEnumType, type GraphQLField } from 'graphql';
import { ITEM_TYPES, makeBin, type Identity } from '@aleumet/core';
import { REGISTRY_ONLY_PERSONS } from '@aleumet/demo-data';
import type { Platform } from '@aleumet/platform';
import { startTestPlatform } from '@aleumet/platform/testing';
import { adminIdentity, apiSchema, departmentIdentity, gql, integratorIdentity, malformedCases, operationFor, recipientIdentity, sampleValue, supplierIdentity, tableChecksums, tokenFor, withValueAt, world, type GraphQLResponse } from '@aleumet/testkit';

/**
 * Every mutation of the public schema × every argument (into input objects and list elements) ×
 * malformed values of its type: wrong type, over-long and empty text, negative, huge and
 * non-integer numbers, impossible dates, months and times, unknown enum values and region codes.
 * The schema is read by introspection through the gateway, so a new mutation or argument joins by
 * itself (with a placeholder base and the admin as caller until a row below says better).
 *
 * Each malformed value is sent inside otherwise well-formed arguments (BASE: real ids of the demo
 * world), by a caller authorized for the mutation (CALLER), so the only thing wrong is that value.
 * Allowed answers:
 * - BAD_USER_INPUT, naming the argument in `extensions.field` — the point of the test;
 * - FORBIDDEN / UNAUTHENTICATED: authorization runs before validation, and a malformed id of
 *   someone else's record is refused like any other (the caller is authorized for the base ids).
 * - INVALID_SIGNATURE for an empty part of a signed document (`document`, `signature`,
 *   `certificate`): the API documents a missing signature as INVALID_SIGNATURE (reason UNSIGNED),
 *   and clients branch on it; over-long parts are BAD_USER_INPUT.
 * Nothing else: not GRAPHQL_VALIDATION_FAILED (values travel in variables, so type errors are
 * coercion errors: BAD_USER_INPUT), not NOT_FOUND / CONFLICT / INVALID_TRANSITION (validation
 * comes before the record's state is looked at: a malformed value must not reach it), and never
 * INTERNAL_SERVER_ERROR. And every answer is a refusal: no malformed value is accepted.
 * Afterwards every table of every subgraph schema is unchanged, except the bookkeeping tables in
 * BOOKKEEPING.
 */
const ALLOWED = new Set(['BAD_USER_INPUT', 'FORBIDDEN', 'UNAUTHENTICATED']);
const SUBGRAPH_SCHEMAS = ['people', 'programs', 'catalog', 'orders', 'finance'];
/**
 * Written by every request, malformed or not: the audit trail (the gateway records each mutation,
 * refused ones included, in people.audit_entry). Nothing else is excluded: outbox, processed-command
 * and change-feed tables must stay unchanged too, since no malformed request may start any work.
 */
const BOOKKEEPING = ['people.audit_entry'];

const w = world();
const UUID0 = '00000000-0000-7000-8000-000000000000';
const kindOf = new Map(w.offerings.map((o) => [o.id, o.kind]));
// An accepted S1/S2 order: its supplier logs hours and builds acts; its recipient cancels and complains.
const serviceOrder = w.orders.find((o) => o.status === 'ACCEPTED' && kindOf.get(o.offeringId) === 'S1')!;
const recipientIndex = w.persons.findIndex((p) => p.id === serviceOrder.personId);
const recipient = w.persons[recipientIndex]!;
const measure = w.measures.find((m) => m.id === serviceOrder.measureId)!;
// The last seeded supplier of the services and aids (the special social service providers come after them): its
// offerings are the ones other tests change least.
const supplier = w.suppliers.filter((s) => !s.directions.includes('SSS')).at(-1)!;
const offering = w.offerings.find((o) => o.supplierId === supplier.id)!;
const itemType = ITEM_TYPES.find((t) => supplier.directions.includes(t.kind))!;
const claim = w.claims.find((c) => c.status === 'APPROVED')!;
const s5Type = ITEM_TYPES.find((t) => t.kind === 'S5')!;
const PDF = Buffer.from('%PDF-1.4\nfuzz\n').toString('base64');
const unseen = REGISTRY_ONLY_PERSONS[5]!;

const card = (bin: string) => ({
  kind: 'ORGANIZATION', bin, name: 'ТОО «Фазз»', legalForm: 'LLP', legalAddress: 'Астана, ул. Бейбітшілік 1', actualAddress: 'Астана, ул. Бейбітшілік 1',
  headName: 'Фаззов Ф. Ф.', headIin: w.persons[5]!.iin, phone: '+77010000000', email: 'fuzz@example.kz', okedCodes: ['47.74'], regionCodes: ['KZ-71'],
  founders: ['Фаззов Ф. Ф.'], premises: 'Офис 1', bankDetails: { bankName: 'Halyk Bank', bik: 'HSBKKZKX', iban: 'KZ123456789012345678' },
});

/** Well-formed arguments per mutation: real ids of the demo world, values that pass every check. */
const BASE: Record<string, Record<string, unknown>> = {
  startSupplierRegistration: { input: card(makeBin(2024, 3, 7771)) },
  updateSupplierRegistration: { id: supplier.id, input: card(supplier.bin) },
  addSupplierDirection: { supplierId: supplier.id, input: { kind: 'AID_SALES', okedCode: '47.74', personnel: [{ fullName: 'Фаззов Ф. Ф.', position: 'Manager', qualification: 'Orthopaedist' }] } },
  removeSupplierDirection: { id: UUID0 },
  uploadSupplierDocument: { input: { supplierId: supplier.id, kind: 'LICENCE', title: 'Licence', fileName: 'licence.pdf', contentType: 'application/pdf', contentBase64: PDF } },
  submitSupplierRegistration: { id: supplier.id },
  verifySupplier: { id: supplier.id },
  rejectSupplier: { id: supplier.id, reason: 'Documents incomplete' },
  suspendSupplier: { id: supplier.id, reason: 'Licence expired' },
  reinstateSupplier: { id: supplier.id },
  setDevelopmentRegistryAnswer: { check: 'BUSINESS_REGISTERED', identifier: '123456789012', passed: true, reason: 'Registered' },
  registerSupplier: {
    input: {
      bin: makeBin(2024, 3, 7772), name: 'ТОО «Фазз 2»', legalForm: 'LLP', legalAddress: 'Астана', actualAddress: 'Астана', headName: 'Фаззов Ф. Ф.',
      phone: '+77010000000', email: 'fuzz2@example.kz', okedCodes: ['47.74'], directions: ['S5'], regionCodes: ['KZ-71'],
    },
  },
  createOffering: {
    input: {
      itemTypeCode: itemType.code, title: 'Fuzz offering', titleKk: 'Fuzz offering kk', description: 'A description', descriptionKk: 'A description kk', price: 100_000, deliveryMode: 'PICKUP', leadTimeDays: 3, stock: 1,
      regionCodes: [supplier.regionCodes[0]], characteristics: { colour: 'black' },
    },
  },
  updateOffering: { id: offering.id, input: { title: 'Fuzz offering' } },
  payClaim: { id: claim.id, version: 1, reference: 'PAY-FUZZ-1' },
  acceptOrder: { id: serviceOrder.id, version: 1, signature: 'c2ln', certificate: 'certificate' },
  refuseOrder: { id: serviceOrder.id, version: 1, reasonCode: 'OTHER', comment: 'No specialist is free', signature: 'c2ln', certificate: 'certificate' },
  markOrderReady: { id: serviceOrder.id, version: 1 },
  confirmHandover: { id: serviceOrder.id, version: 1 },
  cancelOrder: { id: serviceOrder.id, version: 1, reason: 'No longer needed' },
  createOrder: { input: { measureId: measure.id, offeringId: serviceOrder.offeringId, idempotencyKey: 'fuzz-key-0001', document: '{}', signature: 'c2ln', certificate: 'certificate' } },
  logServiceHours: { orderId: serviceOrder.id, input: { date: '2026-12-01', startTime: '09:00', endTime: '10:00', places: ['Polyclinic'], mode: 'ONLINE' } },
  generateServiceAct: { orderId: serviceOrder.id, period: '2026-11' },
  submitServiceAct: { id: UUID0, version: 1, signature: 'c2ln', certificate: 'certificate' },
  approveServiceAct: { id: UUID0, version: 1, signature: 'x' },
  addAuthorizedSigner: { input: { supplierId: supplier.id, iin: w.persons[0]!.iin, fullName: 'Фаззов Ф. Ф.', role: 'SIGNATORY', validFrom: '2026-12-01', validTo: '2027-12-31' } },
  endAuthorizedSigner: { id: UUID0 },
  returnServiceAct: { id: UUID0, version: 1, reason: 'Wrong hours', signature: 'x' },
  updateMyContacts: { input: { phone: '+77010000001', email: 'fuzz@example.kz' } },
  signInChallenge: { iin: recipient.iin },
  signIn: { input: { document: '{}', signature: 'c2ln', certificate: 'certificate', account: 'PERSON' } },
  createIntegratorClient: { input: { name: 'Fuzz client', description: 'A client', scopes: ['catalog:read'], rateLimitPerMinute: 60 } },
  updateIntegratorClient: { id: UUID0, input: { description: 'A client', scopes: ['catalog:read'], status: 'ACTIVE', rateLimitPerMinute: 60 } },
  issueApiKey: { clientId: UUID0, expiresInDays: 30, label: 'main' },
  rotateApiKey: { id: UUID0, overlapHours: 1, expiresInDays: 30 },
  revokeApiKey: { id: UUID0 },
  registerOperation: { clientId: UUID0, document: '{ me { id } }' },
  removeOperation: { clientId: UUID0, hash: 'a'.repeat(64) },
  fileComplaint: { input: { personId: recipient.id, orderId: serviceOrder.id, text: 'The assistant did not come on time' } },
  forwardComplaint: { id: UUID0, to: 'EMPLOYMENT_DEPARTMENT' },
  answerComplaint: { id: UUID0, answer: 'We spoke to the supplier' },
  satisfyComplaint: { id: UUID0, answer: 'The supplier called back' },
  attachToFailureTicket: { ticketId: UUID0, input: { fileName: 'screen.pdf', contentType: 'application/pdf', contentBase64: PDF } },
  savePortalArticle: { input: { kind: 'INSTRUCTION', title: { kk: 'Нұсқаулық', ru: 'Инструкция', en: 'Instruction' }, body: { kk: 'Мәтін', ru: 'Текст', en: 'Text' }, videoUrl: 'https://video.example.kz/a', published: true } },
  deletePortalArticle: { id: UUID0 },
  reportFailure: { input: { description: 'The page does not load', channel: 'PHONE', contact: '+77010000000', reporterName: 'Caller', reporterPersonId: recipient.id } },
  recordTicketStep: { id: UUID0, input: { step: 'ANALYSE', note: 'Looked at it', escalate: false, fixRequired: false, decision: 'Fixed' } },
  saveFaqEntry: { input: { position: 1, question: { kk: 'Сұрақ?', ru: 'Вопрос?', en: 'Question?' }, answer: { kk: 'Жауап', ru: 'Ответ', en: 'Answer' }, published: true } },
  deleteFaqEntry: { id: UUID0 },
  saveMaintenanceNotice: { input: { startsAt: '2027-01-01T00:00:00Z', endsAt: '2027-01-02T00:00:00Z', text: { kk: 'Жұмыс', ru: 'Работы', en: 'Works' } } },
  deleteMaintenanceNotice: { id: UUID0 },
  setContactCenter: { input: { phone: '+7 727 000 00 00', hours: { kk: '9–18', ru: '9–18', en: '9–18' } } },
  publishMeasures: {
    input: {
      personIin: recipient.iin, programNumber: 'IPR-FUZZ-1', issuedOn: '2026-01-10', validUntil: '2027-12-31',
      measures: [{ sourceId: 'SPS-FUZZ-1', kind: 'S5', itemTypeCode: s5Type.code, quantity: 1, guaranteedSum: 100_000 }],
    },
  },
  registerDeath: { personIin: recipient.iin, diedOn: '2026-11-30' },
  publishGspEntitlements: {
    input: {
      personIin: recipient.iin,
      entitlements: [{ sourceId: 'GSP-FUZZ-1', sourceVersion: 1, kind: 'FOOD_SET', quantity: 1, unit: 'SETS_PER_MONTH', startsOn: '2026-12-01', endsOn: '2027-05-31' }],
    },
  },
  setGspStatus: { input: { sourceId: w.gspEntitlements[0]!.sourceId, status: 'STOPPED', reason: 'The family no longer receives targeted social assistance' } },
  // A person only the demo registries know: a malformed case that got through would create it.
  recordPerson: {
    input: {
      iin: unseen.iin, sourceVersion: 1, lastName: unseen.lastName, firstName: unseen.firstName, middleName: null, birthDate: unseen.birthDate, sex: unseen.sex,
      regionCode: unseen.regionCode, permanentAddress: unseen.permanentAddress, temporaryAddress: 'Алматы, ул. Временная, д. 7',
      idDocument: { type: 'BIRTH_CERTIFICATE', number: unseen.idDocument.number, issuer: unseen.idDocument.issuer, issuedOn: unseen.idDocument.issuedOn, validUntil: '2030-01-01' },
      category: 'DISABLED', disabilityGroup: 2, disabilityReasons: ['GENERAL_DISEASE'], needs: { vision: false, hearing: false, mobility: true }, phone: '+77010000005',
    },
  },
  reactivateMeasure: { id: measure.id, version: 1 },
  requestRepresentation: {
    input: {
      principalIin: w.persons[recipientIndex === 0 ? 1 : 0]!.iin, basis: 'POWER_OF_ATTORNEY', documentType: 'Notarial power of attorney', documentNumber: 'N-1',
      documentDate: '2026-11-01', documentIssuer: 'Notary', validFrom: '2026-12-01', validTo: '2099-11-30', scan: { fileName: 'poa.pdf', contentType: 'application/pdf', contentBase64: PDF },
    },
  },
  verifyRepresentation: { id: UUID0 },
  rejectRepresentation: { id: UUID0, reason: 'The number does not match the register' },
  revokeRepresentation: { id: UUID0, reason: 'I collect it myself' },
  registerWebhookEndpoint: { url: 'https://esobes.example.kz/hooks', clientId: 'fuzz-client' },
  setWebhookEndpointActive: { endpointId: UUID0, active: true },
  replayWebhookDelivery: { id: UUID0 },
  setStaffNotificationSettings: { email: 'orders@supplier.example.kz', emailNotifications: true },
};

const asRecipient = () => recipientIdentity(recipientIndex);
const asServiceSupplier = () => supplierIdentity(serviceOrder.supplierId);
/** Who calls each mutation: one that passes its authorization for BASE's records; the admin otherwise. */
const CALLER: Record<string, () => Identity> = {
  startSupplierRegistration: asRecipient,
  createOffering: () => supplierIdentity(supplier.id),
  updateOffering: () => supplierIdentity(supplier.id),
  addAuthorizedSigner: () => supplierIdentity(supplier.id),
  setStaffNotificationSettings: () => supplierIdentity(supplier.id),
  payClaim: () => departmentIdentity(claim.regionCode),
  acceptOrder: asServiceSupplier, refuseOrder: asServiceSupplier, markOrderReady: asServiceSupplier, confirmHandover: asServiceSupplier,
  logServiceHours: asServiceSupplier, generateServiceAct: asServiceSupplier, submitServiceAct: asServiceSupplier,
  approveServiceAct: () => departmentIdentity(serviceOrder.regionCode), returnServiceAct: () => departmentIdentity(serviceOrder.regionCode),
  cancelOrder: asRecipient, createOrder: asRecipient, updateMyContacts: asRecipient, fileComplaint: asRecipient, reactivateMeasure: asRecipient,
  requestRepresentation: asRecipient, revokeRepresentation: asRecipient,
  publishMeasures: () => integratorIdentity(['programs:write', 'programs:read', 'people:read']),
  registerDeath: () => integratorIdentity(['programs:write', 'programs:read', 'people:read']),
  publishGspEntitlements: () => integratorIdentity(['programs:write']),
  setGspStatus: () => integratorIdentity(['programs:write']),
  recordPerson: () => integratorIdentity(['people:write']),
};

/** Runs `tasks` with at most `n` at a time. */
async function pool<T>(tasks: (() => Promise<T>)[], n: number): Promise<T[]> {
  const out: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(Array.from({ length: n }, async () => {
    while (next < tasks.length) {
      const i = next++;
      out[i] = await tasks[i]!();
    }
  }));
  return out;
}

let platform: Platform;
let url: string;
beforeAll(async () => {
  // Hundreds of requests per caller: the rate limit would answer RATE_LIMITED long before the end.
  platform = await startTestPlatform({ gatewayOptions: { security: { rateLimit: false } } });
  url = platform.gateway.url;
});
afterAll(() => platform?.close());

/** Sends every malformed case of every field of `root`; returns what broke the rules (see the top) and the answers. */
async function fuzz(kind: 'mutation' | 'query', fields: GraphQLField<unknown, unknown>[], base: Record<string, Record<string, unknown>>, caller: Record<string, () => Identity>) {
  const tasks: (() => Promise<{ field: string; path: string; label: string; res: GraphQLResponse }>)[] = [];
  for (const f of fields) {
    const token = await tokenFor((caller[f.name] ?? adminIdentity)());
    const args: Record<string, unknown> = { ...Object.fromEntries(f.args.filter((a) => String(a.type).endsWith('!')).map((a) => [a.name, sampleValue(a.type)])), ...base[f.name] };
    const document = operationFor(kind, f);
    for (const c of malformedCases(f)) {
      tasks.push(async () => {
        const res = await gql(url, document, withValueAt(args, c.path, c.value), token).catch(
          (e: Error): GraphQLResponse => ({ status: 0, errors: [{ message: `no answer: ${e.message}`, extensions: { code: 'NO_ANSWER' } }] }),
        );
        return { field: f.name, path: c.path, label: c.label, res };
      });
    }
  }
  const results = await pool(tasks, 6);
  const problems: string[] = [];
  for (const { field, path, label, res } of results) {
    const where = `${field}(${path}) ${label}`;
    const errors = res.errors ?? [];
    if (errors.length === 0) problems.push(`${where}: accepted`);
    for (const e of errors) {
      const code = String(e.extensions?.code);
      const signedPart = /(^|\.)(document|signature|certificate)$/.test(path) && (label === 'empty' || label === 'blank');
      if (!ALLOWED.has(code) && !(signedPart && code === 'INVALID_SIGNATURE')) problems.push(`${where}: ${code} ${e.message.slice(0, 160)}`);
      else if (code === 'BAD_USER_INPUT' && typeof e.extensions?.field !== 'string') problems.push(`${where}: BAD_USER_INPUT without field: ${e.message.slice(0, 160)}`);
    }
  }
  // Every field with arguments was reached with at least one case its own validation (not coercion) refused;
  // arguments that are all enums and booleans are checked whole by coercion, with nothing left to refuse.
  const fromResolvers = new Set(results.filter((r) => r.res.status === 200).map((r) => r.field));
  const coercedWhole = (f: GraphQLField<unknown, unknown>) => f.args.every((a) => { const t = getNamedType(a.type); return isEnumType(t) || t.name === 'Boolean'; });
  const unreached = fields.filter((f) => f.args.length > 0 && !coercedWhole(f) && !fromResolvers.has(f.name)).map((f) => f.name);
  return { problems, unreached, count: results.length };
}

/** Queries write nothing; their required arguments, and who asks (the admin otherwise). */
const QUERY_BASE: Record<string, Record<string, unknown>> = {
  supplier: { id: supplier.id },
  authorizedSigners: { supplierId: supplier.id },
  supplierByBin: { bin: supplier.bin },
  legalEntityCard: { bin: supplier.bin },
  offering: { id: offering.id },
  guaranteedSums: { year: 2026 },
  claim: { id: claim.id },
  supplierMonthReport: { period: '2026-11' },
  order: { id: serviceOrder.id },
  orderDocument: { measureId: measure.id, offeringId: serviceOrder.offeringId, idempotencyKey: 'fuzz-key-0002' },
  person: { id: recipient.id },
  personByIin: { iin: recipient.iin },
  developmentSigningKey: { iin: recipient.iin },
  measure: { id: measure.id },
  ticketBreachReport: { year: 2026, month: 11 },
  supplierOrderDocument: { id: serviceOrder.id, action: 'REFUSE', reasonCode: 'OTHER', comment: 'No specialist is free' },
};
const QUERY_CALLER: Record<string, () => Identity> = { orderDocument: asRecipient, supplierOrderDocument: asServiceSupplier };

describe('every mutation refuses malformed input, and nothing is written', () => {
  it('answers BAD_USER_INPUT (or FORBIDDEN) for every malformed value of every argument', { timeout: 240_000 }, async () => {
    const admin = await tokenFor(adminIdentity());
    const schema = await apiSchema(url, admin);
    const mutations = Object.values(schema.getMutationType()!.getFields()) as GraphQLField<unknown, unknown>[];
    const databaseUrl = inject('databaseUrl');
    const before = await tableChecksums(databaseUrl, SUBGRAPH_SCHEMAS, BOOKKEEPING);
    expect(Object.keys(before).length).toBeGreaterThan(20);

    const { problems, unreached, count } = await fuzz('mutation', mutations, BASE, CALLER);
    expect(problems, `${count} malformed requests`).toEqual([]);
    expect(unreached).toEqual([]);

    const after = await tableChecksums(databaseUrl, SUBGRAPH_SCHEMAS, BOOKKEEPING);
    const changed = Object.keys(before).filter((t) => before[t] !== after[t]);
    expect(changed).toEqual([]);
  });

  it('queries too: every malformed argument is BAD_USER_INPUT (or FORBIDDEN), never an empty answer or an internal error', { timeout: 120_000 }, async () => {
    const schema = await apiSchema(url, await tokenFor(adminIdentity()));
    const queries = Object.values(schema.getQueryType()!.getFields()) as GraphQLField<unknown, unknown>[];
    const { problems, count } = await fuzz('query', queries, QUERY_BASE, QUERY_CALLER);
    expect(problems, `${count} malformed requests`).toEqual([]);
  });
});
