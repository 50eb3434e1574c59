import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parse } from 'graphql';
import { buildSchema, operationFromDocument } from '@apollo/federation-internals';
import { computeResponseCompiled } from '../src/result-shaping.js';

// Apollo's own result shaping, to compare with (the module the gateway patches; read before any patch here).
const apollo = createRequire(import.meta.url)('@apollo/gateway/dist/resultShaping.js') as { computeResponse: typeof computeResponseCompiled };

const schema = buildSchema(`
  type Query { feed: [Entry!]! top: Entry node(id: ID!): Node items: [[Item]] count: Int! ratio: Float status: Status json: JSON }
  scalar JSON
  enum Status { OPEN CLOSED }
  interface Node { id: ID! }
  union Item = User | Product
  type User implements Node { id: ID! name: String! friends: [User!] status: Status }
  type Product implements Node { id: ID! title: String price: Int! tags: [String!]! owner: User! }
  type Entry { id: ID! author: User! product: Product rating: Int! score: Float }
`);

const OPERATIONS = [
  `{ feed { id author { id name friends { name } } product { title price tags owner { name } } rating score } count }`,
  `query Q($skip: Boolean!, $inc: Boolean = true) {
     top { id author @skip(if: $skip) { name } product @include(if: $inc) { title } rating @include(if: false) score @skip(if: true) }
     items { __typename ... on User { name status } ... on Product { title price } ... on Node { id } }
     n: node(id: "1") { t: __typename id ... on User { friends { id } } ... on Product { owner { id } } }
     status json ratio
   }`,
  `{ feed { a: author { n: name name } author { id } ...F } top { ...F } }
   fragment F on Entry { product { ... on Product { price } price title } rating }`,
];

// A deterministic pseudo-random generator (the same inputs on every run).
function random(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
}

/** An answer for `sel` as a subgraph might send it: mostly right, sometimes null, missing, the wrong type or typename. */
function answer(r: () => number, depth = 0): unknown {
  const pick = r();
  if (pick < 0.05) return null;
  if (pick < 0.08) return undefined;
  if (pick < 0.1) return 'oops';
  if (pick < 0.12) return 1.5;
  if (pick < 0.14) return true;
  if (pick < 0.15) return 'CLOSED';
  if (depth > 3) return 'x';
  const obj: Record<string, unknown> = {};
  const typenames = ['User', 'Product', 'Entry', 'Nope', undefined, undefined, undefined];
  const typename = typenames[Math.floor(r() * typenames.length)];
  if (typename) obj.__typename = typename;
  const fields = ['id', 'name', 'friends', 'status', 'title', 'price', 'tags', 'owner', 'author', 'product', 'rating', 'score', 'a', 'n', 't', 'feed', 'top', 'items', 'count', 'ratio', 'json'];
  for (const f of fields) {
    const x = r();
    if (x < 0.15) continue;
    if (x < 0.25) obj[f] = Array.from({ length: Math.floor(r() * 4) }, () => (r() < 0.5 ? answer(r, depth + 1) : Array.from({ length: 2 }, () => answer(r, depth + 2))));
    else if (x < 0.35) obj[f] = answer(r, depth + 1);
    else obj[f] = [1, 42, -3, 2.5, 'OPEN', 'text', false, null][Math.floor(r() * 8)];
  }
  return obj;
}

const shape = (fn: typeof computeResponseCompiled, operation: ReturnType<typeof operationFromDocument>, input: unknown, variables: Record<string, unknown>) => {
  try {
    const { data, errors } = fn({ operation, variables, input, introspectionHandling: () => 'introspected' });
    return { data: JSON.parse(JSON.stringify(data ?? null)), errors: errors.map((e: any) => ({ message: e.message, path: e.path, code: e.extensions?.code })) };
  } catch (e) {
    return { threw: (e as Error).message };
  }
};

describe('compiled result shaping', () => {
  it('gives exactly what Apollo computeResponse gives, data and errors, on valid and broken subgraph answers', () => {
    const r = random(7);
    let compared = 0;
    let withErrors = 0;
    for (const text of OPERATIONS) {
      const operation = operationFromDocument(schema, parse(text), { validate: false });
      for (let i = 0; i < 200; i++) {
        const input = answer(r);
        for (const variables of [{ skip: false }, { skip: true, inc: false }]) {
          const expected = shape(apollo.computeResponse, operation, input, variables);
          // Twice: the second run uses the compiled operation from the first.
          expect(shape(computeResponseCompiled, operation, input, variables)).toEqual(expected);
          expect(shape(computeResponseCompiled, operation, input, variables)).toEqual(expected);
          compared++;
          if ('errors' in expected && expected.errors.length) withErrors++;
        }
      }
    }
    expect(compared).toBe(1200);
    // The inputs exercise the error paths too (null propagation, invalid leaves and typenames).
    expect(withErrors).toBeGreaterThan(200);
  });

  it('gives the same on well-formed answers (the common case)', () => {
    const operation = operationFromDocument(schema, parse(OPERATIONS[0]!), { validate: false });
    const user = (i: number) => ({ __typename: 'User', id: `u${i}`, name: `User ${i}`, friends: [{ name: 'f' }] });
    const input = {
      feed: Array.from({ length: 20 }, (_, i) => ({
        id: `e${i}`, author: user(i), product: { __typename: 'Product', title: 't', price: i, tags: ['a'], owner: user(i + 1) }, rating: i % 5, score: i / 3,
      })),
      count: 20,
    };
    const expected = shape(apollo.computeResponse, operation, input, {});
    expect(expected).toMatchObject({ errors: [] });
    expect(shape(computeResponseCompiled, operation, input, {})).toEqual(expected);
  });

  it('rejects the same wrong leaf values and typenames, with the same errors', () => {
    const operation = operationFromDocument(schema, parse(OPERATIONS[0]!), { validate: false });
    const wrong = [
      { rating: 'text' }, { rating: 2.5 }, { rating: true }, { score: 'x' }, { score: 3 }, { id: 1.5 }, { id: 7 }, { id: false },
      { author: { __typename: 'Nope', id: 'u', name: 'n' } }, { author: { __typename: 'Product', id: 'u', name: 'n' } }, { author: null },
      { product: { title: 5, price: '3', tags: ['a', 1], owner: { id: 'o', name: 'n' } } }, { product: { title: 't', price: 1, tags: null, owner: { id: 'o', name: 'n' } } },
    ];
    const entry = { id: 'e', author: { id: 'u', name: 'n', friends: null }, product: null, rating: 1, score: 1.5 };
    const input = { feed: wrong.map((w) => ({ ...entry, ...w })), count: 'many' };
    const expected = shape(apollo.computeResponse, operation, input, {});
    expect((expected as { errors: unknown[] }).errors.length).toBeGreaterThan(10);
    expect(shape(computeResponseCompiled, operation, input, {})).toEqual(expected);
    const statuses = operationFromDocument(schema, parse('{ status top { author { status } } }'), { validate: false });
    for (const status of ['OPEN', 'WRONG', 1, true]) {
      const given = { status, top: { author: { __typename: 'User', status } } };
      expect(shape(computeResponseCompiled, statuses, given, {})).toEqual(shape(apollo.computeResponse, statuses, given, {}));
    }
  });

  it('fails like Apollo on a missing boolean variable of @skip', () => {
    const operation = operationFromDocument(schema, parse(OPERATIONS[1]!), { validate: false });
    const expected = shape(apollo.computeResponse, operation, { top: { id: '1', rating: 1 } }, {});
    expect(expected).toHaveProperty('threw');
    expect(shape(computeResponseCompiled, operation, { top: { id: '1', rating: 1 } }, {})).toEqual(expected);
  });

  it('keeps response names that are properties of Object.prototype (the answer is then not an ordinary object)', () => {
    // `__proto__` written into an ordinary object would set its prototype; `constructor`, `toString` would read inherited values.
    const operation = operationFromDocument(schema, parse('{ top { constructor: id toString: rating author { __proto__: name hasOwnProperty: id } } feed { valueOf: id } }'), { validate: false });
    const input = JSON.parse('{"top":{"constructor":"e1","toString":3,"author":{"__proto__":"Ann","hasOwnProperty":"u1"}},"feed":[{"valueOf":"e2"}]}');
    const expected = shape(apollo.computeResponse, operation, input, {});
    expect(expected).toEqual({ data: { top: { constructor: 'e1', toString: 3, author: JSON.parse('{"__proto__":"Ann","hasOwnProperty":"u1"}') }, feed: [{ valueOf: 'e2' }] }, errors: [] });
    expect(shape(computeResponseCompiled, operation, input, {})).toEqual(expected);
    const { data } = computeResponseCompiled({ operation, variables: {}, input, introspectionHandling: () => null });
    expect(Object.getPrototypeOf(data.top.author)).toBe(null);
    expect(Object.keys(data.top.author)).toEqual(['__proto__', 'hasOwnProperty']);
    // Ordinary objects where no name is one of those (V8 keeps Object.create(null) in dictionary mode).
    const plain = computeResponseCompiled({ operation: operationFromDocument(schema, parse(OPERATIONS[0]!), { validate: false }), variables: {}, input: { count: 1, feed: [] }, introspectionHandling: () => null });
    expect(Object.getPrototypeOf(plain.data)).toBe(Object.prototype);
  });
});
