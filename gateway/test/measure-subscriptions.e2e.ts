/**
 * measureStatusChanged, served by programs from its own outbox (MEASURE_STATUS_CHANGED events), through
 * the real gateway with a real graphql-ws client. Persons 610–619 of the demo world belong to this file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';
import { ITEM_TYPES } from '@aleumet/core';
import { TestClock } from '@aleumet/runtime';
import type { Platform } from '@aleumet/platform';
import { startTestPlatform } from '@aleumet/platform/testing';
import { codes, departmentIdentity, gql, integratorIdentity, recipientIdentity, supplierIdentity, tokenFor, world } from '@aleumet/testkit';
import { watch as watchSubscription } from './ws-watch.js';

const WATCH = `subscription WatchMeasure($m: ID, $since: String) {
  measureStatusChanged(measureId: $m, since: $since) {
    cursor measureId status version occurredAt orderId
    measure { id status version person { fullName } }
  }
}`;
const PUBLISH = `mutation($input: PublishMeasuresInput!) { publishMeasures(input: $input) { measures { id status version } } }`;
const REACTIVATE = `mutation($id: ID!, $v: Int!) { reactivateMeasure(id: $id, version: $v) { id status version } }`;

const ME = 610;
const OUTSIDER = 611;

let platform: Platform;
const clock = new TestClock(new Date('2026-12-01T04:00:00Z'));
const clients: Client[] = [];

beforeAll(async () => {
  platform = await startTestPlatform({ clock });
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await platform?.close();
});

/** Events about `measureId` after its publication (that one may arrive live or not, depending on when the relay ran). */
function watch(token: string, variables: Record<string, unknown>, measureId: string) {
  const c = createClient({ url: platform.gateway.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
  clients.push(c);
  return watchSubscription(c, { query: WATCH, variables }, { pick: (d) => d.measureStatusChanged, keep: (e) => e.measureId === measureId && e.version > 1 });
}

/** Subscriptions register on the subgraph asynchronously: give them a moment before changing things. */
const settle = (ms = 400) => new Promise((r) => setTimeout(r, ms));
const person = (i: number) => world().persons[i]!;
const runChoiceWindow = () => platform.runtime.scheduler.runAll({ only: ['programs:choice-window'], scope: { personIds: [person(ME).id] }, strict: true });

/** A fresh S5 measure of this file's recipient (integrator publication: AWAITING_CHOICE, version 1). */
async function publishMeasure(): Promise<{ id: string; version: number }> {
  const itemType = ITEM_TYPES.find((t) => t.kind === 'S5')!;
  const tag = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const input = {
    personIin: person(ME).iin,
    programNumber: `IPR-LIVE-${tag}`,
    issuedOn: '2026-11-01',
    validUntil: '2027-12-31',
    measures: [{ sourceId: `SPS-LIVE-${tag}`, kind: 'S5', itemTypeCode: itemType.code, quantity: 1, guaranteedSum: 10_000_00 }],
  };
  const r = await gql(platform.gateway.url, PUBLISH, { input }, await tokenFor(integratorIdentity(['programs:write'])));
  expect(r.errors).toBeUndefined();
  return r.data.publishMeasures.measures[0];
}

async function reactivate(measureId: string, version: number, token: string) {
  const r = await gql(platform.gateway.url, REACTIVATE, { id: measureId, v: version }, token);
  expect(r.errors).toBeUndefined();
  expect(r.data.reactivateMeasure).toMatchObject({ status: 'AWAITING_CHOICE' });
  return r.data.reactivateMeasure as { version: number };
}

describe('measureStatusChanged from the programs outbox, through the gateway', () => {
  it('a measure blocked by the scheduler and re-activated by the recipient reaches the recipient, its department and a programs:read integrator live, and nobody else', async () => {
    clock.set(new Date('2026-12-01T04:00:00Z'));
    const measure = await publishMeasure();
    const me = person(ME);
    const recipient = await tokenFor(recipientIdentity(ME));
    const otherRegion = world().persons.find((p) => p.regionCode !== me.regionCode)!.regionCode;

    const byRecipient = watch(recipient, { m: measure.id }, measure.id);
    const byDepartment = watch(await tokenFor(departmentIdentity(me.regionCode)), {}, measure.id);
    // The events select the person's name: an integrator needs people:read for it besides programs:read.
    const byIntegrator = watch(await tokenFor(integratorIdentity(['programs:read', 'people:read'])), {}, measure.id);
    // Watching everything they may see: another recipient, another region's department.
    const byOutsider = watch(await tokenFor(recipientIdentity(OUTSIDER)), {}, measure.id);
    const byOtherDepartment = watch(await tokenFor(departmentIdentity(otherRegion)), {}, measure.id);
    // An integrator without programs:read is refused when it subscribes (FORBIDDEN naming the scope).
    const byUnscoped = watch(await tokenFor(integratorIdentity(['orders:read'])), {}, measure.id);
    // Asking for this measure by id without the right to see it is refused outright.
    const refused = [
      byUnscoped,
      watch(await tokenFor(recipientIdentity(OUTSIDER)), { m: measure.id }, measure.id),
      watch(await tokenFor(departmentIdentity(otherRegion)), { m: measure.id }, measure.id),
      watch(await tokenFor(integratorIdentity(['orders:read'])), { m: measure.id }, measure.id),
      watch(await tokenFor(supplierIdentity(world().suppliers[0]!.id)), { m: measure.id }, measure.id),
    ];
    await settle();
    // The refused ones end with their error (asynchronously, from programs); the six others stay open.
    for (const until = Date.now() + 15_000; refused.some((w) => w.errors.length === 0) && Date.now() < until; ) await settle(25);
    expect(JSON.stringify(byUnscoped.errors)).toContain('Scope programs:read required');
    // Five callers with five tokens, one upstream graphql-ws connection to programs (each subscription carries its token).
    expect(platform.gateway.subscriptions.engine.stats()).toMatchObject({ upstreamSubscriptions: 5, upstreamConnections: 1 });

    // Two months without an order: the choice-window job (test clock) blocks the measure.
    clock.set(new Date('2027-02-01T05:00:00Z'));
    await runChoiceWindow();
    const [blocked] = await byRecipient.waitFor(1);
    expect(blocked).toMatchObject({
      measureId: measure.id, status: 'BLOCKED', version: 2, orderId: null,
      measure: { id: measure.id, status: 'BLOCKED', version: 2, person: { fullName: expect.stringContaining(me.lastName) } },
    });
    expect(blocked.cursor).toMatch(/^[0-9a-f-]{36}$/);

    // The recipient re-activates it (through the gateway's HTTP endpoint): live again.
    await reactivate(measure.id, 2, recipient);
    const events = await byRecipient.waitFor(2);
    expect(events[1]).toMatchObject({ status: 'AWAITING_CHOICE', version: 3, measure: { status: 'AWAITING_CHOICE', version: 3 } });
    expect(events[1].cursor > events[0].cursor).toBe(true);

    for (const w of [byDepartment, byIntegrator]) {
      const seen = await w.waitFor(2);
      expect(seen.map((e) => [e.status, e.version, e.cursor])).toEqual(events.map((e) => [e.status, e.version, e.cursor]));
    }
    await settle(500);
    expect(byRecipient.events.map((e) => e.status)).toEqual(['BLOCKED', 'AWAITING_CHOICE']);
    for (const w of [byOutsider, byOtherDepartment]) {
      expect(w.errors).toEqual([]);
      expect(w.kept()).toEqual([]);
    }
    for (const w of refused) {
      expect(w.events).toEqual([]);
      expect(JSON.stringify(w.errors)).toContain('FORBIDDEN');
    }
    for (const w of [byRecipient, byDepartment, byIntegrator, byOutsider, byOtherDepartment]) w.stop();
  });

  it('reconnecting with since delivers the missed measure events exactly once, in order, then live ones', async () => {
    clock.set(new Date('2026-12-01T04:00:00Z'));
    const measure = await publishMeasure();
    const recipient = await tokenFor(recipientIdentity(ME));

    const first = watch(recipient, { m: measure.id }, measure.id);
    await settle();
    clock.set(new Date('2027-02-01T05:00:00Z'));
    await runChoiceWindow();
    const [blocked] = await first.waitFor(1);
    expect(blocked).toMatchObject({ status: 'BLOCKED', version: 2 });
    first.stop();

    // Offline: re-activated, blocked again two months later, re-activated again.
    const v3 = await reactivate(measure.id, 2, recipient);
    clock.set(new Date('2027-04-02T05:00:00Z'));
    await runChoiceWindow();
    await reactivate(measure.id, v3.version + 1, recipient);

    const resumed = watch(recipient, { m: measure.id, since: blocked.cursor }, measure.id);
    const missed = await resumed.waitFor(3);
    expect(missed.map((e) => [e.status, e.version])).toEqual([['AWAITING_CHOICE', 3], ['BLOCKED', 4], ['AWAITING_CHOICE', 5]]);
    expect(missed.every((e) => e.cursor > blocked.cursor)).toBe(true);

    // Then live: blocked once more.
    clock.set(new Date('2027-06-03T05:00:00Z'));
    await runChoiceWindow();
    await resumed.waitFor(4);
    await settle(500);
    expect(resumed.kept().map((e) => [e.status, e.version])).toEqual([['AWAITING_CHOICE', 3], ['BLOCKED', 4], ['AWAITING_CHOICE', 5], ['BLOCKED', 6]]);
    expect(new Set(resumed.kept().map((e) => e.cursor)).size).toBe(4);
    const cursors = resumed.kept().map((e) => e.cursor);
    expect([...cursors].sort()).toEqual(cursors);
    resumed.stop();
  });

  it('refuses a malformed since or measure id', async () => {
    const recipient = await tokenFor(recipientIdentity(ME));
    const bad = watch(recipient, { m: 'not-a-uuid' }, '');
    const badSince = watch(recipient, { since: 'yesterday' }, '');
    await settle(300);
    const until = Date.now() + 10_000;
    while ((bad.errors.length === 0 || badSince.errors.length === 0) && Date.now() < until) await settle(25);
    expect(JSON.stringify(bad.errors)).toContain('BAD_USER_INPUT');
    expect(JSON.stringify(badSince.errors)).toContain('BAD_USER_INPUT');
    // The same rule over HTTP: the measure query needs access too.
    expect(codes(await gql(platform.gateway.url, 'query($id: ID!) { measure(id: $id) { id } }', { id: world().measures.find((m) => m.personId === person(OUTSIDER).id)!.id }, recipient))).toEqual(['FORBIDDEN']);
  });
});
