import diagnostics from 'node:diagnostics_channel';
import type { ApolloServerPlugin } from '@apollo/server';
import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
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
   * Runs the handling of one HTTP request with its own record of reads. In a callers batch the callers
   * share it: each answer's extension says what the whole batch had read when that answer was complete,
   * which includes everything the answer depends on (more tags only evict it sooner; one caller-dependent
   * field or clock read in the batch makes every later answer private or uncacheable).
   */
  track<T>(handle: () => T): T;
}

let watchingFetch = false;
function markOutgoingRequests(): void {
  if (watchingFetch) return;
  watchingFetch = true;
  diagnostics.subscribe('undici:request:create', () => markNoStore());
}

const marked = new WeakSet<GraphQLSchema>();

/**
 * Each field that depends on the caller or the time marks the request's reads when it is resolved. A wrapper
 * on those fields only, rather than a `willResolveField` hook: with a hook, Apollo Server wraps every field of
 * the schema (scalars included) in its instrumentation, which cost more than the rest of the tagging.
 */
function markResolvedFields(schema: GraphQLSchema, table: DependenceTable): void {
  if (marked.has(schema)) return;
  marked.add(schema);
  for (const type of Object.values(schema.getTypeMap())) {
    // Not `instanceof`: @apollo/subgraph builds the schema with the CommonJS copy of graphql.
    if (type.name.startsWith('__') || type.constructor.name !== 'GraphQLObjectType') continue;
    for (const field of Object.values((type as GraphQLObjectType).getFields())) {
      const d = table.of(type.name, field.name);
      if (d === 'none') continue;
      const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
      field.resolve = (root, args, ctx, info) => {
        const reads = readScope.getStore()?.reads;
        if (reads) {
          if (d === 'time') reads.markNoStore();
          else reads.callerRead = true;
        }
        return resolve(root, args, ctx, info);
      };
    }
  }
}

export function cacheTags(hints: CacheHints = {}): CacheTagging {
  const table = new DependenceTable(hints);
  return {
    hints,
    attach(orm, schema, guardedTypes) {
      table.check(schema, guardedTypes);
      markResolvedFields(schema, table);
      trackReads(orm);
      markOutgoingRequests();
    },
    plugin: {
      async requestDidStart() {
        return {
          async willSendResponse({ response, operation }) {
            if (response.body.kind !== 'single' || operation?.operation !== 'query') return;
            const scope = readScope.getStore();
            if (!scope) return;
            const result = response.body.singleResult;
            // An unexpected error (a failed statement, a bug) may not happen again: never cache it.
            if (result.errors?.some((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR')) scope.reads.markNoStore();
            result.extensions = { ...result.extensions, [CACHE_EXTENSION]: scope.reads.extension() };
          },
        };
      },
    },
    track(handle) {
      return readScope.run(newRequestReads(), handle);
    },
  };
}
