import { integratorChanges } from '@aleumet/core';
import { ChangeFeed, type TableChange } from '../cache/changes.js';

/**
 * What a change touched, as change-channel tags: the table, and `<table>:<column>=<value>` for each key
 * it reported (`all`: every cached credential). The directory names the tags of each answer it gives
 * (directory.ts), so the gateway needs to know nothing of the tables behind keys and clients.
 */
export type CredentialChange = { all: true } | { tags: Set<string> };

export function credentialChange(c: TableChange): CredentialChange {
  if ('all' in c) return { all: true };
  return { tags: new Set([c.t, ...c.k.map((k) => `${c.t}:${k}`)]) };
}

/** Whether a change makes an answer with these tags stale. */
export const touches = (change: CredentialChange, tags: readonly string[]): boolean =>
  'all' in change || tags.some((t) => change.tags.has(t));

/**
 * Revocation without waiting for the key cache: on a PostgreSQL server the gateway LISTENs to the change
 * channel (@aleumet/protocol cache.ts) and evicts what a change touched as it commits; when the feed is
 * (re)connected everything is evicted (changes may have been missed). An admin API in this process
 * announces its changes directly (`integratorChanges`): on the embedded database notifications do not
 * cross connections. What neither reaches (another process on the embedded database: the CLI) is seen
 * when the cached entry expires (`keyCacheMs`).
 */
export function watchCredentials(databaseUrl: string | undefined, onChange: (change: CredentialChange) => void): { close(): Promise<void> } {
  const local = () => onChange({ all: true });
  integratorChanges.on('change', local);
  const feed = databaseUrl
    ? new ChangeFeed(databaseUrl, {
        change: (c) => onChange(credentialChange(c)),
        reset: () => onChange({ all: true }),
        // Embedded database: this process's admin API still announces its changes (integratorChanges).
        unsupported: () => {},
      })
    : null;
  void feed?.start();
  return {
    async close() {
      integratorChanges.off('change', local);
      await feed?.close();
    },
  };
}
