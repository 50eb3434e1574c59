import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RemoteGraphQLDataSource } from '@apollo/gateway';
import { GatewayTransport, fanOut } from '../src/transport.js';

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
});
