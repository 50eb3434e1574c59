import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphQLScalarType } from 'graphql';
import { SafeIntResolver } from 'graphql-scalars';
import { codes, gql } from '@aleumet/testkit';
import { startGateway, type RunningGateway } from '../src/gateway.js';
import { link, startSubgraphs, type RunningSubgraphs } from './federation/harness.js';

/**
 * Values the subgraph's own scalars refuse are BAD_USER_INPUT through the gateway, naming the
 * variable: SafeInt is parsed by the gateway itself (as by the subgraphs); a scalar the gateway
 * has no parser for is refused by the subgraph with HTTP 400, and that error is passed on instead
 * of a generic "400: Bad Request" internal error.
 */
const Even = new GraphQLScalarType({
  name: 'Even',
  parseValue: (v) => {
    if (typeof v !== 'number' || v % 2 !== 0) throw new TypeError('Even must be an even number');
    return v;
  },
});

let subgraphs: RunningSubgraphs;
let gateway: RunningGateway;
let dir: string;
beforeAll(async () => {
  subgraphs = await startSubgraphs([
    {
      name: 'numbers',
      typeDefs: link('@key') + 'scalar SafeInt scalar Even type Query { half(n: Even!): Int! double(n: SafeInt!): SafeInt! }',
      resolvers: { SafeInt: SafeIntResolver, Even, Query: { half: (_: unknown, a: { n: number }) => a.n / 2, double: (_: unknown, a: { n: number }) => a.n * 2 } },
    },
  ]);
  dir = mkdtempSync(path.join(os.tmpdir(), 'aleumet-coercion-'));
  writeFileSync(path.join(dir, 'supergraph.graphql'), subgraphs.supergraphSdl);
  gateway = await startGateway({ supergraphPath: path.join(dir, 'supergraph.graphql'), port: 0, auth: 'none' });
});
afterAll(async () => {
  await gateway?.close();
  await subgraphs?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('scalar coercion errors through the gateway', () => {
  it('a SafeInt out of range is refused by the gateway, naming the variable', async () => {
    expect((await gql(gateway.url, 'query($n: SafeInt!) { double(n: $n) }', { n: 21 })).data).toEqual({ double: 42 });
    const before = subgraphs.counts.numbers!;
    const res = await gql(gateway.url, 'query($n: SafeInt!) { double(n: $n) }', { n: 1e30 });
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0]!.extensions!.field).toBe('n');
    expect(res.status).toBe(400);
    expect(subgraphs.counts.numbers).toBe(before);
  });

  it("a scalar only the subgraph can parse: the subgraph's BAD_USER_INPUT is passed on, not an internal error", async () => {
    expect((await gql(gateway.url, 'query($n: Even!) { half(n: $n) }', { n: 8 })).data).toEqual({ half: 4 });
    const res = await gql(gateway.url, 'query($n: Even!) { half(n: $n) }', { n: 7 });
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0]!.extensions!.field).toBe('n');
    expect(res.errors![0]!.message).toMatch(/Even must be an even number/);
  });
});
