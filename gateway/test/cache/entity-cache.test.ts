import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Role, type Identity } from '@aleumet/core';
import { CHANGES_CHANNEL } from '@aleumet/protocol';
import type { ApolloServerPlugin } from '@apollo/server';
import { EntityCache, type CacheContext } from '../../src/cache/entity-cache.js';

/** The cache against the real change feed (LISTEN/NOTIFY on the test database, embedded or PostgreSQL), with a fake subgraph. */
const url = inject('databaseUrl');
let db: pg.Client;
beforeAll(async () => {
  db = new pg.Client({ connectionString: url });
  await db.connect();
});
afterAll(() => db?.end());

const notify = (change: object) => db.query('select pg_notify($1, $2)', [CHANGES_CHANNEL, JSON.stringify(change)]);
const alice: Identity = { sub: 'person:a', role: Role.RECIPIENT, personId: 'a', represents: [], scopes: [] };
const bob: Identity = { sub: 'person:b', role: Role.RECIPIENT, personId: 'b', represents: [], scopes: [] };
const ctx = (identity: Identity = alice, extra: Partial<CacheContext> = {}): CacheContext => ({ identity, ...extra });
const ENTITIES = 'query($representations:[_Any!]!){_entities(representations:$representations){...on Offering{title}}}';
const rep = (id: string) => ({ __typename: 'Offering', id });

/** A subgraph answering `_entities` with `title <id>`, tagging each row, counting what it was asked. */
function subgraph(opts: { tags?: (ids: string[]) => string[] | null; errorFor?: string; shared?: boolean } = {}) {
  const calls: string[][] = [];
  const send = async (request: any) => {
    const ids = request.variables.representations.map((r: any) => r.id as string);
    calls.push(ids);
    const tags = opts.tags ? opts.tags(ids) : ids.map((id: string) => `catalog.offering:id=${id}`);
    return {
      data: { _entities: ids.map((id: string) => (id === opts.errorFor ? null : { title: `title ${id}` })) },
      ...(opts.errorFor && ids.includes(opts.errorFor) ? { errors: [{ message: 'no', path: ['_entities', ids.indexOf(opts.errorFor), 'title'] }] } : {}),
      extensions: { cache: tags ? { tags, ...(opts.shared ? { public: true } : {}) } : { noStore: true }, personsRead: ids.map((id: string) => `person-of-${id}`) },
    };
  };
  return { calls, send };
}

async function started(opts = {}) {
  const cache = new EntityCache(url, opts);
  await cache.start();
  expect(cache.feed.connected).toBe(true);
  return cache;
}

const fetch = (cache: EntityCache, s: { send: any }, ids: string[], context = ctx()) =>
  cache.fetch('http://catalog/graphql', { query: ENTITIES, variables: { representations: ids.map(rep) } }, context, s.send);

describe('EntityCache where notifications do not reach it', () => {
  it('finds out, and answers every request from the subgraph', async () => {
    // Plain PGlite behind its socket server hands each notification to the connection that sent it
    // (@aleumet/embedded-pg forwards them; this one does not): the cache must stay off there.
    const db = await PGlite.create();
    const server = new PGLiteSocketServer({ db, port: 0, host: '127.0.0.1', maxConnections: 8 });
    await server.start();
    const cache = new EntityCache(`postgres://postgres@127.0.0.1:${(server as unknown as { port: number }).port}/postgres`);
    await cache.start();
    try {
      expect(cache.feed.supported).toBe(false);
      const s = subgraph();
      await fetch(cache, s, ['1']);
      await fetch(cache, s, ['1']);
      expect(s.calls).toHaveLength(2);
      expect(cache.size).toBe(0);
    } finally {
      await cache.close();
      await server.stop();
      await db.close();
    }
    // A fresh PGlite (WASM start) and three probes of 1.5 s: slow on a loaded machine.
  }, 90_000);
});

describe('EntityCache', () => {
  let cache: EntityCache;
  beforeAll(async () => {
    cache = await started();
  });
  afterAll(() => cache?.close());

  it('keeps each representation, sends only the missing ones, and answers in the asked order', async () => {
    cache.clear();
    const s = subgraph();
    await fetch(cache, s, ['1', '2']);
    const res = await fetch(cache, s, ['3', '2', '1']);
    expect(s.calls).toEqual([['1', '2'], ['3']]);
    expect(res.data._entities).toEqual([{ title: 'title 3' }, { title: 'title 2' }, { title: 'title 1' }]);
    // The persons the cached rows named are reported again, for the audit.
    expect(res.extensions?.personsRead).toEqual(expect.arrayContaining(['person-of-1', 'person-of-2', 'person-of-3']));
  });

  it('answers each caller from its own entries only', async () => {
    cache.clear();
    const s = subgraph();
    await fetch(cache, s, ['1'], ctx(alice));
    await fetch(cache, s, ['1'], ctx(bob));
    await fetch(cache, s, ['1'], ctx(alice));
    expect(s.calls).toEqual([['1'], ['1']]);
  });

  it('shares an answer the subgraph marks public (it read no caller) between callers, but not with an unverified one', async () => {
    cache.clear();
    const s = subgraph({ shared: true });
    await fetch(cache, s, ['1'], ctx(alice));
    await fetch(cache, s, ['1', '2'], ctx(bob));
    expect(s.calls).toEqual([['1'], ['2']]);
    // `auth: none`: a token the gateway did not verify gets only what was read for that very token.
    await fetch(cache, s, ['1'], { identity: null, authorization: 'Bearer unverified' });
    expect(s.calls.at(-1)).toEqual(['1']);
    await notify({ t: 'catalog.offering', k: ['id=1'] });
    await fetch(cache, s, ['1'], ctx(bob));
    expect(s.calls.at(-1)).toEqual(['1']);
    expect(s.calls).toHaveLength(4);
  });

  it('drops entries whose rows a committed change names, at once for the next request', async () => {
    cache.clear();
    const s = subgraph();
    // Separate requests: the entries of one request share its tags (its rows were read together).
    await fetch(cache, s, ['1']);
    await fetch(cache, s, ['2']);
    await notify({ t: 'catalog.offering', k: ['id=1'] });
    // No waiting: the next request's fence makes sure the change above was handled first.
    await fetch(cache, s, ['1', '2']);
    expect(s.calls).toEqual([['1'], ['2'], ['1']]);
    await notify({ t: 'catalog.other', k: ['id=2'] });
    await notify({ t: 'catalog.offering', k: ['supplier_id=2'] });
    await fetch(cache, s, ['1', '2']);
    expect(s.calls).toHaveLength(3);
    await notify({ t: 'catalog.offering', all: true });
    await fetch(cache, s, ['1', '2']);
    expect(s.calls.at(-1)).toEqual(['1', '2']);
  });

  it('drops entries that depend on a whole table on any change of it', async () => {
    cache.clear();
    const s = subgraph({ tags: () => ['catalog.offering'] });
    await fetch(cache, s, ['1']);
    await fetch(cache, s, ['1']);
    await notify({ t: 'catalog.offering', k: ['id=999'] });
    await fetch(cache, s, ['1']);
    expect(s.calls).toEqual([['1'], ['1']]);
  });

  it('does not keep an answer whose rows changed while it was being fetched', async () => {
    cache.clear();
    const inner = subgraph();
    const racing = {
      send: async (request: any) => {
        const changes = cache.stats.changes;
        await notify({ t: 'catalog.offering', k: ['id=7'] });
        while (cache.stats.changes === changes) await new Promise((r) => setTimeout(r, 5));
        return inner.send(request);
      },
    };
    const raced = cache.stats.raced;
    await fetch(cache, racing, ['7']);
    expect(cache.stats.raced).toBe(raced + 1);
    await fetch(cache, inner, ['7']);
    expect(inner.calls).toEqual([['7'], ['7']]);
  });

  it('keeps nothing the subgraph marks noStore, and no representation that failed', async () => {
    cache.clear();
    const noStore = subgraph({ tags: () => null });
    await fetch(cache, noStore, ['1']);
    await fetch(cache, noStore, ['1']);
    expect(noStore.calls).toHaveLength(2);
    const failing = subgraph({ errorFor: '2' });
    const first = await fetch(cache, failing, ['1', '2']);
    expect(first.errors?.[0]?.path).toEqual(['_entities', 1, 'title']);
    const second = await fetch(cache, failing, ['2', '1']);
    expect(failing.calls).toEqual([['1', '2'], ['2']]);
    expect(second.errors?.[0]?.path).toEqual(['_entities', 0, 'title']);
  });

  it('never touches mutations, subscription events or anything but queries', async () => {
    cache.clear();
    const s = subgraph();
    await fetch(cache, s, ['1'], ctx(alice, { cacheOff: true }));
    await fetch(cache, s, ['1'], ctx(alice, { event: 'e1' }));
    await cache.fetch('http://catalog/graphql', { query: `mutation { x }`, variables: { representations: [rep('1')] } }, ctx(), s.send);
    expect(s.calls).toHaveLength(3);
    expect(cache.size).toBe(0);
  });

  it('keeps at most maxEntries, least recently used out first', async () => {
    const small = await started({ maxEntries: 2 });
    try {
      const s = subgraph();
      await fetch(small, s, ['1']);
      await fetch(small, s, ['2']);
      await fetch(small, s, ['1']); // 1 is now the most recent
      await fetch(small, s, ['3']); // 2 goes
      await fetch(small, s, ['1']);
      await fetch(small, s, ['2']);
      expect(s.calls).toEqual([['1'], ['2'], ['3'], ['2']]);
    } finally {
      await small.close();
    }
  });

  it('bypasses the cache while it cannot hear changes', async () => {
    const deaf = new EntityCache('postgres://postgres@127.0.0.1:1/none');
    deaf.start();
    try {
      const s = subgraph();
      await fetch(deaf, s, ['1']);
      await fetch(deaf, s, ['1']);
      expect(s.calls).toHaveLength(2);
      expect(deaf.stats.bypassed).toBe(2);
    } finally {
      await deaf.close();
    }
  });
});

describe('EntityCache: whole answers', () => {
  let cache: EntityCache;
  beforeAll(async () => {
    cache = await started();
  });
  afterAll(() => cache?.close());

  /**
   * One query through the cache's Apollo hooks as the gateway runs them: looked up once resolved, and on a
   * miss its fetches run (`run`, with this request's context) and the answer is sent.
   */
  async function query(context: CacheContext, run: (c: CacheContext) => Promise<unknown>, opts: { variables?: object; errors?: boolean } = {}) {
    const plugin = cache.step().apolloPlugins![0] as ApolloServerPlugin<CacheContext>;
    const listener = (await plugin.requestDidStart!({} as never))!;
    const rc: any = {
      operation: { operation: 'query' }, source: 'query Offerings { offerings { title } }', operationName: 'Offerings',
      request: { variables: opts.variables ?? {} }, contextValue: context, response: { http: { headers: new Map() } },
    };
    const hit = await listener.responseForOperation!(rc);
    if (hit) return { whole: true, data: (hit.body as any).singleResult.data };
    const data = await run(context);
    rc.response.body = { kind: 'single', singleResult: { data, ...(opts.errors ? { errors: [{ message: 'no', extensions: { code: 'FORBIDDEN' } }] } : {}) } };
    await listener.willSendResponse!(rc);
    return { whole: false, data };
  }
  const titles = (s: { send: any }, ids: string[]) => async (c: CacheContext) => (await fetch(cache, s, ids, c)).data;

  it('answers a repeated query whole, with the persons its fetches named, once every fetch of it was kept', async () => {
    cache.clear();
    const s = subgraph();
    const first = await query(ctx(), titles(s, ['w1', 'w2']));
    expect(first.whole).toBe(false);
    expect(cache.stats.answersStored).toBeGreaterThan(0);
    const again = ctx();
    const second = await query(again, titles(s, ['w1', 'w2']));
    expect(second).toEqual({ whole: true, data: first.data });
    expect(s.calls).toEqual([['w1', 'w2']]);
    // The audit still learns whose rows the answer holds.
    expect([...(again.personsRead ?? [])].sort()).toEqual(['person-of-w1', 'person-of-w2']);
  });

  it('drops a whole answer with a change to any row one of its fetches read, and keeps callers and variables apart', async () => {
    cache.clear();
    const s = subgraph();
    await query(ctx(), titles(s, ['x1']));
    expect((await query(ctx(), titles(s, ['x1']))).whole).toBe(true);
    await notify({ t: 'catalog.offering', k: ['id=x1'] });
    // The next request's fence makes sure the change was handled: the query runs again.
    expect((await query(ctx(), titles(s, ['x1']))).whole).toBe(false);
    expect(s.calls).toEqual([['x1'], ['x1']]);
    expect((await query(ctx(), titles(s, ['x1']))).whole).toBe(true);
    // Another caller, or other variables: not this answer.
    expect((await query(ctx(bob), titles(s, ['x1']))).whole).toBe(false);
    expect((await query(ctx(), titles(s, ['x1']), { variables: { first: 1 } })).whole).toBe(false);
  });

  it('keeps no whole answer when a fetch could not be kept, the answer has errors, or its rows changed while it ran', async () => {
    cache.clear();
    const stored = cache.stats.answersStored;
    const noStore = subgraph({ tags: () => null });
    await query(ctx(), titles(noStore, ['n1']));
    expect((await query(ctx(), titles(noStore, ['n1']))).whole).toBe(false);
    const failing = subgraph({ errorFor: 'f2' });
    await query(ctx(), titles(failing, ['f1', 'f2']));
    expect((await query(ctx(), titles(failing, ['f1', 'f2']))).whole).toBe(false);
    const s = subgraph();
    await query(ctx(), titles(s, ['e1']), { errors: true });
    expect((await query(ctx(), titles(s, ['e1']), { errors: true })).whole).toBe(false);
    const raced = cache.stats.raced;
    const changing = async (c: CacheContext) => {
      const data = await titles(s, ['r1'])(c);
      await notify({ t: 'catalog.offering', k: ['id=r1'] });
      await cache.feed.sync();
      return data;
    };
    await query(ctx(alice, {}), changing);
    expect(cache.stats.raced).toBeGreaterThan(raced);
    expect(cache.stats.answersStored).toBe(stored);
  });

  it('never answers whole what is not a query, or a request without its fence', async () => {
    cache.clear();
    const s = subgraph();
    await query(ctx(), titles(s, ['m1']));
    expect((await query(ctx(alice, { cacheOff: true }), titles(s, ['m1']))).whole).toBe(false);
    const deaf = new EntityCache('postgres://postgres@127.0.0.1:1/none');
    deaf.start();
    try {
      const plugin = deaf.step().apolloPlugins![0] as ApolloServerPlugin<CacheContext>;
      const listener = (await plugin.requestDidStart!({} as never))!;
      const rc: any = { operation: { operation: 'query' }, source: '{ a }', request: {}, contextValue: ctx() };
      expect(await listener.responseForOperation!(rc)).toBeNull();
    } finally {
      await deaf.close();
    }
  });
});
