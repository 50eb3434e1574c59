import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureLogs } from '@aleumet/observability';
import { startTestPlatform } from '@aleumet/platform/testing';
import type { Platform } from '@aleumet/platform';
import { departmentIdentity, gql, recipientIdentity, tokenFor, world } from '@aleumet/testkit';
import { DASHBOARD } from '../../bench/src/queries.js';

/**
 * What operators see: one structured line per request at the gateway and at each subgraph, with the
 * request id clients get, and no personal data in any line; Prometheus metrics on a port of their own.
 */
let platform: Platform;
let logs: ReturnType<typeof captureLogs>;
beforeAll(async () => {
  logs = captureLogs();
  platform = await startTestPlatform({ gatewayOptions: { metrics: { port: 0, host: '127.0.0.1' } } });
});
afterAll(async () => {
  logs?.stop();
  await platform?.close();
});

const parsed = () => logs.lines.map((l) => JSON.parse(l) as Record<string, any>);

/** POST /graphql, keeping the answer's request id. */
async function post(query: string, variables: object, token?: string) {
  const res = await fetch(platform.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { requestId: res.headers.get('x-request-id')!, body: (await res.json()) as any };
}

// Persons other files leave alone, each with an order (so the dashboard reaches all five subgraphs).
const PEOPLE = [...Array(120).keys()].map((k) => 770 + k).filter((i) => world().orders.some((o) => o.personId === world().persons[i]!.id && o.status !== 'CANCELLED')).slice(0, 3);

describe('logs and metrics', () => {
  it('writes one line per request at the gateway and per subgraph request, with the id the client got, and no IIN or name anywhere', async () => {
    const persons = PEOPLE.map((i) => world().persons[i]!);
    const seen: string[] = [];
    for (const i of PEOPLE) {
      const r = await post(DASHBOARD, { first: 20 }, await tokenFor(recipientIdentity(i)));
      expect(r.body.errors).toBeUndefined();
      expect(r.body.data.me.iin).toBe(world().persons[i]!.iin);
      seen.push(r.requestId);
    }
    // A department looks a person up by IIN; someone starts signing in with an IIN; a bad token.
    const person = persons[0]!;
    const lookup = await post('query Lookup($iin: String!) { personByIin(iin: $iin) { id fullName iin } }', { iin: person.iin }, await tokenFor(departmentIdentity(person.regionCode)));
    expect(lookup.body.errors).toBeUndefined();
    await post('mutation SignIn($iin: String!) { signInChallenge(iin: $iin) { challenge } }', { iin: persons[1]!.iin });
    const refused = await post('{ me { id } }', {}, 'not-a-token');
    expect(refused.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');

    const lines = parsed();
    const requests = lines.filter((l) => l.msg === 'request');
    const gatewayLine = (id: string) => requests.find((l) => l.name === 'gateway' && l.requestId === id);
    for (const id of seen) {
      const line = gatewayLine(id)!;
      expect(line).toMatchObject({ operation: 'Dashboard', type: 'query', caller: 'recipient', outcome: 'ok', status: 200 });
      expect(line.ms).toBeGreaterThan(0);
      // The subgraphs' lines of the same request carry the same id (the gateway forwards it).
      const sub = requests.filter((l) => l.name !== 'gateway' && l.requestId === id);
      expect(new Set(sub.map((l) => l.name))).toEqual(new Set(['people', 'programs', 'orders', 'catalog', 'finance']));
      expect(sub.every((l) => typeof l.ms === 'number' && l.outcome === 'ok')).toBe(true);
    }
    expect(gatewayLine(lookup.requestId)).toMatchObject({ operation: 'Lookup', caller: 'employment_department' });
    expect(gatewayLine(refused.requestId)).toMatchObject({ outcome: 'UNAUTHENTICATED', caller: 'anonymous' });

    // No personal data: not the IINs sent and answered, not the names answered, not any seeded IIN.
    const text = logs.lines.join('\n');
    for (const p of persons) {
      expect(text).not.toContain(p.iin);
      expect(text).not.toContain(p.lastName);
      expect(text).not.toContain(p.firstName);
    }
    expect(text).not.toMatch(/(?<!\d)\d{12}(?!\d)/);
    const iins = new Set(world().persons.map((p) => p.iin));
    expect([...text.matchAll(/\d{12}/g)].filter((m) => iins.has(m[0]))).toEqual([]);
    // Never the token either.
    expect(text).not.toMatch(/Bearer|eyJ[A-Za-z0-9_-]{10,}/);
  });

  it('serves Prometheus metrics on the gateway\'s own metrics port and on each subgraph, never on the public port', async () => {
    await post(DASHBOARD, { first: 5 }, await tokenFor(recipientIdentity(PEOPLE[0]!)));
    const gateway = await (await fetch(platform.gateway.metricsUrl!)).text();
    expect(gateway).toMatch(/aleumet_requests_total\{[^}]*operation="Dashboard"[^}]*outcome="ok"[^}]*service="gateway"\} \d+/);
    expect(gateway).toMatch(/aleumet_request_duration_seconds_bucket\{/);
    expect(gateway).toMatch(/aleumet_subgraph_fetch_duration_seconds_count\{[^}]*subgraph="orders"/);
    expect(gateway).toMatch(/aleumet_entity_cache_events_total\{event="(hit|miss)"/);
    expect(gateway).toMatch(/aleumet_subscriptions_open\{side="client"/);
    expect(gateway).toMatch(/aleumet_requests_total\{[^}]*outcome="UNAUTHENTICATED"/);
    // The public port (the one the web proxy forwards to) has no /metrics.
    expect((await fetch(platform.gateway.url.replace(/\/graphql$/, '/metrics'))).status).toBe(404);

    const orders = await (await fetch(platform.subgraphs.orders.url.replace(/\/graphql$/, '/metrics'))).text();
    expect(orders).toMatch(/aleumet_requests_total\{[^}]*service="orders"/);
    expect(orders).toMatch(/aleumet_outbox_backlog\{kind="event",service="orders"\} \d+/);
    expect(orders).toMatch(/aleumet_outbox_oldest_pending_seconds\{kind="command",service="orders"\}/);
    expect(orders).toMatch(/aleumet_db_pool_connections\{state="used",service="orders"\}/);
    const programs = await (await fetch(platform.subgraphs.programs.url.replace(/\/graphql$/, '/metrics'))).text();
    expect(programs).toMatch(/aleumet_notification_queue\{[^}]*service="programs"\} \d+/);
  });
});
