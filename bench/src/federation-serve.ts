/**
 * Children of the foreign-supergraph benchmark (federation.ts), one server per process:
 * `subgraphs <dir>` (four small subgraphs that know nothing of our cache: users, reviews, products, inventory),
 * `plain <supergraph>` (@apollo/gateway + @apollo/server as Apollo documents it), `ours <supergraph> <share> [options JSON]`
 * (our gateway as its CLI starts it, `--auth none`; the JSON merged into its options turns levers off). Each reports `{ type: 'ready', url | urls }` over IPC.
 */
import http from 'node:http';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { ApolloGateway } from '@apollo/gateway';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { composeServices } from '@apollo/composition';
import { startGateway } from '@aleumet/gateway';
import { handleGraphQL, listen } from '@aleumet/http-kit';

type Message = { cmd: string; id: number };
const send = (m: unknown) => process.send?.(m);
const on = (handler: (m: Message) => unknown) =>
  process.on('message', async (m: Message) => {
    if (m.cmd === 'exit') process.exit(0);
    if (m.cmd === 'cpu') {
      const u = process.cpuUsage();
      return send({ type: 'reply', id: m.id, value: (u.user + u.system) / 1000 });
    }
    send({ type: 'reply', id: m.id, value: await handler(m) });
  });
process.on('disconnect', () => process.exit(0));

const link = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@external", "@requires"])\n';
const USERS = 40;
const REVIEWS_PER_USER = 4;
const PRODUCTS = 30;
const users = Array.from({ length: USERS }, (_, i) => ({ id: `u${i}`, name: `User number ${i}`, username: `user_${i}` }));
const products = Array.from({ length: PRODUCTS }, (_, i) => ({ upc: `p${i}`, name: `Product number ${i}`, price: 1000 + i * 37, weight: 100 + i * 11 }));
const reviews = users.flatMap((u, i) =>
  Array.from({ length: REVIEWS_PER_USER }, (_, j) => ({
    id: `r${i}-${j}`, body: `Review ${j} by ${u.username}: solid, would order again`, rating: 1 + ((i + j) % 5), authorId: u.id, upc: `p${(i * 7 + j * 3) % PRODUCTS}`,
  })),
);

export const SUBGRAPH_DEFS = [
  {
    name: 'users',
    typeDefs: link + `type Query { users: [User!]! } type User @key(fields: "id") { id: ID! name: String! username: String! }`,
    resolvers: { Query: { users: () => users }, User: { __resolveReference: (r: { id: string }) => users.find((u) => u.id === r.id) } },
  },
  {
    name: 'reviews',
    typeDefs: link + `
      type Review @key(fields: "id") { id: ID! body: String! rating: Int! author: User! product: Product! }
      type User @key(fields: "id") { id: ID! reviews: [Review!]! }
      type Product @key(fields: "upc") { upc: String! reviews: [Review!]! }`,
    resolvers: {
      Review: { author: (r: { authorId: string }) => ({ id: r.authorId }), product: (r: { upc: string }) => ({ upc: r.upc }) },
      User: { __resolveReference: (r: { id: string }) => r, reviews: (u: { id: string }) => reviews.filter((r) => r.authorId === u.id) },
      Product: { __resolveReference: (r: { upc: string }) => r, reviews: (p: { upc: string }) => reviews.filter((r) => r.upc === p.upc).slice(0, 3) },
    },
  },
  {
    name: 'products',
    typeDefs: link + `type Product @key(fields: "upc") { upc: String! name: String! price: Int! weight: Int! }`,
    resolvers: { Product: { __resolveReference: (r: { upc: string }) => products.find((p) => p.upc === r.upc) } },
  },
  {
    name: 'inventory',
    typeDefs: link + `type Product @key(fields: "upc") { upc: String! price: Int! @external weight: Int! @external inStock: Boolean! shippingEstimate: Int! @requires(fields: "price weight") }`,
    resolvers: {
      Product: {
        __resolveReference: (r: { upc: string; price: number; weight: number }) => r,
        inStock: (p: { upc: string }) => Number(p.upc.slice(1)) % 3 !== 0,
        shippingEstimate: (p: { price: number; weight: number }) => (p.price > 1500 ? 0 : Math.round(p.weight / 2)),
      },
    },
  },
];

export const QUERY = `query Feed {
  users { id name reviews { id body rating product { upc name price inStock shippingEstimate reviews { id rating author { username } } } } }
}`;

const [role, arg1, arg2, arg3] = process.argv.slice(2);

if (role === 'subgraphs') {
  const counts: Record<string, number> = {};
  const urls: Record<string, string> = {};
  for (const def of SUBGRAPH_DEFS) {
    const apollo = new ApolloServer({ schema: buildSubgraphSchema([{ typeDefs: parse(def.typeDefs), resolvers: def.resolvers as never }]) });
    await apollo.start();
    counts[def.name] = 0;
    const server = http.createServer((req, res) => {
      counts[def.name]! += 1;
      void handleGraphQL(apollo, req, res, async () => ({}));
    });
    urls[def.name] = `${await listen(server, 0)}/graphql`;
  }
  const composed = composeServices(SUBGRAPH_DEFS.map((d) => ({ name: d.name, url: urls[d.name]!, typeDefs: parse(d.typeDefs) })));
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));
  const file = path.join(arg1!, 'supergraph.graphql');
  writeFileSync(file, composed.supergraphSdl);
  on((m) => {
    if (m.cmd === 'counts') return { ...counts };
    if (m.cmd === 'reset') Object.keys(counts).forEach((k) => (counts[k] = 0));
    return null;
  });
  send({ type: 'ready', urls, supergraph: file });
} else if (role === 'plain') {
  const { readFileSync } = await import('node:fs');
  const server = new ApolloServer({ gateway: new ApolloGateway({ supergraphSdl: readFileSync(arg1!, 'utf8') }) });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  on(() => null);
  send({ type: 'ready', url });
} else if (role === 'ours') {
  const gw = await startGateway({
    supergraphPath: arg1!, port: 0, host: '127.0.0.1', auth: 'none', watchSupergraph: false,
    shareExecutions: (arg2 ?? 'anonymous') as 'anonymous' | 'off',
    // Levers turned off for measuring them one by one (federation.ts `--levers`).
    ...(arg3 ? (JSON.parse(arg3) as object) : {}),
    // The load generator is one client sending thousands of requests.
    security: { rateLimit: false },
  });
  on(() => null);
  send({ type: 'ready', url: gw.url });
}
