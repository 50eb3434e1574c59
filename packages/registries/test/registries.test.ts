import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { REGISTRY_ONLY_ORGANIZATIONS, REGISTRY_ONLY_PERSONS } from '@aleumet/demo-data';
import {
  HttpLegalEntityRegistry, HttpPersonRegistry, HttpPhoneRegistry, RegistryConfigError, RegistryUnavailable, registries, registriesFromEnv, setRegistries, type RegistryEndpoint,
} from '@aleumet/registries';

/**
 * The HTTP registry adapters against a local server speaking the message format of
 * docs/registries.md: authentication, FOUND/NOT_FOUND, timeouts, retries, the circuit breaker
 * (open, half-open, closed again), malformed answers, and the production configuration check.
 */

interface Seen { path: string; authorization: string | undefined; body: { messageId: string; sender: string; request: Record<string, string> } }
type Behaviour = (seen: Seen, res: ServerResponse) => void;

let server: Server;
let base: string;
let behaviour: Behaviour;
const seen: Seen[] = [];

const reply = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};
const AUTH = `Basic ${Buffer.from('portal:s3cret').toString('base64')}`;

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const s: Seen = { path: req.url ?? '', authorization: req.headers.authorization, body: JSON.parse(raw) };
      seen.push(s);
      if (s.authorization !== AUTH) return reply(res, 401, { error: 'unauthorized' });
      behaviour(s, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => {
  seen.length = 0;
});

let clock = 0;
const endpoint = (path: string, over: Partial<RegistryEndpoint> = {}): RegistryEndpoint => ({
  url: `${base}${path}`, username: 'portal', password: 's3cret', timeoutMs: 5000, retries: 2, backoffMs: 5, sender: 'aleumet-test',
  breaker: { failureThreshold: 2, openMs: 1000, now: () => clock }, ...over,
});

const person = REGISTRY_ONLY_PERSONS[1]!;
const found = (s: Seen, res: ServerResponse, data: unknown) => reply(res, 200, { messageId: s.body.messageId, status: 'FOUND', data });

describe('person registry (ГБД ФЛ)', () => {
  it('sends the IIN with the portal credentials and reads the person', async () => {
    behaviour = (s, res) => found(s, res, { ...person });
    const answer = await new HttpPersonRegistry(endpoint('/gbdfl')).personByIin(person.iin);
    expect(answer).toMatchObject({ iin: person.iin, lastName: person.lastName, regionCode: person.regionCode, idDocument: { number: person.idDocument.number } });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ path: '/gbdfl', authorization: AUTH, body: { sender: 'aleumet-test', request: { iin: person.iin } } });
    expect(seen[0]!.body.messageId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('NOT_FOUND is null; wrong credentials are unavailable, not retried', async () => {
    behaviour = (s, res) => reply(res, 200, { messageId: s.body.messageId, status: 'NOT_FOUND' });
    expect(await new HttpPersonRegistry(endpoint('/gbdfl')).personByIin(person.iin)).toBeNull();
    seen.length = 0;
    const wrong = new HttpPersonRegistry(endpoint('/gbdfl', { password: 'nope' }));
    await expect(wrong.personByIin(person.iin)).rejects.toThrow(/refused the portal's credentials \(HTTP 401\)/);
    expect(seen).toHaveLength(1);
  });

  it('an answer about another IIN or without the message id is refused', async () => {
    behaviour = (s, res) => found(s, res, { ...person, iin: REGISTRY_ONLY_PERSONS[0]!.iin });
    await expect(new HttpPersonRegistry(endpoint('/gbdfl')).personByIin(person.iin)).rejects.toThrow(/another IIN/);
    behaviour = (_s, res) => reply(res, 200, { messageId: 'other', status: 'FOUND', data: person });
    await expect(new HttpPersonRegistry(endpoint('/gbdfl')).personByIin(person.iin)).rejects.toBeInstanceOf(RegistryUnavailable);
  });

  it('a timeout and 503 are retried with the same message id, then answered', async () => {
    let n = 0;
    behaviour = (s, res) => {
      n++;
      if (n === 1) return void setTimeout(() => found(s, res, person), 3000); // far beyond the 400 ms timeout
      if (n === 2) return reply(res, 503, { error: 'busy' });
      found(s, res, person);
    };
    const answer = await new HttpPersonRegistry(endpoint('/gbdfl', { timeoutMs: 400, retries: 4 })).personByIin(person.iin);
    expect(answer?.iin).toBe(person.iin);
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(new Set(seen.map((s) => s.body.messageId)).size).toBe(1);
  });

  it('gives up after the retries: unavailable, with the attempts', async () => {
    behaviour = (_s, res) => reply(res, 502, {});
    await expect(new HttpPersonRegistry(endpoint('/gbdfl', { retries: 1 })).personByIin(person.iin)).rejects.toThrow(/HTTP 502 \(after 2 attempts\)/);
    expect(seen).toHaveLength(2);
  });
});

describe('circuit breaker', () => {
  it('opens after repeated failures, lets one trial through when half-open, closes on success', async () => {
    clock = 0;
    const registry = new HttpPhoneRegistry(endpoint('/bmg', { retries: 0 }));
    behaviour = (_s, res) => reply(res, 500, {});
    await expect(registry.phoneByIin(person.iin)).rejects.toThrow(/HTTP 500/);
    await expect(registry.phoneByIin(person.iin)).rejects.toThrow(/HTTP 500/);
    expect(registry.client.breaker.state).toBe('open');
    // Open: refused at once, the server is not asked.
    await expect(registry.phoneByIin(person.iin)).rejects.toThrow(/not asked until it recovers/);
    expect(seen).toHaveLength(2);
    // Half-open after openMs: a failing trial opens it again.
    clock = 1000;
    expect(registry.client.breaker.state).toBe('half-open');
    await expect(registry.phoneByIin(person.iin)).rejects.toThrow(/HTTP 500/);
    expect(registry.client.breaker.state).toBe('open');
    expect(seen).toHaveLength(3);
    // Half-open again; only one trial at a time, and its success closes the breaker.
    clock = 2000;
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    behaviour = (s, res) => void held.then(() => found(s, res, { phone: '+77019900001', verifiedAt: '2025-01-15T06:00:00Z' }));
    const trial = registry.phoneByIin(person.iin);
    await expect(registry.phoneByIin(person.iin)).rejects.toThrow(/not asked until it recovers/);
    release();
    expect(await trial).toEqual({ phone: '+77019900001', verifiedAt: '2025-01-15T06:00:00.000Z' });
    expect(registry.client.breaker.state).toBe('closed');
    expect(await registry.phoneByIin(person.iin)).toMatchObject({ phone: '+77019900001' });
  });
});

describe('legal-entity registry (ГБД ЮЛ)', () => {
  const org = REGISTRY_ONLY_ORGANIZATIONS[2]!;
  it('reads the card: name, short name, ownership form, head, founders with citizenship, addresses, OKED', async () => {
    behaviour = (s, res) => found(s, res, org);
    const answer = await new HttpLegalEntityRegistry(endpoint('/gbdul')).legalEntityByBin(org.bin);
    expect(seen[0]!.body.request).toEqual({ bin: org.bin });
    expect(answer).toEqual({ ...org });
    expect(answer!.founders.map((f) => f.citizenship)).toEqual(['KZ', 'DE']);
  });
  it('a malformed card is unavailable, never half-read', async () => {
    behaviour = (s, res) => found(s, res, { ...org, okedCodes: ['not-a-code'] });
    await expect(new HttpLegalEntityRegistry(endpoint('/gbdul')).legalEntityByBin(org.bin)).rejects.toThrow(/OKED codes look like/);
  });
});

describe('configuration', () => {
  it('production without a registry URL is a start-up error naming what is missing', () => {
    expect(() => registriesFromEnv({ NODE_ENV: 'production', PERSON_REGISTRY_URL: `${base}/gbdfl`, PERSON_REGISTRY_USERNAME: 'u', PERSON_REGISTRY_PASSWORD: 'p' }))
      .toThrow(new RegistryConfigError('State registries are not configured: set PHONE_REGISTRY_URL, LEGAL_ENTITY_REGISTRY_URL (with _USERNAME and _PASSWORD); NODE_ENV=production never uses the demo registries'));
    expect(() => registriesFromEnv({ PERSON_REGISTRY_URL: `${base}/gbdfl` })).toThrow(/PERSON_REGISTRY_USERNAME and PERSON_REGISTRY_PASSWORD must be set/);
  });
  it('the process registries are read from the environment on first use: a subgraph starting in production without them refuses to start', () => {
    setRegistries(undefined);
    vi.stubEnv('NODE_ENV', 'production');
    try {
      expect(() => registries()).toThrow(/State registries are not configured: set PERSON_REGISTRY_URL, PHONE_REGISTRY_URL, LEGAL_ENTITY_REGISTRY_URL/);
    } finally {
      vi.unstubAllEnvs();
      setRegistries(undefined);
    }
  });
  it('configured registries are asked over HTTP; outside production the others serve the demo world', async () => {
    behaviour = (s, res) => reply(res, 200, { messageId: s.body.messageId, status: 'NOT_FOUND' });
    const r = registriesFromEnv({ PERSON_REGISTRY_URL: `${base}/gbdfl`, PERSON_REGISTRY_USERNAME: 'portal', PERSON_REGISTRY_PASSWORD: 's3cret' });
    expect(await r.persons.personByIin(person.iin)).toBeNull();
    expect(seen).toHaveLength(1);
    expect((await r.legalEntities.legalEntityByBin(REGISTRY_ONLY_ORGANIZATIONS[0]!.bin))?.shortName).toBe('ТОО «Жаңа Қадам»');
    expect((await r.phones.phoneByIin(REGISTRY_ONLY_PERSONS[2]!.iin))).toBeNull();
  });
});
