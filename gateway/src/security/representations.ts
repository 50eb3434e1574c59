import { bearerExpiresAt, signToken, type Identity } from '@aleumet/core';
import { createLogger } from '@aleumet/observability';

const logger = createLogger('gateway');

/** Where the gateway reads for whom a person may act now (the people subgraph's directory, directory.ts). */
export interface RepresentationSource {
  /** Principals of the representations in force now; null when the supergraph has no directory. */
  representations(personId: string): Promise<string[] | null>;
}

export interface Narrowed {
  identity: Identity;
  authorization: string;
}

/**
 * A sign-in token carries `represents` for up to 12 hours, but a representation ends sooner: the person
 * revokes the power of attorney, the department withdraws its verification, the term runs out. Here, on
 * every request (HTTP, each graphql-ws operation and each subscription event), the caller's `represents`
 * is narrowed to the representations in force, read from the people subgraph's internal directory, and
 * the token forwarded to the subgraphs is signed again with the narrowed list (same expiry). The
 * subgraphs trust the forwarded token, which only the gateway can have narrowed: a caller reaching a
 * subgraph port directly needs the internal signature (@aleumet/core internal.ts), i.e. is the gateway.
 *
 * Never cached between requests: the answer depends on the platform clock (the term ends by itself, with
 * or without the expiry job), and it is one indexed read for the few callers whose token names anyone.
 * Concurrent requests of one person share one read. When the directory cannot be read the caller acts
 * for nobody (fail closed) until it can.
 */
export function useRepresentations(source: RepresentationSource) {
  const inFlight = new Map<string, Promise<string[] | null>>();
  const tokens = new Map<string, string>();
  const read = (personId: string): Promise<string[] | null> => {
    let p = inFlight.get(personId);
    if (!p) {
      p = source.representations(personId).finally(() => inFlight.delete(personId));
      inFlight.set(personId, p);
    }
    return p;
  };

  /** For whom this person acts now, of `granted` (the token's list). */
  async function inForce(personId: string, granted: readonly string[]): Promise<string[]> {
    let current: string[] | null;
    try {
      current = await read(personId);
    } catch (e) {
      logger.warn({ err: e }, 'representations unreadable: the caller acts for nobody on this request');
      return [];
    }
    if (current === null) return [...granted];
    const now = new Set(current);
    return granted.filter((p) => now.has(p));
  }

  return {
    inForce,
    /** The identity and forwarded token with `represents` narrowed (the same objects when nothing ended). */
    async narrow(identity: Identity, authorization: string): Promise<Narrowed> {
      if (!identity.personId || !identity.represents.length) return { identity, authorization };
      const kept = await inForce(identity.personId, identity.represents);
      if (kept.length === identity.represents.length) return { identity, authorization };
      const narrowed: Identity = { ...identity, represents: kept };
      // One narrowed token per token and list: subgraphs verify each token once, and shared subscriptions stay shared.
      const key = `${kept.join(',')}|${authorization}`;
      let token = tokens.get(key);
      if (!token) {
        const exp = bearerExpiresAt(authorization) ?? Date.now() + 60_000;
        const seconds = Math.max(1, Math.floor((exp - Date.now()) / 1000));
        token = `Bearer ${await signToken(narrowed, `${seconds}s`)}`;
        if (tokens.size >= 10_000) tokens.delete(tokens.keys().next().value!);
        tokens.set(key, token);
      }
      return { identity: narrowed, authorization: token };
    },
  };
}
export type Representations = ReturnType<typeof useRepresentations>;
