import diagnostics from 'node:diagnostics_channel';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import type { MikroORM } from '@mikro-orm/postgresql';
import { CACHE_EXTENSION } from '@aleumet/protocol';
import { DependenceTable, type CacheHints } from './hints.js';
import { markNoStore, newRequestReads, readScope, trackReads } from './reads.js';

export * from './reads.js';
export * from './hints.js';

/**
 * Cache tagging for a subgraph, opt-in (`cache: cacheTags(hints)` in its definition): each query's answer
 * says what it read, in the format of @aleumet/protocol cache.ts. What the answer depends on comes from
 * three places, none of them the request's context:
 *   - rows: the SQL statements the request sends (reads.ts);
 *   - the caller and the time: the fields it resolved, against the subgraph's declared hints (hints.ts);
 *   - other services: any HTTP request made while serving it (a `fetch`, seen on undici's diagnostics
 *     channel) makes it `noStore`, since their reads are not known here.
 */
export interface CacheTagging {
  /** What the subgraph declared. */
  readonly hints: CacheHints;
  /** Checks the hints against the schema and starts classifying the ORM's statements. */
  attach(orm: MikroORM, schema: GraphQLSchema, guardedTypes?: readonly string[]): void;
  /** The Apollo Server plugin that follows resolved fields and adds `extensions.cache`. */
  readonly plugin: ApolloServerPlugin;
  /**
   * Runs the handling of one HTTP request with its own record of reads. `shared()` says that several
   * callers share this request's reads (a callers batch): their answers carry no cache extension.
   */
  track<T>(handle: (shared: () => void) => T): T;
}

let watchingFetch = false;
function markOutgoingRequests(): void {
  if (watchingFetch) return;
  watchingFetch = true;
  diagnostics.subscribe('undici:request:create', () => markNoStore());
}

export function cacheTags(hints: CacheHints = {}): CacheTagging {
  const table = new DependenceTable(hints);
  return {
    hints,
    attach(orm, schema, guardedTypes) {
      table.check(schema, guardedTypes);
      trackReads(orm);
      markOutgoingRequests();
    },
    plugin: {
      async requestDidStart() {
        return {
          async executionDidStart() {
            return {
              willResolveField({ info }) {
                const reads = readScope.getStore()?.reads;
                if (!reads || reads.noStore || reads.batch || (reads.callerRead && !table.hasTime)) return;
                const d = table.of(info.parentType.name, info.fieldName);
                if (d === 'time') reads.markNoStore();
                else if (d === 'caller') reads.callerRead = true;
              },
            };
          },
          async willSendResponse({ response, operation }) {
            if (response.body.kind !== 'single' || operation?.operation !== 'query') return;
            const scope = readScope.getStore();
            if (!scope || scope.reads.batch) return;
            const result = response.body.singleResult;
            // An unexpected error (a failed statement, a bug) may not happen again: never cache it.
            if (result.errors?.some((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR')) scope.reads.markNoStore();
            result.extensions = { ...result.extensions, [CACHE_EXTENSION]: scope.reads.extension() };
          },
        };
      },
    },
    track(handle) {
      const scope = newRequestReads();
      return readScope.run(scope, () => handle(() => void (scope.reads.batch = true)));
    },
  };
}
