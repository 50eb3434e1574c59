import { link, type TestSubgraph } from './harness.js';

/** Two small subgraphs for subscription tests on a foreign supergraph: `clock` streams ticks, `math` adds `square`. */
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function clockSubgraph(now = 0): TestSubgraph {
  return {
    name: 'clock',
    typeDefs: link('@key') + /* GraphQL */ `
      type Query { now: Int! }
      type Subscription { ticks(count: Int!, everyMs: Int!): Tick! }
      type Tick @key(fields: "n") { n: Int! }
    `,
    resolvers: {
      Query: { now: () => now },
      Subscription: {
        ticks: {
          subscribe: async function* (_: unknown, { count, everyMs }: { count: number; everyMs: number }) {
            for (let n = 1; n <= count; n++) {
              await sleep(everyMs);
              yield { ticks: { n } };
            }
          },
        },
      },
    },
  };
}

export const mathSubgraph: TestSubgraph = {
  name: 'math',
  typeDefs: link('@key') + 'type Tick @key(fields: "n") { n: Int! square: Int! }',
  resolvers: { Tick: { __resolveReference: (t: { n: number }) => ({ n: t.n, square: t.n * t.n }) } },
};
