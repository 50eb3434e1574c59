/**
 * When the gateway's callers batcher (src/callers-batch.ts) sends fetches of different callers together, and
 * when it does not wait: against a real HTTP server that answers as a subgraph taking callers batches does.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { RemoteGraphQLDataSource } from '@apollo/gateway';
import { REQUEST_ID_HEADER } from '@aleumet/core';
import { CALLERS_HEADER } from '@aleumet/protocol';
import { CallersBatcher } from '../src/callers-batch.js';

interface Received { callers: { authorization: string; variables?: { n: number }; requestId?: string }[] | null; authorization?: string }
const received: Received[] = [];
/** Answers held back until released (a slow subgraph). */
let hold: Promise<void> | null = null;
let server: http.Server;
let url = '';

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', async () => {
      const body = JSON.parse(raw) as { variables?: { n: number }; extensions?: { callers?: Received['callers'] } };
      received.push({ callers: body.extensions?.callers ?? null, authorization: req.headers.authorization });
      await hold;
      res.setHeader(CALLERS_HEADER, '10');
      res.setHeader('content-type', 'application/json');
      const answer = (authorization: string | undefined, variables?: { n: number }) => ({ data: { echo: `${authorization}:${variables?.n}` } });
      res.end(JSON.stringify(body.extensions?.callers ? { results: body.extensions.callers.map((c) => answer(c.authorization, c.variables)) } : answer(req.headers.authorization, body.variables)));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

function source(windowMs: number) {
  const batcher = new CallersBatcher({ windowMs });
  const ds = new RemoteGraphQLDataSource({ url });
  ds.fetcher = ((input: string, init: RequestInit) => fetch(input, init)) as never;
  batcher.wrap(ds, url);
  batcher.learn(ds, url);
  const send = (who: string, n: number, query = 'query Q($n: Int) { echo(n: $n) }') =>
    (ds as unknown as { sendRequest(r: unknown, c: unknown): Promise<{ data: { echo: string } }> }).sendRequest(
      { query, variables: { n }, http: { url, method: 'POST', headers: new Headers({ authorization: who, [REQUEST_ID_HEADER]: `id-${who}`, 'content-type': 'application/json' }) } },
      {},
    );
  return { batcher, send };
}

it('sends a caller alone at once: no timer while nothing of its document is on its way', async () => {
  const { batcher, send } = source(5_000);
  await send('a', 0); // learns that the server takes batches
  received.length = 0;
  const started = performance.now();
  expect((await send('b', 1)).data.echo).toBe('b:1');
  expect(performance.now() - started).toBeLessThan(2_000);
  expect(received).toEqual([{ callers: null, authorization: 'b' }]);
  expect(batcher.batches).toBe(0);
});

it('sends fetches started together as one batch, each caller with its own variables and request id', async () => {
  const { batcher, send } = source(5_000);
  await send('a', 0);
  received.length = 0;
  const answers = await Promise.all([send('x', 1), send('y', 2), send('z', 3)]);
  expect(answers.map((a) => a.data.echo)).toEqual(['x:1', 'y:2', 'z:3']);
  expect(received).toEqual([{
    callers: [
      { authorization: 'x', variables: { n: 1 }, requestId: 'id-x' },
      { authorization: 'y', variables: { n: 2 }, requestId: 'id-y' },
      { authorization: 'z', variables: { n: 3 }, requestId: 'id-z' },
    ],
    authorization: undefined,
  }]);
  expect(batcher.batches).toBe(1);
  // Another document is never in the same batch.
  received.length = 0;
  await Promise.all([send('x', 1), send('y', 2, 'query R($n: Int) { echo(n: $n) }')]);
  expect(received.map((r) => r.callers)).toEqual([null, null]);
});

it('behind a fetch of its document on its way, later ones wait and go together as soon as it is answered', async () => {
  const { batcher, send } = source(5_000);
  await send('a', 0);
  received.length = 0;
  let release!: () => void;
  hold = new Promise<void>((r) => (release = r));
  const first = send('p', 1);
  await new Promise((r) => setTimeout(r, 50));
  // Not sent yet: waiting behind `first`, up to the window.
  const later = [send('q', 2), new Promise((r) => setTimeout(r, 20)).then(() => send('r', 3))];
  await new Promise((r) => setTimeout(r, 100));
  expect(received.map((r) => r.authorization ?? r.callers?.length)).toEqual(['p']);
  const released = performance.now();
  hold = null;
  release();
  expect((await first).data.echo).toBe('p:1');
  expect((await Promise.all(later)).map((a) => a.data.echo)).toEqual(['q:2', 'r:3']);
  // Sent when `first` was answered, not when the 5 s window ended.
  expect(performance.now() - released).toBeLessThan(2_000);
  expect(received[1]!.callers?.map((c) => c.authorization)).toEqual(['q', 'r']);
  expect(batcher.batches).toBe(1);
});
