import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import type { Step } from '../pipeline.js';
import { CACHE_EXTENSION } from '@aleumet/protocol';
import type { Identity } from '@aleumet/core';
import { ChangeFeed, type TableChange } from './changes.js';

/**
 * Entity cache: answers of subgraph fetches kept in the gateway, per caller, and dropped the
 * moment the rows they were read from change.
 *
 * - **What is kept.** Fetches of query operations only (never anything inside a mutation, never a
 *   subscription's per-event fetch). `_entities` answers are kept per representation, so a dashboard and
 *   an orders page share the offering and supplier entries of one caller; other fetches whole.
 * - **Per caller.** Subgraphs authorize every field for the caller, so the key holds the caller's
 *   verified identity (and forwarded headers): one caller never gets what was read for another. Unless the
 *   subgraph says the answer is the same for every caller (`public: true`, e.g. catalog entities): then it
 *   is kept once for all callers.
 * - **Invalidation.** Each subgraph says which rows its answer read (`extensions.cache.tags`, contract in
 *   @aleumet/protocol cache.ts): a table, or a table's rows with a given `id` / `*_id` / `code`. Triggers on every table
 *   NOTIFY each committed change; the entries whose tags it matches are dropped. Answers that read the
 *   clock, another subgraph, or anything not attributable to tables are never kept (`noStore`).
 * - **No stale reads.** Before a request's first cache read the gateway waits until every change committed
 *   before the request arrived has been handled (a fence; see changes.ts). An answer whose
 *   rows changed while it was being fetched is not kept. While the LISTEN connection is down nothing is
 *   read or kept, and the cache is emptied when it comes back.
 * - **Bounds.** At most `maxEntries` (least recently used go first), each for at most `ttlMs`.
 * - **Whole answers.** A query whose every fetch was answered from the cache or kept in it is kept too, as
 *   the caller's answer to that document and those variables, under the union of its fetches' tags (so any
 *   change that drops one of its fetches drops it). The next identical request of the same caller is
 *   answered after its fence without planning or running a fetch. Never kept: answers with errors or
 *   extensions, and queries of which any fetch bypassed the cache or could not be kept.
 * - **Audit.** The persons each answer named (`personsRead`) are kept with it and reported again on a hit.
 */

/** The cache's own configuration: on when it has the database whose change channel it listens to. */
export interface EntityCacheOptions {
  /** PostgreSQL whose change channel (@aleumet/protocol cache.ts) tells which cached answers went stale. */
  databaseUrl?: string;
  maxEntries?: number;
  ttlMs?: number;
}

export interface EntityCacheStats {
  hits: number;
  misses: number;
  stores: number;
  /** Answers not kept because their rows changed while they were fetched. */
  raced: number;
  /** Answers the subgraph marked noStore, or without tags, or with errors. */
  uncacheable: number;
  /** Entries dropped because their rows changed. */
  invalidated: number;
  changes: number;
  fences: number;
  /** Requests that found the change feed down or out of reach and bypassed the cache. */
  bypassed: number;
  /** Whole answers served (each also counted in `hits`) and kept. */
  answerHits: number;
  answersStored: number;
}

interface Entry {
  json: string;
  tags: readonly string[];
  personsRead: readonly string[];
  expires: number;
}

/** What the fetches of one query read so far: its whole answer may be kept only if every fetch's could be. */
interface Trail {
  /** The change count when the request's fence came back: a later change to these tags spoils the answer. */
  since: number;
  tags: Set<string>;
  persons: Set<string>;
  expires: number;
  complete: boolean;
}

/** Request context fields the cache reads and writes (on the gateway's context object). */
export interface CacheContext {
  identity?: Identity | null;
  authorization?: string;
  forwarded?: Record<string, string>;
  /** Set for subscription per-event fetches: never served from the cache (see subscriptions/). */
  event?: string;
  /** Set for mutations (and anything that is not a query) by the plugin below. */
  cacheOff?: boolean;
  cacheSync?: Promise<boolean>;
  /** Present while a query's whole answer may still be kept (see Trail). */
  cacheTrail?: Trail;
  personsRead?: Set<string>;
}

interface SubgraphRequest {
  query?: string;
  variables?: Record<string, unknown>;
}
type SubgraphResponse = { data?: any; errors?: any[]; extensions?: Record<string, any> };
type Send = (request: any, context: any) => Promise<SubgraphResponse>;

const LOG_SIZE = 4096;
const tableOf = (tag: string) => {
  const colon = tag.indexOf(':');
  return colon < 0 ? tag : tag.slice(0, colon);
};

export class EntityCache {
  readonly stats: EntityCacheStats = { hits: 0, misses: 0, stores: 0, raced: 0, uncacheable: 0, invalidated: 0, changes: 0, fences: 0, bypassed: 0, answerHits: 0, answersStored: 0 };
  private readonly entries = new Map<string, Entry>();
  private readonly byTag = new Map<string, Set<string>>();
  private readonly byTable = new Map<string, Set<string>>();
  /** Changes handled so far, the last LOG_SIZE of them kept to check fetches that were in flight. */
  private seq = 0;
  private resetAt = 0;
  private readonly log: { seq: number; change: TableChange }[] = [];
  readonly feed: ChangeFeed;
  private readonly maxEntries: number;
  private readonly ttlMs: number;

  constructor(databaseUrl: string, opts: EntityCacheOptions = {}) {
    this.maxEntries = opts.maxEntries ?? 100_000;
    this.ttlMs = opts.ttlMs ?? 300_000;
    this.feed = new ChangeFeed(databaseUrl, { change: (c) => this.onChange(c), reset: () => this.clear() });
  }

  /** See ChangeFeed.start: resolves after the first connection attempt (the gateway does not wait). */
  start(): Promise<void> {
    return this.feed.start();
  }

  close(): Promise<void> {
    return this.feed.close();
  }

  get size(): number {
    return this.entries.size;
  }

  resetStats(): void {
    for (const k of Object.keys(this.stats) as (keyof EntityCacheStats)[]) this.stats[k] = 0;
  }

  /**
   * The pipeline step (pipeline.ts): every operation that is not a query is marked so none of its fetches
   * touch the cache; a query is answered whole from the cache when it can be, and kept whole when it may be.
   */
  step(): Step {
    return {
      operation({ operation, context }) {
        if (operation.operation !== 'query') (context as CacheContext).cacheOff = true;
      },
      apolloPlugins: [this.answers()],
    };
  }

  private synced(context: CacheContext): Promise<boolean> {
    return (context.cacheSync ??= this.feed.sync().then((ok) => {
      if (ok) this.stats.fences++;
      else this.stats.bypassed++;
      return ok;
    }));
  }

  /** Whole answers: looked up once the operation is resolved (after its fence), kept when it was sent. */
  private answers(): ApolloServerPlugin<any> {
    return {
      requestDidStart: async () => {
        let key: string | undefined;
        return {
          responseForOperation: async (rc) => {
            const context = rc.contextValue as CacheContext;
            if (rc.operation?.operation !== 'query' || context.cacheOff || context.event || !rc.source) return null;
            if (!(await this.synced(context))) return null;
            key = `answer\0${this.documentId('', rc.source)}\0${JSON.stringify(rc.operationName ?? null)}\0${JSON.stringify(rc.request.variables ?? {})}\0${JSON.stringify(context.forwarded ?? null)}\0${scopeOf(context)}`;
            const hit = this.get(key);
            if (!hit) {
              context.cacheTrail = { since: this.seq, tags: new Set(), persons: new Set(), expires: Infinity, complete: true };
              return null;
            }
            this.stats.hits++;
            this.stats.answerHits++;
            if (hit.personsRead.length) {
              const into = (context.personsRead ??= new Set());
              for (const p of hit.personsRead) into.add(p);
            }
            return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data: JSON.parse(hit.json) } } };
          },
          willSendResponse: async (rc) => {
            const context = rc.contextValue as CacheContext;
            const trail = context.cacheTrail;
            context.cacheTrail = undefined;
            if (!trail || !key || !trail.complete || !trail.tags.size || rc.response.body.kind !== 'single') return;
            const { data, errors, extensions } = rc.response.body.singleResult;
            if (data == null || errors?.length || (extensions && Object.keys(extensions).length)) return;
            const tags = [...trail.tags];
            if (this.changedSince(trail.since, tags)) {
              this.stats.raced++;
              return;
            }
            this.stats.answersStored++;
            this.put(key, { json: JSON.stringify(data), tags, personsRead: [...trail.persons], expires: Math.min(trail.expires, Date.now() + this.ttlMs) });
          },
        };
      },
    };
  }

  /** A fetch of a query whose whole answer is being watched (Trail): what it read, or that it cannot be kept. */
  private follow(context: CacheContext, read: { tags: readonly string[]; personsRead: readonly string[]; expires: number } | null): void {
    const trail = context.cacheTrail;
    if (!trail) return;
    if (!read) {
      trail.complete = false;
      return;
    }
    for (const t of read.tags) trail.tags.add(t);
    for (const p of read.personsRead) trail.persons.add(p);
    trail.expires = Math.min(trail.expires, read.expires);
  }

  clear(): void {
    this.entries.clear();
    this.byTag.clear();
    this.byTable.clear();
    this.resetAt = ++this.seq;
    this.log.length = 0;
  }

  private onChange(change: TableChange): void {
    this.stats.changes++;
    this.log.push({ seq: ++this.seq, change });
    if (this.log.length > LOG_SIZE) this.log.shift();
    const doomed = new Set<string>();
    const add = (keys: Set<string> | undefined) => keys?.forEach((k) => doomed.add(k));
    if ('all' in change) add(this.byTable.get(change.t));
    else {
      add(this.byTag.get(change.t));
      for (const k of change.k) add(this.byTag.get(`${change.t}:${k}`));
    }
    for (const key of doomed) this.drop(key);
    this.stats.invalidated += doomed.size;
  }

  /** Did a change handled after `since` touch rows these tags name (or can that no longer be told)? */
  private changedSince(since: number, tags: readonly string[]): boolean {
    if (since < this.resetAt) return true;
    if (since === this.seq) return false;
    if (!this.log.length || this.log[0]!.seq > since + 1) return true;
    const tagSet = new Set(tags);
    const tables = new Set(tags.map(tableOf));
    for (const { seq, change } of this.log) {
      if (seq <= since || !tables.has(change.t)) continue;
      if ('all' in change || tagSet.has(change.t) || change.k.some((k) => tagSet.has(`${change.t}:${k}`))) return true;
    }
    return false;
  }

  private get(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= Date.now()) {
      this.drop(key);
      return undefined;
    }
    // Least recently used first out: a hit moves the entry to the end.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  private put(key: string, entry: Entry): void {
    if (this.entries.has(key)) this.drop(key);
    this.entries.set(key, entry);
    for (const tag of entry.tags) {
      let keys = this.byTag.get(tag);
      if (!keys) this.byTag.set(tag, (keys = new Set()));
      keys.add(key);
      const table = tableOf(tag);
      let inTable = this.byTable.get(table);
      if (!inTable) this.byTable.set(table, (inTable = new Set()));
      inTable.add(key);
    }
    this.stats.stores++;
    while (this.entries.size > this.maxEntries) this.drop(this.entries.keys().next().value!);
  }

  private drop(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    for (const tag of entry.tags) {
      const keys = this.byTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.byTag.delete(tag);
      const table = tableOf(tag);
      const inTable = this.byTable.get(table);
      inTable?.delete(key);
      if (inTable?.size === 0) this.byTable.delete(table);
    }
  }

  /** What an answer read, when it may be kept: the subgraph allows it, it failed nowhere, its rows did not change meanwhile. */
  private keepable(response: SubgraphResponse, since: number, failed: boolean): { tags: string[]; shared: boolean } | null {
    const read = readOf(response);
    if (!read || failed) this.stats.uncacheable++;
    else if (this.changedSince(since, read.tags)) this.stats.raced++;
    else return read;
    return null;
  }

  /**
   * One subgraph fetch through the cache: hits are answered here, the rest sent with `send`, and what
   * the subgraph allows kept. Anything not cacheable goes straight to `send`.
   */
  async fetch(url: string, request: SubgraphRequest, context: CacheContext | undefined, send: Send): Promise<SubgraphResponse> {
    if (!context || context.cacheOff || context.event || typeof request.query !== 'string' || !isQuery(request.query)) {
      if (context) this.follow(context, null);
      return send(request, context);
    }
    if (!(await this.synced(context))) {
      this.follow(context, null);
      return send(request, context);
    }
    const { representations, ...rest } = request.variables ?? {};
    // The parts JSON-encoded between NULs (which JSON never leaves raw): one key per distinct tuple, without hashing the query text on every fetch.
    const common = `${this.documentId(url, request.query)}\0${JSON.stringify(rest)}\0${JSON.stringify(context.forwarded ?? null)}\0`;
    const prefix = (scope: string | null) => common + JSON.stringify(scope);
    const own = prefix(scopeOf(context));
    // A credential the gateway did not verify (`auth: none`) may still be refused by the subgraph: its
    // caller gets no answer that was shared between callers.
    const verified = !context.authorization || Boolean(context.identity);
    const keys: Prefixes = { own, shared: verified ? prefix(null) : own };
    return Array.isArray(representations)
      ? this.fetchEntities(keys, representations, request, context, send)
      : this.fetchWhole(keys, request, context, send);
  }

  private readonly documents = new Map<string, Map<string, number>>();
  private documentCount = 0;
  private nextDocument = 0;

  /**
   * A number for each subgraph and document (the planner hands the same documents, the same string
   * objects, over and over). Numbers are never reused: when the table is full it starts again, and
   * entries under old numbers age out.
   */
  private documentId(url: string, query: string): number {
    let byQuery = this.documents.get(url);
    if (!byQuery) this.documents.set(url, (byQuery = new Map()));
    let id = byQuery.get(query);
    if (id === undefined) {
      if (++this.documentCount > 10_000) {
        this.documents.clear();
        this.documentCount = 1;
        this.documents.set(url, byQuery);
        byQuery.clear();
      }
      byQuery.set(query, (id = ++this.nextDocument));
    }
    return id;
  }

  /** An answer every caller may have (the subgraph read no identity), else this caller's own. */
  private lookup(keys: Prefixes, suffix = ''): Entry | undefined {
    return this.get(keys.shared + suffix) ?? this.get(keys.own + suffix);
  }

  private async fetchWhole(keys: Prefixes, request: SubgraphRequest, context: CacheContext, send: Send): Promise<SubgraphResponse> {
    const hit = this.lookup(keys);
    if (hit) {
      this.stats.hits++;
      this.follow(context, hit);
      return answer(JSON.parse(hit.json), hit.personsRead);
    }
    this.stats.misses++;
    const since = this.seq;
    const response = await send(request, context);
    const read = this.keepable(response, since, Boolean(response.errors?.length) || response.data == null);
    const entry = read && { json: JSON.stringify(response.data), tags: read.tags, personsRead: personsOf(response), expires: Date.now() + this.ttlMs };
    if (entry) this.put(read.shared ? keys.shared : keys.own, entry);
    this.follow(context, entry);
    return response;
  }

  private async fetchEntities(prefixes: Prefixes, reps: unknown[], request: SubgraphRequest, context: CacheContext, send: Send): Promise<SubgraphResponse> {
    const suffixes = reps.map((r) => `|${JSON.stringify(r)}`);
    const found: (Entry | undefined)[] = suffixes.map((k) => this.lookup(prefixes, k));
    const missing = found.flatMap((e, i) => (e ? [] : [i]));
    this.stats.hits += reps.length - missing.length;
    this.stats.misses += missing.length;
    const persons = new Set<string>();
    const entities: unknown[] = found.map((e) => {
      if (!e) return null;
      e.personsRead.forEach((p) => persons.add(p));
      this.follow(context, e);
      return JSON.parse(e.json);
    });
    if (!missing.length) return answer({ _entities: entities }, [...persons]);

    const since = this.seq;
    const response = await send({ ...request, variables: { ...request.variables, representations: missing.map((i) => reps[i]) } }, context);
    const got: unknown[] | undefined = response.data?._entities;
    const errors = (response.errors ?? []).map((e: any) =>
      Array.isArray(e.path) && e.path[0] === '_entities' && typeof e.path[1] === 'number' && missing[e.path[1]] !== undefined
        ? { ...e, path: ['_entities', missing[e.path[1]], ...e.path.slice(2)] }
        : e,
    );
    missing.forEach((at, j) => (entities[at] = got?.[j] ?? null));
    personsOf(response).forEach((p) => persons.add(p));

    const failed = new Set<number>();
    let whole = false;
    for (const e of errors) {
      if (Array.isArray(e.path) && e.path[0] === '_entities' && typeof e.path[1] === 'number') failed.add(e.path[1]);
      else whole = true;
    }
    const read = this.keepable(response, since, whole || !Array.isArray(got));
    if (read && got) {
      // One request read the rows of all its representations together: each entry carries the whole set.
      const entryPersons = personsOf(response);
      const expires = Date.now() + this.ttlMs;
      const prefix = read.shared ? prefixes.shared : prefixes.own;
      let kept = 0;
      for (const [j, at] of missing.entries()) {
        if (failed.has(at) || got[j] == null) continue;
        this.put(prefix + suffixes[at]!, { json: JSON.stringify(got[j]), tags: read.tags, personsRead: entryPersons, expires });
        kept++;
      }
      this.follow(context, kept === missing.length ? { tags: read.tags, personsRead: entryPersons, expires } : null);
    } else this.follow(context, null);
    const out: SubgraphResponse = { ...response, data: { ...response.data, _entities: entities } };
    if (errors.length) out.errors = errors;
    else delete out.errors;
    if (persons.size) out.extensions = { ...response.extensions, personsRead: [...persons] };
    return out;
  }
}

const isQuery = (query: string) => /^\s*(query\b|\{)/.test(query);

/** Cache keys of one fetch: this caller's, and the one shared by every caller. */
interface Prefixes {
  own: string;
  shared: string;
}

/** Who is asking, as the subgraphs will see it: the verified identity (or the raw header without one). */
function scopeOf(context: CacheContext): string {
  return JSON.stringify([context.identity ?? null, context.identity ? null : context.authorization ?? null]);
}

/** What the subgraph says its answer read (@aleumet/protocol cache.ts); null when it must not be kept. */
function readOf(response: SubgraphResponse): { tags: string[]; shared: boolean } | null {
  const cache = response.extensions?.[CACHE_EXTENSION];
  if (!cache || cache.noStore || !Array.isArray(cache.tags) || !cache.tags.every((t: unknown) => typeof t === 'string')) return null;
  return { tags: cache.tags, shared: cache.public === true };
}

function personsOf(response: SubgraphResponse): string[] {
  const persons = response.extensions?.personsRead;
  return Array.isArray(persons) ? persons.filter((p): p is string => typeof p === 'string') : [];
}

function answer(data: unknown, personsRead: readonly string[]): SubgraphResponse {
  return personsRead.length ? { data, extensions: { personsRead: [...personsRead] } } : { data };
}
