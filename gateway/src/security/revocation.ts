import { integratorChanges } from '@aleumet/core';
import { ChangeFeed, type TableChange } from '../cache/changes.js';
import type { CredentialChange } from './api-keys.js';

/** The people subgraph's tables behind API keys, clients and their registered operations. */
const TABLES = new Set(['people.api_key', 'people.integrator_client', 'people.persisted_operation']);

/** What a table-change notification touches: key ids (`key_id=`), client ids (`client_id=`, or a client row's `id=`). */
export function credentialChange(c: TableChange): CredentialChange | null {
  if (!TABLES.has(c.t)) return null;
  if ('all' in c) return { all: true };
  const keyIds = new Set<string>();
  const clientIds = new Set<string>();
  for (const k of c.k) {
    const at = k.indexOf('=');
    const column = k.slice(0, at);
    const value = k.slice(at + 1);
    if (column === 'key_id') keyIds.add(value);
    else if (column === 'client_id' || (column === 'id' && c.t === 'people.integrator_client')) clientIds.add(value);
  }
  return { keyIds, clientIds };
}

/**
 * Revocation without waiting for the key cache: on a PostgreSQL server the gateway LISTENs to the table
 * changes the people subgraph's triggers notify (server-kit changes.ts) and evicts what a change touched
 * as it commits; when the feed is (re)connected everything is evicted (changes may have been missed).
 * The admin API of a people subgraph in this process announces its changes directly (`integratorChanges`):
 * on the embedded database notifications do not cross connections. What neither reaches (another process
 * on the embedded database: the CLI) is seen when the cached entry expires (`keyCacheMs`).
 */
export function watchCredentials(databaseUrl: string | undefined, onChange: (change: CredentialChange) => void): { close(): Promise<void> } {
  const local = () => onChange({ all: true });
  integratorChanges.on('change', local);
  const feed = databaseUrl
    ? new ChangeFeed(databaseUrl, {
        change: (c) => {
          const change = credentialChange(c);
          if (change) onChange(change);
        },
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
