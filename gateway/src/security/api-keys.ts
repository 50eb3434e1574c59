import { createHash } from 'node:crypto';
import {
  Role, parseApiKey, signToken, unauthenticated, verifyApiKeySecret, type Identity,
} from '@aleumet/core';
import type { ClientRecord, IntegratorStore, KeyRecord } from './directory.js';
import { touches, type CredentialChange } from './revocation.js';

export interface IntegratorPrincipal {
  identity: Identity;
  client: ClientRecord;
  /** Platform JWT carrying the client's scopes, forwarded to the subgraphs. */
  token: string;
  keyId: string;
  /** Change-channel tags of the key and client it was read from. */
  changeTags: readonly string[];
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

export type { CredentialChange } from './revocation.js';

/**
 * API keys → integrator identity, cached for `cacheMs` — failures too, so guessing costs no scrypt work
 * per request. A change of a key or client (revocation, rotation, a disabled client, new scopes or
 * operations) evicts its entries at once (`evict`, driven by security/revocation.ts); `cacheMs` bounds
 * how long a change can go unseen when no notification reaches the gateway.
 */
export function useApiKeys(store: IntegratorStore | null, { cacheMs, tokenTtlSeconds }: { cacheMs: number; tokenTtlSeconds: number }) {
  const keys = new Map<string, { at: number; value: IntegratorPrincipal | Error }>();
  const clients = new Map<string, { at: number; value: ClientRecord | null }>();
  const lastTouched = new Map<string, number>();
  const keyStates = new Map<string, { at: number; value: Error | null; tags: readonly string[] }>();
  /** Tables named by any tag the directory gave: a change elsewhere cannot touch a credential. */
  const tables = new Set<string>();
  const watch = (tags: readonly string[]) => {
    for (const t of tags) tables.add(t.split(':')[0]!);
  };
  /** Concurrent lookups of one key or client (connections opening at once) share one call to the directory. */
  const inFlight = new Map<string, Promise<unknown>>();
  const once = <T>(id: string, read: () => Promise<T>): Promise<T> => {
    let p = inFlight.get(id) as Promise<T> | undefined;
    if (!p) {
      p = read().finally(() => inFlight.delete(id));
      inFlight.set(id, p);
    }
    return p;
  };
  const readKey = (keyId: string) =>
    once(`key:${keyId}`, async () => {
      const record = await store!.key(keyId);
      if (record) watch(record.changeTags);
      return record;
    });

  const keyState = (record: KeyRecord | null) =>
    !record ? unauthenticated('API key unknown')
      : record.revokedAt ? unauthenticated('API key revoked')
      : record.expiresAt.getTime() <= Date.now() ? unauthenticated('API key expired') : null;

  async function client(clientId: string): Promise<ClientRecord | null> {
    if (!store) return null;
    const hit = clients.get(clientId);
    if (hit && Date.now() - hit.at < cacheMs) return hit.value;
    return once(`client:${clientId}`, async () => {
      const value = await store.client(clientId);
      if (value) watch(value.changeTags);
      clients.set(clientId, { at: Date.now(), value });
      return value;
    });
  }

  async function resolve(key: string): Promise<IntegratorPrincipal> {
    const parsed = parseApiKey(key);
    if (!parsed || !store) throw unauthenticated('Invalid API key');
    const record = await readKey(parsed.keyId);
    if (record) keyStates.set(record.keyId, { at: Date.now(), value: keyState(record), tags: record.changeTags });
    if (record?.client !== undefined) {
      if (record.client) watch(record.client.changeTags);
      clients.set(record.clientId, { at: Date.now(), value: record.client });
    }
    if (!record || !(await verifyApiKeySecret(parsed.secret, record.hash))) throw unauthenticated('Invalid API key');
    if (record.revokedAt) throw unauthenticated('API key revoked');
    const c = await client(record.clientId);
    if (!c || !c.active) throw unauthenticated('Integrator client disabled');
    const identity: Identity = { sub: c.id, role: Role.INTEGRATOR, represents: [], scopes: c.scopes, clientId: c.id, keyId: record.keyId };
    return { identity, client: c, keyId: record.keyId, changeTags: [...record.changeTags, ...c.changeTags], token: await signToken(identity, `${tokenTtlSeconds}s`), expiresAt: record.expiresAt } as IntegratorPrincipal & { expiresAt: Date };
  }

  return {
    client,
    /**
     * Throws UNAUTHENTICATED when the key a client-credential token came from is revoked or expired, so the
     * token stops within `cacheMs` rather than at its own expiry.
     */
    async assertKeyUsable(keyId: string): Promise<void> {
      let hit = keyStates.get(keyId);
      if (!hit || Date.now() - hit.at >= cacheMs) {
        const record = store ? await readKey(keyId) : null;
        const value = keyState(record);
        hit = { at: Date.now(), value, tags: record?.changeTags ?? [] };
        if (keyStates.size > 10_000) keyStates.clear();
        keyStates.set(keyId, hit);
      }
      if (hit.value) throw hit.value;
    },
    /** The integrator behind an API key, or UNAUTHENTICATED (invalid, revoked, expired, client disabled). */
    async fromKey(key: string): Promise<IntegratorPrincipal> {
      const id = sha(key);
      let hit = keys.get(id);
      if (!hit || Date.now() - hit.at >= cacheMs) {
        // One scrypt check for connections presenting the same key at once.
        hit = await once(`api-key:${id}`, async () => {
          let value: IntegratorPrincipal | Error;
          try {
            value = await resolve(key);
          } catch (e) {
            value = e as Error;
          }
          const fresh = { at: Date.now(), value };
          if (keys.size > 10_000) keys.clear();
          keys.set(id, fresh);
          return fresh;
        });
      }
      if (hit.value instanceof Error) throw hit.value;
      const principal = hit.value as IntegratorPrincipal & { expiresAt: Date };
      if (principal.expiresAt.getTime() <= Date.now()) throw unauthenticated('API key expired');
      // last_used_at at most once a minute per key.
      const touched = lastTouched.get(principal.keyId) ?? 0;
      if (store && Date.now() - touched > 60_000) {
        lastTouched.set(principal.keyId, Date.now());
        store.touchKey(principal.keyId, new Date()).catch(() => {});
      }
      return principal;
    },
    clear() {
      keys.clear();
      clients.clear();
      keyStates.clear();
    },
    /**
     * Forgets what a change touched, so the next request reads the key and client again. True when the
     * change concerned credentials at all (open connections then re-check theirs).
     */
    evict(change: CredentialChange): boolean {
      if ('all' in change) {
        keys.clear();
        clients.clear();
        keyStates.clear();
        return true;
      }
      if (![...change.tags].some((t) => tables.has(t))) return false;
      // Refusals too (a client enabled again, a key not there before): they name no tags of their own.
      for (const [id, hit] of keys) if (hit.value instanceof Error || touches(change, hit.value.changeTags)) keys.delete(id);
      for (const [id, hit] of keyStates) if (!hit.tags.length || touches(change, hit.tags)) keyStates.delete(id);
      for (const [id, hit] of clients) if (!hit.value || touches(change, hit.value.changeTags)) clients.delete(id);
      return true;
    },
  };
}
export type ApiKeys = ReturnType<typeof useApiKeys>;
