/**
 * A representation that ends (revoked by the person, withdrawn by the department, term over) stops at
 * once, although the representative's token still names the person for hours: the gateway narrows
 * `represents` on every request and before every subscription event (security/representations.ts).
 * Persons 593–599 of the demo world belong to this file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';
import { ITEM_TYPES } from '@aleumet/core';
import { TestClock } from '@aleumet/runtime';
import type { Platform } from '@aleumet/platform';
import { startTestPlatform } from '@aleumet/platform/testing';
import { devSigner, signDocument } from '@aleumet/signing';
import { codes, departmentIdentity, gql, integratorIdentity, recipientIdentity, tokenFor, world } from '@aleumet/testkit';
import { watch } from '../ws-watch.js';

const clock = new TestClock(new Date('2026-12-07T06:00:00Z'));
let platform: Platform;
let url: string;
const clients: Client[] = [];
beforeAll(async () => {
  platform = await startTestPlatform({ clock });
  url = platform.gateway.url;
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await platform?.close();
});

const person = (i: number) => world().persons[i]!;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const scan = { fileName: 'document.pdf', contentType: 'application/pdf', contentBase64: PDF.toString('base64') };

async function ok<T = any>(query: string, vars: Record<string, unknown>, token?: string): Promise<T> {
  const r = await gql(url, query, vars, token);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data as T;
}

const REQUEST = `mutation($input: RepresentationRequestInput!) { requestRepresentation(input: $input) { id status } }`;
const VERIFY = `mutation($id: ID!) { verifyRepresentation(id: $id) { id status } }`;
const REJECT = `mutation($id: ID!, $reason: String!) { rejectRepresentation(id: $id, reason: $reason) { id status endReason endedAt rejectionReason } }`;
const REVOKE = `mutation($id: ID!) { revokeRepresentation(id: $id) { id status } }`;
const PERSON = `query($id: ID!) { person(id: $id) { iin program { number } } }`;
const ORDERS = `query { orders(first: 200) { nodes { id } } }`;

const input = (principalIin: string, over: Record<string, unknown> = {}) => ({
  principalIin, basis: 'POWER_OF_ATTORNEY', documentType: 'Notarial power of attorney', documentNumber: 'N-2026-2231',
  documentDate: '2026-12-01', documentIssuer: 'Notary B. Omarova, Astana', validFrom: '2026-12-07', validTo: '2027-06-30', scan, ...over,
});

/** Sign-in as the web app does it: `represents` in the token comes from the representations in force. */
async function signIn(iin: string): Promise<{ token: string; represents: string[] }> {
  const challenge = (await ok(`mutation($iin: String!) { signInChallenge(iin: $iin) { document } }`, { iin })).signInChallenge.document as string;
  const signed = await signDocument(await devSigner(iin), JSON.parse(challenge));
  return (await ok(`mutation($input: SignInInput!) { signIn(input: $input) { token represents } }`, {
    input: { document: signed.document, signature: signed.signature, certificate: signed.certificate },
  })).signIn;
}

/** `rep` asks to act for `principal`, the principal's department verifies, `rep` signs in acting for them. */
async function acting(rep: number, principal: number, over: Record<string, unknown> = {}) {
  const p = person(principal);
  const requested = (await ok(REQUEST, { input: input(p.iin, over) }, await tokenFor(recipientIdentity(rep)))).requestRepresentation;
  await ok(VERIFY, { id: requested.id }, await tokenFor(departmentIdentity(p.regionCode)));
  const signed = await signIn(person(rep).iin);
  expect(signed.represents).toContain(p.id);
  return { id: requested.id as string, token: signed.token };
}

const ordersOf = (i: number) => world().orders.filter((o) => o.personId === person(i).id).map((o) => o.id);

/** A new measure of person `i` (its publication is a measure event). */
async function publishMeasure(i: number): Promise<string> {
  const tag = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const r = await gql(url, `mutation($input: PublishMeasuresInput!) { publishMeasures(input: $input) { measures { id } } }`, {
    input: {
      personIin: person(i).iin, programNumber: `IPR-REP-${tag}`, issuedOn: '2026-11-01', validUntil: '2027-12-31',
      measures: [{ sourceId: `SPS-REP-${tag}`, kind: 'S5', itemTypeCode: ITEM_TYPES.find((t) => t.kind === 'S5')!.code, quantity: 1, guaranteedSum: 10_000_00 }],
    },
  }, await tokenFor(integratorIdentity(['programs:write'])));
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data.publishMeasures.measures[0].id;
}

const settle = (ms = 400) => new Promise((r) => setTimeout(r, ms));

describe('a representation stops at once, not when the token expires', () => {
  it('the person revokes the power of attorney: the next request is refused and the open subscription ends', async () => {
    clock.set(new Date('2026-12-07T06:00:00Z'));
    const [REP, PRINCIPAL] = [594, 595];
    const principal = person(PRINCIPAL);
    const { id, token } = await acting(REP, PRINCIPAL);

    // Acting for the person: the program, the orders (twice: the second from the entity cache where it runs).
    const cache = platform.gateway.entityCache;
    const hits = cache?.stats.hits ?? 0;
    for (let i = 0; i < 2; i++) {
      expect((await ok(PERSON, { id: principal.id }, token)).person.iin).toBe(principal.iin);
      expect((await ok(ORDERS, {}, token)).orders.nodes.map((n: { id: string }) => n.id)).toEqual(expect.arrayContaining(ordersOf(PRINCIPAL)));
    }
    // On PostgreSQL the cache holds those permitted reads; after the revocation below none of them is served.
    if (cache?.feed.connected) expect(cache.stats.hits).toBeGreaterThan(hits);
    // Watching every measure it may see: its own and the person's.
    const c = createClient({ url: url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
    clients.push(c);
    const seen = new Set<string>();
    const watcher = watch(c, { query: `subscription { measureStatusChanged { measureId status version } }` }, { pick: (d) => d.measureStatusChanged, keep: (e) => seen.has(e.measureId) });
    await settle();
    seen.add(await publishMeasure(PRINCIPAL));
    await watcher.waitFor(1);

    await ok(REVOKE, { id }, await tokenFor(recipientIdentity(PRINCIPAL)));
    // The very next request, with the same token: the person's data is refused, the orders list no longer has theirs.
    expect(codes(await gql(url, PERSON, { id: principal.id }, token))).toEqual(['FORBIDDEN']);
    const orders = (await ok(ORDERS, {}, token)).orders.nodes.map((n: { id: string }) => n.id);
    expect(orders.filter((o: string) => ordersOf(PRINCIPAL).includes(o))).toEqual([]);
    // The representative still is someone: its own data stays readable.
    expect((await ok(PERSON, { id: person(REP).id }, token)).person.iin).toBe(person(REP).iin);

    // The next event about the person ends the subscription with FORBIDDEN instead of being delivered.
    const next = await publishMeasure(PRINCIPAL);
    seen.add(next);
    const errors = await watcher.failed();
    expect(JSON.stringify(errors)).toContain('FORBIDDEN');
    expect(watcher.kept().map((e) => e.measureId)).not.toContain(next);
    for (let i = 0; i < 40 && !watcher.completed; i++) await settle(25);
    expect(watcher.completed).toBe(true);

    // Subscribing again runs with what is in force: the person's events no longer come.
    const again = watch(c, { query: `subscription { measureStatusChanged { measureId status version } }` }, { pick: (d) => d.measureStatusChanged, keep: (e) => seen.has(e.measureId) });
    await settle();
    seen.add(await publishMeasure(PRINCIPAL));
    await settle(1500);
    expect(again.kept()).toEqual([]);
    again.stop();
  });

  it("the department withdraws its verification: refused from the next request on", async () => {
    clock.set(new Date('2026-12-07T06:00:00Z'));
    const [REP, PRINCIPAL] = [596, 597];
    const principal = person(PRINCIPAL);
    const { id, token } = await acting(REP, PRINCIPAL, { basis: 'GUARDIAN', documentType: 'Guardianship decision', documentNumber: 'G-2026-51', validTo: null });
    expect((await ok(PERSON, { id: principal.id }, token)).person.program).not.toBeNull();
    const dept = await tokenFor(departmentIdentity(principal.regionCode));
    const withdrawn = (await ok(REJECT, { id, reason: 'The guardianship body ended the guardianship' }, dept)).rejectRepresentation;
    expect(withdrawn).toMatchObject({ status: 'REJECTED', endReason: 'WITHDRAWN_BY_DEPARTMENT', rejectionReason: 'The guardianship body ended the guardianship' });
    expect(withdrawn.endedAt).toBeTruthy();
    expect(codes(await gql(url, PERSON, { id: principal.id }, token))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(url, REJECT, { id, reason: 'again' }, dept))).toEqual(['INVALID_TRANSITION']);
    // Signing in again: nobody to act for.
    expect((await signIn(person(REP).iin)).represents).not.toContain(principal.id);
  });

  it('the term ends by itself on the clock, before the expiry job has run', async () => {
    clock.set(new Date('2026-12-07T06:00:00Z'));
    const [REP, PRINCIPAL] = [598, 599];
    const principal = person(PRINCIPAL);
    const { token } = await acting(REP, PRINCIPAL, { validTo: '2026-12-09' });
    clock.set(new Date('2026-12-09T18:00:00Z')); // 23:00 in Almaty: still the last day
    expect((await ok(PERSON, { id: principal.id }, token)).person.iin).toBe(principal.iin);
    clock.set(new Date('2026-12-09T19:30:00Z')); // 00:30 on 10 December in Almaty
    expect(codes(await gql(url, PERSON, { id: principal.id }, token))).toEqual(['FORBIDDEN']);
    expect((await ok(ORDERS, {}, token)).orders.nodes.map((n: { id: string }) => n.id).filter((o: string) => ordersOf(PRINCIPAL).includes(o))).toEqual([]);
  });

  it('a token naming a person never represented acts for nobody', async () => {
    const forged = await tokenFor({ ...recipientIdentity(593), represents: [person(595).id] });
    expect(codes(await gql(url, PERSON, { id: person(595).id }, forged))).toEqual(['FORBIDDEN']);
    expect((await ok(PERSON, { id: person(593).id }, forged)).person.iin).toBe(person(593).iin);
  });
});
