import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RemoteGraphQLDataSource } from '@apollo/gateway';
import { GatewayTransport, combineQueries, fanOut, part } from '../src/transport.js';

describe('fanOut', () => {
  it('puts each unique entity back at every original position, errors too', () => {
    const response = {
      data: { _entities: [{ name: 'A' }, null] },
      errors: [{ message: 'no', path: ['_entities', 1, 'name'] }, { message: 'other' }],
    };
    const out = fanOut(response, [0, 1, 0, 1]);
    expect(out.data._entities).toEqual([{ name: 'A' }, null, { name: 'A' }, null]);
    expect(out.errors).toEqual([
      { message: 'no', path: ['_entities', 1, 'name'] },
      { message: 'no', path: ['_entities', 3, 'name'] },
      { message: 'other' },
    ]);
  });
});

describe('entity fetches batched into one request', () => {
  it('puts each fetch under its own alias and variable, fragments renamed apart, shared variables once', () => {
    const a = 'query Op__inventory__1($representations: [_Any!]!, $p: String!) { _entities(representations: $representations) { ...F } } fragment F on Good { label(prefix: $p) }';
    const b = 'query Op__inventory__2($representations: [_Any!]!) { _entities(representations: $representations) { ... on Good { shippingEstimate } ...F } } fragment F on Good { inStock }';
    const combined = combineQueries([a, b], 'Op__inventory__1')!;
    expect(combined.aliases).toEqual(['aleumet__e0', 'aleumet__e1']);
    expect(combined.query).toContain('query Op__inventory__1__batch($aleumet__r0: [_Any!]!, $p: String!, $aleumet__r1: [_Any!]!)');
    expect(combined.query).toContain('aleumet__e0: _entities(representations: $aleumet__r0) {\n    ...aleumet__f0_F');
    expect(combined.query).toContain('aleumet__e1: _entities(representations: $aleumet__r1)');
    expect(combined.query).toContain('fragment aleumet__f0_F on Good {\n  label(prefix: $p)');
    expect(combined.query).toContain('fragment aleumet__f1_F on Good {\n  inStock');
    // Not an `_entities` fetch alone: not batched.
    expect(() => combineQueries(['{ a }', b], undefined)).toThrow();
  });

  it('gives each fetch its own entities and the errors under its alias (as `_entities`), path-less errors to every one', () => {
    const answer = {
      data: { aleumet__e0: [{ inStock: true }], aleumet__e1: [null, { shippingEstimate: 3 }] },
      errors: [
        { message: 'requirements missing', path: ['aleumet__e1', 0, 'shippingEstimate'] },
        { message: 'whole request' },
      ],
      extensions: { x: 1 },
    };
    const aliases = ['aleumet__e0', 'aleumet__e1'];
    expect(part(answer, 'aleumet__e0', aliases)).toEqual({ data: { _entities: [{ inStock: true }] }, errors: [{ message: 'whole request' }], extensions: { x: 1 } });
    expect(part(answer, 'aleumet__e1', aliases)).toEqual({
      data: { _entities: [null, { shippingEstimate: 3 }] },
      errors: [{ message: 'requirements missing', path: ['_entities', 0, 'shippingEstimate'] }, { message: 'whole request' }],
      extensions: { x: 1 },
    });
    expect(part({ data: null, errors: [{ message: 'down' }] }, 'aleumet__e0', aliases)).toEqual({ data: null, errors: [{ message: 'down' }] });
  });
});

describe('GatewayTransport', () => {
  let server: http.Server;
  let url: string;
  const seen: unknown[][] = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (c) => (raw += c));
      req.on('end', () => {
        const reps = JSON.parse(raw).variables.representations as { id: string }[];
        seen.push(reps);
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ data: { _entities: reps.map((r) => ({ name: `n${r.id}` })) } }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('sends each distinct representation once over a kept-alive connection and answers every position', async () => {
    const transport = new GatewayTransport();
    const source = transport.apply(new RemoteGraphQLDataSource({ url }));
    const representations = [{ __typename: 'S', id: '1' }, { __typename: 'S', id: '2' }, { __typename: 'S', id: '1' }];
    const query = 'query($representations:[_Any!]!){_entities(representations:$representations){...on S{name}}}';
    for (let i = 0; i < 3; i++) {
      const res = await source.process({ kind: 'health check' as never, request: { query, variables: { representations } }, context: {} } as never);
      expect(res.data?._entities).toEqual([{ name: 'n1' }, { name: 'n2' }, { name: 'n1' }]);
    }
    expect(seen.at(-1)).toEqual([{ __typename: 'S', id: '1' }, { __typename: 'S', id: '2' }]);
    expect(transport.stats).toMatchObject({ subgraphRequests: 3, entityCalls: 3, representations: 9, representationsSent: 6, connections: 1 });
    transport.close();
  });

  it('closes a pooled socket idle longer than idleSocketMs itself, before the subgraph keep-alive timeout can race a reuse', async () => {
    server.keepAliveTimeout = 2000;
    const transport = new GatewayTransport({ idleSocketMs: 150 });
    const body = JSON.stringify({ query: 'mutation { x }', variables: { representations: [{ id: '1' }] } });
    const call = () => transport.fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect((await call()).status).toBe(200);
    expect((await call()).status).toBe(200);
    expect(transport.stats.connections).toBe(1);
    await new Promise((r) => setTimeout(r, 400));
    // The server would still keep the socket (2 s); the transport closed it at 150 ms, so the next call opens a new one.
    expect((await call()).status).toBe(200);
    expect(transport.stats.connections).toBe(2);
    transport.close();
  });

  it('gives operations waiting for an identical fetch in flight their own copies, batched parts of one operation from one parse', async () => {
    // A subgraph that answers a little later, batched requests too (`aleumet__r<i>` → `aleumet__e<i>`).
    let requests = 0;
    const slow = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (c) => (raw += c));
      req.on('end', () => {
        requests++;
        const variables = JSON.parse(raw).variables as Record<string, { id: string }[]>;
        const answer = (reps: { id: string }[]) => reps.map((r) => ({ name: `n${r.id}`, tags: [r.id] }));
        const data = variables.representations
          ? { _entities: answer(variables.representations) }
          : Object.fromEntries(Object.entries(variables).map(([k, reps]) => [k.replace('aleumet__r', 'aleumet__e'), answer(reps)]));
        setTimeout(() => res.setHeader('content-type', 'application/json') && res.end(JSON.stringify({ data })), 30);
      });
    });
    await new Promise<void>((r) => slow.listen(0, '127.0.0.1', () => r()));
    const transport = new GatewayTransport();
    const source = transport.apply(new RemoteGraphQLDataSource({ url: `http://127.0.0.1:${(slow.address() as AddressInfo).port}/graphql` }));
    const representations = [{ __typename: 'S', id: '1' }, { __typename: 'S', id: '2' }, { __typename: 'S', id: '1' }];
    const queries = ['query($representations:[_Any!]!){_entities(representations:$representations){...on S{name}}}', 'query($representations:[_Any!]!){_entities(representations:$representations){...on S{tags}}}'];
    // One operation: its two fetches start together (one batched request); a second, identical one waits for it.
    const operation = (context: object) => Promise.all(queries.map((query) => source.process({ kind: 'health check' as never, request: { query, variables: { representations } }, context } as never)));
    const [a, b] = await Promise.all([operation({}), operation({})]);
    expect(requests).toBe(1);
    expect(transport.stats).toMatchObject({ subgraphRequests: 1, batchedFetches: 1, sharedInFlight: 2 });
    for (const op of [a, b]) {
      expect(op[0]!.data?._entities).toEqual([{ name: 'n1', tags: ['1'] }, { name: 'n2', tags: ['2'] }, { name: 'n1', tags: ['1'] }]);
      expect(op[1]!.data?._entities).toEqual(op[0]!.data?._entities);
    }
    // The executor merges into what it receives: nothing one operation holds is the other's.
    const entity = (op: typeof a, i: number) => (op[i]!.data?._entities as { tags: string[] }[])[0]!;
    for (const i of [0, 1]) {
      expect(entity(a, i)).not.toBe(entity(b, i));
      expect(entity(a, i).tags).not.toBe(entity(b, i).tags);
    }
    entity(b, 0).tags.push('changed');
    expect(entity(a, 0).tags).toEqual(['1']);
    expect(entity(b, 1).tags).toEqual(['1']);
    transport.close();
    await new Promise<void>((r) => slow.close(() => r()));
  });
});
