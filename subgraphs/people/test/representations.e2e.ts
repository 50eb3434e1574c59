import { describe, expect, it } from 'vitest';
import { TestClock } from '@aleumet/runtime';
import { usePlatform } from '@aleumet/platform/testing';
import { codes, departmentIdentity, gql, recipientIdentity, tokenFor, world } from '@aleumet/testkit';
import { devSigner, signDocument } from '@aleumet/signing';
import { REGIONS } from '@aleumet/core';

/**
 * Representatives are registered: a request with the document and its scan, the employment department
 * of the person's region verifies or rejects it, the person revokes a power of attorney, the term ends
 * it by itself, and what the representative does for the person records both of them.
 * Recipients 580–589 of the demo world are this file's.
 */
const clock = new TestClock(new Date('2026-12-07T06:00:00Z'));
/** The platform on this file's clock; `app.admin` is an administrator's token. */
const app = usePlatform({ clock });

const person = (i: number) => world().persons[580 + i]!;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const scan = { fileName: 'power-of-attorney.pdf', contentType: 'application/pdf', contentBase64: PDF.toString('base64') };

async function ok<T = any>(query: string, vars: Record<string, unknown>, token?: string): Promise<T> {
  const r = await gql(app.url, query, vars, token);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data as T;
}

const FIELDS = 'id status kind basis validFrom validTo regionCode representativeName principalName rejectionReason endReason document { fileName contentType size sha256 }';
const REQUEST = `mutation($input: RepresentationRequestInput!) { requestRepresentation(input: $input) { ${FIELDS} } }`;
const VERIFY = `mutation($id: ID!) { verifyRepresentation(id: $id) { ${FIELDS} } }`;
const REJECT = `mutation($id: ID!, $reason: String!) { rejectRepresentation(id: $id, reason: $reason) { ${FIELDS} } }`;
const REVOKE = `mutation($id: ID!, $reason: String) { revokeRepresentation(id: $id, reason: $reason) { ${FIELDS} } }`;
const REQUESTS = `query($status: RepresentationStatus) { representationRequests(status: $status, first: 100) { nodes { id representativeName } } }`;
const MINE = `query($side: RepresentationSide) { myRepresentations(side: $side, first: 50) { nodes { ${FIELDS} } } }`;
const DOCUMENT = `query($id: ID!) { representationDocument(representationId: $id) { fileName contentType sha256 contentBase64 } }`;
const ACTING = `query { me { representatives(first: 50) { nodes { id } } principals(first: 50) { nodes { id } } } }`;

const input = (principalIin: string, over: Record<string, unknown> = {}) => ({
  principalIin, basis: 'POWER_OF_ATTORNEY', documentType: 'Notarial power of attorney', documentNumber: 'N-2026-1187',
  documentDate: '2026-12-01', documentIssuer: 'Notary A. Seitkali, Almaty', validFrom: '2026-12-07', validTo: '2027-12-06', scan, ...over,
});

const CHALLENGE = `mutation($iin: String!) { signInChallenge(iin: $iin) { document } }`;
const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { token role represents } }`;
/** Sign-in as the web app does it: the represents list comes from the verified representations. */
async function signIn(iin: string): Promise<{ token: string; role: string; represents: string[] }> {
  const challenge = (await ok(CHALLENGE, { iin })).signInChallenge.document as string;
  const signed = await signDocument(await devSigner(iin), JSON.parse(challenge));
  return (await ok(SIGN_IN, { input: { document: signed.document, signature: signed.signature, certificate: signed.certificate } })).signIn;
}

const otherRegion = (code: string) => REGIONS.find((r) => r.code !== code)!.code;

describe('a power of attorney: request, verification, acting, revocation', () => {
  it('goes from the request to acting for the person, and ends when the person revokes it', async () => {
    const rep = person(0);
    const principal = person(1);
    const repToken = await tokenFor(recipientIdentity(580));
    const principalToken = await tokenFor(recipientIdentity(581));
    const dept = await tokenFor(departmentIdentity(principal.regionCode));

    // Refused before anything is written: bounds, a fake scan, a power of attorney without a term, oneself.
    expect(codes(await gql(app.url, REQUEST, { input: input(principal.iin, { validTo: null }) }, repToken))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql(app.url, REQUEST, { input: input(principal.iin, { scan: { ...scan, contentBase64: Buffer.from('not a pdf').toString('base64') } }) }, repToken))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql(app.url, REQUEST, { input: input(principal.iin, { scan: { ...scan, contentType: 'text/html' } }) }, repToken))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql(app.url, REQUEST, { input: input(principal.iin, { documentNumber: 'x'.repeat(201) }) }, repToken))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql(app.url, REQUEST, { input: input(principal.iin, { documentDate: '2027-01-01' }) }, repToken))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql(app.url, REQUEST, { input: input(rep.iin) }, repToken))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql(app.url, REQUEST, { input: input(principal.iin) }, dept))).toEqual(['FORBIDDEN']);

    const r = (await ok(REQUEST, { input: input(principal.iin) }, repToken)).requestRepresentation;
    expect(r).toMatchObject({ status: 'PENDING', kind: 'PROXY', basis: 'POWER_OF_ATTORNEY', regionCode: principal.regionCode, validTo: '2027-12-06', document: { size: PDF.length, contentType: 'application/pdf' } });
    expect(codes(await gql(app.url, REQUEST, { input: input(principal.iin) }, repToken))).toEqual(['CONFLICT']);
    // Not acting yet.
    expect((await signIn(rep.iin)).represents).not.toContain(principal.id);

    // Another region's department neither sees nor decides it; the person's region's does.
    const stranger = await tokenFor(departmentIdentity(otherRegion(principal.regionCode)));
    expect((await ok(REQUESTS, {}, stranger)).representationRequests.nodes.map((n: { id: string }) => n.id)).not.toContain(r.id);
    expect(codes(await gql(app.url, VERIFY, { id: r.id }, stranger))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(app.url, DOCUMENT, { id: r.id }, stranger))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(app.url, VERIFY, { id: r.id }, repToken))).toEqual(['FORBIDDEN']);
    const listed = (await ok(REQUESTS, {}, dept)).representationRequests.nodes.find((n: { id: string }) => n.id === r.id);
    expect(listed.representativeName).toBe([rep.lastName, rep.firstName, rep.middleName].filter(Boolean).join(' '));
    const doc = (await ok(DOCUMENT, { id: r.id }, dept)).representationDocument;
    expect(Buffer.from(doc.contentBase64, 'base64').equals(PDF)).toBe(true);
    expect(doc.sha256).toBe(r.document.sha256);
    expect((await ok(VERIFY, { id: r.id }, dept)).verifyRepresentation.status).toBe('ACTIVE');
    expect(codes(await gql(app.url, VERIFY, { id: r.id }, dept))).toEqual(['INVALID_TRANSITION']);

    // The representative now signs in acting for the person; the person sees who may act for them.
    const signed = await signIn(rep.iin);
    expect(signed.represents).toContain(principal.id);
    const mine = (await ok(MINE, { side: 'PRINCIPAL' }, principalToken)).myRepresentations.nodes;
    expect(mine.find((n: { id: string }) => n.id === r.id)).toMatchObject({ status: 'ACTIVE', representativeName: listed.representativeName });
    expect((await ok(ACTING, {}, principalToken)).me.representatives.nodes.map((n: { id: string }) => n.id)).toContain(r.id);
    expect((await ok(MINE, { side: 'REPRESENTATIVE' }, repToken)).myRepresentations.nodes.map((n: { id: string }) => n.id)).toContain(r.id);
    // The person and the representative download the scan too.
    expect((await ok(DOCUMENT, { id: r.id }, principalToken)).representationDocument.sha256).toBe(doc.sha256);

    // What the representative does for the person records both: the actor and the person acted for.
    const supplierId = world().suppliers[0]!.id;
    const filed = await ok(`mutation($input: ComplaintInput!) { fileComplaint(input: $input) { id } }`, { input: { personId: principal.id, supplierId, text: 'The supplier did not call back about the delivery.' } }, signed.token);
    const audit = (await ok(`query($a: String!) { auditEntries(actorSub: $a, first: 100) { nodes { actorSub onBehalfOf personIds entityIds operationName } } }`, { a: rep.id }, app.admin)).auditEntries.nodes;
    expect(audit.find((e: { entityIds: string[] }) => e.entityIds.includes(`Complaint:${filed.fileComplaint.id}`)), JSON.stringify(audit)).toMatchObject({ actorSub: rep.id, onBehalfOf: expect.arrayContaining([principal.id]) });

    // Only the person revokes, and from then on the representative no longer acts for them.
    expect(codes(await gql(app.url, REVOKE, { id: r.id }, repToken))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(app.url, REVOKE, { id: r.id, reason: 'x'.repeat(1001) }, principalToken))).toEqual(['BAD_USER_INPUT']);
    const revoked = (await ok(REVOKE, { id: r.id, reason: 'I collect the aid myself' }, principalToken)).revokeRepresentation;
    expect(revoked).toMatchObject({ status: 'REVOKED', endReason: 'I collect the aid myself' });
    expect((await signIn(rep.iin)).represents).not.toContain(principal.id);
    expect((await ok(ACTING, {}, principalToken)).me.representatives.nodes.map((n: { id: string }) => n.id)).not.toContain(r.id);
    expect(codes(await gql(app.url, REVOKE, { id: r.id }, principalToken))).toEqual(['INVALID_TRANSITION']);
  });
});

describe('legal representatives, rejection and the term', () => {
  it('a legal representation is not revoked by the person; a rejected request says why', async () => {
    const principal = person(3);
    const parent = await tokenFor(recipientIdentity(582));
    const dept = await tokenFor(departmentIdentity(principal.regionCode));
    const legal = (await ok(REQUEST, { input: input(principal.iin, { basis: 'GUARDIAN', documentType: 'Guardianship decision', validTo: null }) }, parent)).requestRepresentation;
    expect(legal).toMatchObject({ kind: 'LEGAL_REPRESENTATIVE', validTo: null, status: 'PENDING' });
    expect(codes(await gql(app.url, REJECT, { id: legal.id, reason: ' ' }, dept))).toEqual(['BAD_USER_INPUT']);
    const rejected = (await ok(REJECT, { id: legal.id, reason: 'The decision number does not match the register of the guardianship body' }, dept)).rejectRepresentation;
    expect(rejected).toMatchObject({ status: 'REJECTED', rejectionReason: 'The decision number does not match the register of the guardianship body' });
    const again = (await ok(REQUEST, { input: input(principal.iin, { basis: 'GUARDIAN', documentType: 'Guardianship decision', documentNumber: 'G-77', validTo: null }) }, parent)).requestRepresentation;
    await ok(VERIFY, { id: again.id }, app.admin);
    expect(codes(await gql(app.url, REVOKE, { id: again.id }, await tokenFor(recipientIdentity(583))))).toEqual(['FORBIDDEN']);
  });

  it('ends by itself the day after its term (the scheduled job, on the test clock)', async () => {
    const principal = person(5);
    const holder = await tokenFor(recipientIdentity(584));
    const dept = await tokenFor(departmentIdentity(principal.regionCode));
    const r = (await ok(REQUEST, { input: input(principal.iin, { validTo: '2026-12-09' }) }, holder)).requestRepresentation;
    await ok(VERIFY, { id: r.id }, dept);
    const scope = { personIds: [principal.id] };
    clock.set(new Date('2026-12-09T18:00:00Z')); // 23:00 in Almaty: still the last day
    await app.platform.runtime.scheduler.runAll({ only: ['people:representation-term'], scope, strict: true });
    expect((await ok(`query($id: ID!) { representation(id: $id) { status } }`, { id: r.id }, dept)).representation.status).toBe('ACTIVE');
    clock.set(new Date('2026-12-09T19:30:00Z')); // 00:30 on 10 December in Almaty
    expect((await signIn(person(4).iin)).represents).not.toContain(principal.id);
    await app.platform.runtime.scheduler.runAll({ only: ['people:representation-term'], scope, strict: true });
    expect((await ok(`query($id: ID!) { representation(id: $id) { status endReason endedAt } }`, { id: r.id }, dept)).representation).toMatchObject({ status: 'EXPIRED', endReason: 'TERM_OVER' });
  });
});
