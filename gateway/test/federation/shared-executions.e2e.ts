import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { link, post, startCliGateway, startSubgraphs, tempDir, writeSupergraph, type CliGateway, type RunningSubgraphs } from './harness.js';

/**
 * Identical concurrent queries share one execution (gateway/src/shared-executions.ts): by default only
 * between callers without credentials; `--share-executions caller` also between requests of the same
 * credentials; never a mutation; never across different credentials, variables or forwarded headers.
 * Below executions, identical subgraph requests in flight are sent once (transport.ts), with the same keys.
 */
let resolved = 0;
let written = 0;
const slow = <T>(value: T) => new Promise<T>((r) => setTimeout(() => r(value), 150));

let subgraphs: RunningSubgraphs;
let anonymous: CliGateway;
let perCaller: CliGateway;
let off: CliGateway;

beforeAll(async () => {
  subgraphs = await startSubgraphs([
    {
      name: 'news',
      typeDefs: link('@key') + /* GraphQL */ `
        type Query { headlines(region: String!): [String!]! whoAsks: String }
        type Mutation { publish(title: String!): Int! }
      `,
      resolvers: {
        Query: {
          headlines: (_: unknown, { region }: { region: string }) => (resolved++, slow([`${region}: ramp opened`, `${region}: new offices`])),
          whoAsks: (_: unknown, __: unknown, ctx: { headers?: Record<string, string> }) => slow(ctx.headers?.authorization ?? null),
        },
        Mutation: { publish: () => slow(++written) },
      },
    },
  ]);
  const dir = tempDir();
  const file = writeSupergraph(dir, subgraphs.supergraphSdl);
  [anonymous, perCaller, off] = await Promise.all([
    startCliGateway(file, { args: ['--auth', 'none', '--forward-header', 'x-tenant'] }),
    startCliGateway(file, { args: ['--auth', 'none', '--share-executions', 'caller'] }),
    startCliGateway(file, { args: ['--auth', 'none', '--share-executions', 'off'] }),
  ]);
});
afterAll(async () => {
  await Promise.all([anonymous?.close(), perCaller?.close(), off?.close()]);
  await subgraphs?.close();
});

const times = <T>(n: number, fn: (i: number) => Promise<T>) => Promise.all(Array.from({ length: n }, (_, i) => fn(i)));

describe('shared executions', () => {
  it('twenty identical anonymous queries at once: one execution, twenty equal answers', async () => {
    resolved = 0;
    const answers = await times(20, () => post(anonymous.url, 'query H($r: String!) { headlines(region: $r) }', { r: 'Almaty' }));
    expect(resolved).toBe(1);
    for (const a of answers) expect(a).toEqual({ status: 200, data: { headlines: ['Almaty: ramp opened', 'Almaty: new offices'] } });
  });

  it('different variables or forwarded headers are different executions', async () => {
    resolved = 0;
    await Promise.all([
      times(5, () => post(anonymous.url, 'query H($r: String!) { headlines(region: $r) }', { r: 'Almaty' })),
      times(5, () => post(anonymous.url, 'query H($r: String!) { headlines(region: $r) }', { r: 'Astana' })),
      times(5, () => post(anonymous.url, 'query H($r: String!) { headlines(region: $r) }', { r: 'Almaty' }, { 'x-tenant': 'b' })),
    ]);
    expect(resolved).toBe(3);
  });

  it('requests with credentials: each caller is answered with what was fetched with its own credentials', async () => {
    resolved = 0;
    const answers = await times(4, (i) => post(anonymous.url, '{ headlines(region: "Shymkent") whoAsks }', {}, { authorization: `Bearer caller-${i % 2}` }));
    // Executions are not shared; the subgraph requests in flight are, per credentials.
    expect(resolved).toBe(2);
    expect(answers.map((a) => (a.data as { whoAsks: string }).whoAsks).sort()).toEqual(['Bearer caller-0', 'Bearer caller-0', 'Bearer caller-1', 'Bearer caller-1']);
  });

  it('with `caller`, the same credentials share and different ones never do', async () => {
    resolved = 0;
    const answers = await times(6, (i) => post(perCaller.url, '{ headlines(region: "Shymkent") whoAsks }', {}, { authorization: `Bearer caller-${i % 2}` }));
    expect(resolved).toBe(2);
    answers.forEach((a, i) => expect((a.data as { whoAsks: string }).whoAsks).toBe(`Bearer caller-${i % 2}`));
  });

  it('a mutation always runs for itself', async () => {
    written = 0;
    const answers = await times(5, () => post(anonymous.url, 'mutation { publish(title: "x") }'));
    expect(written).toBe(5);
    expect(new Set(answers.map((a) => (a.data as { publish: number }).publish)).size).toBe(5);
  });

  it('off: every request runs, and identical subgraph requests in flight are still sent once', async () => {
    resolved = 0;
    const answers = await times(6, () => post(off.url, '{ headlines(region: "Turkistan") }'));
    expect(resolved).toBe(1);
    for (const a of answers) expect(a.data).toEqual({ headlines: ['Turkistan: ramp opened', 'Turkistan: new offices'] });
  });
});
