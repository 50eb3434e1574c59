import { GraphQLError } from 'graphql';
import { link, type TestSubgraph } from './harness.js';

/**
 * Federation 2 feature cases: small supergraphs, each with the operations to run and
 * the answer the Federation specification (and the GraphQL spec's null propagation) demands.
 */
export interface Expectation {
  data: unknown;
  /** Paths of the errors expected (order-insensitive); omitted = no errors at all. */
  errorPaths?: ((string | number)[] | undefined)[];
  /** `extensions.code` of every error, in order, when it matters. */
  errorCodes?: string[];
  /** Upper bound on requests per subgraph (query-plan semantics such as @provides). */
  maxRequests?: Record<string, number>;
  /** Upper bound on requests per subgraph from our gateway only (fetches it merges, plan-merge.ts). */
  oursMaxRequests?: Record<string, number>;
}

export interface Operation {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  expect: Expectation;
}

export interface FederationCase {
  name: string;
  subgraphs: TestSubgraph[];
  /** Changes the composed supergraph, as another composition tool could have written it. */
  editSupergraph?: (sdl: string) => string;
  operations: Operation[];
}

const byId = <T extends { id: string }>(rows: T[]) => (ref: { id: string }) => rows.find((r) => r.id === ref.id) ?? null;

// ---------------------------------------------------------------------------------------------
const keys: FederationCase = {
  name: 'entities with simple, compound and nested keys',
  subgraphs: [
    {
      name: 'catalog',
      typeDefs: link('@key', '@shareable') + /* GraphQL */ `
        type Query { products: [Product!]! skus: [Sku!]! shipments: [Shipment!]! }
        type Product @key(fields: "id") { id: ID! name: String! }
        type Sku @key(fields: "code region") { code: String! region: String! label: String! }
        type Shipment @key(fields: "id carrier { code country }") { id: ID! carrier: Carrier! weight: Int! }
        type Carrier @shareable { code: String! country: String! }
      `,
      resolvers: {
        Query: {
          products: () => [{ id: 'p1', name: 'Wheelchair' }, { id: 'p2', name: 'Crutches' }],
          skus: () => [{ code: 'A', region: 'ALA', label: 'A in Almaty' }, { code: 'A', region: 'AST', label: 'A in Astana' }],
          shipments: () => [
            { id: 's1', carrier: { code: 'KZP', country: 'KZ' }, weight: 10 },
            { id: 's1', carrier: { code: 'DHL', country: 'DE' }, weight: 20 },
          ],
        },
      },
    },
    {
      name: 'stock',
      typeDefs: link('@key', '@shareable') + /* GraphQL */ `
        type Product @key(fields: "id") { id: ID! inStock: Int! }
        type Sku @key(fields: "code region") { code: String! region: String! stock: Int! }
        type Shipment @key(fields: "id carrier { code country }") { id: ID! carrier: Carrier! status: String! }
        type Carrier @shareable { code: String! country: String! }
      `,
      resolvers: {
        Product: { __resolveReference: (ref: { id: string }) => ({ id: ref.id, inStock: ref.id === 'p1' ? 3 : 0 }) },
        Sku: {
          __resolveReference: (ref: { code: string; region: string }) => ({ ...ref, stock: ref.region === 'ALA' ? 5 : 7 }),
        },
        Shipment: {
          __resolveReference: (ref: { id: string; carrier: { code: string; country: string } }) => ({
            ...ref,
            status: `${ref.id}/${ref.carrier.code}/${ref.carrier.country}`,
          }),
        },
      },
    },
  ],
  operations: [
    {
      name: 'simple key',
      query: '{ products { id name inStock } }',
      expect: { data: { products: [{ id: 'p1', name: 'Wheelchair', inStock: 3 }, { id: 'p2', name: 'Crutches', inStock: 0 }] } },
    },
    {
      name: 'compound key',
      query: '{ skus { code region label stock } }',
      expect: {
        data: {
          skus: [
            { code: 'A', region: 'ALA', label: 'A in Almaty', stock: 5 },
            { code: 'A', region: 'AST', label: 'A in Astana', stock: 7 },
          ],
        },
      },
    },
    {
      name: 'nested key (same id, different carriers are different entities)',
      query: '{ shipments { id weight status } }',
      expect: { data: { shipments: [{ id: 's1', weight: 10, status: 's1/KZP/KZ' }, { id: 's1', weight: 20, status: 's1/DHL/DE' }] } },
    },
  ],
};

// ---------------------------------------------------------------------------------------------
const users = [
  { id: 'u1', email: 'aru@example.kz', name: 'Aru' },
  { id: 'u2', email: 'bek@example.kz', name: 'Bek' },
];
const multipleKeys: FederationCase = {
  name: 'multiple keys on one entity',
  subgraphs: [
    {
      name: 'users',
      typeDefs: link('@key') + /* GraphQL */ `
        type Query { users: [User!]! }
        type User @key(fields: "id") @key(fields: "email") { id: ID! email: String! name: String! }
      `,
      resolvers: {
        Query: { users: () => users },
        User: { __resolveReference: (ref: { id?: string; email?: string }) => users.find((u) => u.id === ref.id || u.email === ref.email) },
      },
    },
    {
      name: 'accounts',
      typeDefs: link('@key') + /* GraphQL */ `
        type Query { topAccount: User }
        type User @key(fields: "email") { email: String! plan: String! }
      `,
      resolvers: {
        Query: { topAccount: () => ({ email: 'bek@example.kz' }) },
        User: { plan: (u: { email: string }) => (u.email.startsWith('bek') ? 'GOLD' : 'BASIC') },
      },
    },
    {
      name: 'billing',
      typeDefs: link('@key') + /* GraphQL */ `
        type User @key(fields: "id") { id: ID! balance: Int! }
      `,
      resolvers: { User: { balance: (u: { id: string }) => (u.id === 'u1' ? 100 : 250) } },
    },
  ],
  operations: [
    {
      name: 'jump by email from a subgraph that knows only the email key',
      query: '{ topAccount { email plan name id balance } }',
      expect: { data: { topAccount: { email: 'bek@example.kz', plan: 'GOLD', name: 'Bek', id: 'u2', balance: 250 } } },
    },
    {
      name: 'each key used by the subgraph that declares it',
      query: '{ users { name plan balance } }',
      expect: { data: { users: [{ name: 'Aru', plan: 'BASIC', balance: 100 }, { name: 'Bek', plan: 'GOLD', balance: 250 }] } },
    },
  ],
};

// ---------------------------------------------------------------------------------------------
const parcels = [
  { upc: '1', price: 1000, grams: 2500 },
  { upc: '2', price: 300, grams: 500 },
];
const requires: FederationCase = {
  name: '@requires, including fields with arguments',
  subgraphs: [
    {
      name: 'products',
      typeDefs: link('@key') + /* GraphQL */ `
        type Query { parcels: [Parcel!]! }
        enum WeightUnit { GRAM KILOGRAM }
        type Parcel @key(fields: "upc") { upc: String! price: Int! weight(unit: WeightUnit! = GRAM): Float! }
      `,
      resolvers: {
        Query: { parcels: () => parcels },
        Parcel: {
          __resolveReference: (ref: { upc: string }) => parcels.find((p) => p.upc === ref.upc),
          weight: (p: { grams: number }, { unit }: { unit: string }) => (unit === 'KILOGRAM' ? p.grams / 1000 : p.grams),
        },
      },
    },
    {
      name: 'shipping',
      typeDefs: link('@key', '@external', '@requires') + /* GraphQL */ `
        enum WeightUnit { GRAM KILOGRAM }
        type Parcel @key(fields: "upc") {
          upc: String!
          price: Int! @external
          weight(unit: WeightUnit! = GRAM): Float! @external
          "1 tiyn per gram, free over 900; needs the weight in kilograms"
          shippingEstimate: Int! @requires(fields: "price weight(unit: KILOGRAM)")
          "a field with its own argument that also requires fields"
          deliveryFee(zone: Int!): Int! @requires(fields: "price")
        }
      `,
      resolvers: {
        Parcel: {
          shippingEstimate: (p: { price: number; weight: number }) => {
            if (typeof p.weight !== 'number' || typeof p.price !== 'number') throw new GraphQLError('requirements missing');
            return p.price > 900 ? 0 : Math.round(p.weight * 1000);
          },
          deliveryFee: (p: { price: number }, { zone }: { zone: number }) => {
            if (typeof p.price !== 'number') throw new GraphQLError('requirements missing');
            return zone * 100 + Math.floor(p.price / 100);
          },
        },
      },
    },
  ],
  operations: [
    {
      name: 'required field with an argument',
      query: '{ parcels { upc shippingEstimate } }',
      expect: { data: { parcels: [{ upc: '1', shippingEstimate: 0 }, { upc: '2', shippingEstimate: 500 }] } },
    },
    {
      name: 'client asks the required field with a different argument value',
      query: '{ parcels { upc weight shippingEstimate kg: weight(unit: KILOGRAM) } }',
      expect: {
        data: {
          parcels: [
            { upc: '1', weight: 2500, shippingEstimate: 0, kg: 2.5 },
            { upc: '2', weight: 500, shippingEstimate: 500, kg: 0.5 },
          ],
        },
      },
    },
    {
      name: 'field with arguments that has @requires (variables and aliases)',
      query: 'query($z: Int!) { parcels { a: deliveryFee(zone: 1) b: deliveryFee(zone: $z) } }',
      variables: { z: 3 },
      expect: { data: { parcels: [{ a: 110, b: 310 }, { a: 103, b: 303 }] } },
    },
  ],
};

// ---------------------------------------------------------------------------------------------
const provides: FederationCase = {
  name: '@provides',
  subgraphs: [
    {
      name: 'accounts',
      typeDefs: link('@key', '@shareable') + /* GraphQL */ `
        type User @key(fields: "id") { id: ID! username: String! @shareable birthday: String! }
      `,
      resolvers: {
        User: { __resolveReference: (ref: { id: string }) => ({ id: ref.id, username: `user-${ref.id}`, birthday: `born-${ref.id}` }) },
      },
    },
    {
      name: 'reviews',
      typeDefs: link('@key', '@external', '@provides') + /* GraphQL */ `
        type Query { reviews: [Review!]! }
        type Review { body: String! author: User! @provides(fields: "username") }
        type User @key(fields: "id") { id: ID! username: String! @external }
      `,
      resolvers: {
        Query: {
          reviews: () => [
            { body: 'good', author: { id: '1', username: 'user-1' } },
            { body: 'fine', author: { id: '2', username: 'user-2' } },
          ],
        },
      },
    },
  ],
  operations: [
    {
      name: 'provided field comes from the providing subgraph alone',
      query: '{ reviews { body author { username } } }',
      expect: {
        data: { reviews: [{ body: 'good', author: { username: 'user-1' } }, { body: 'fine', author: { username: 'user-2' } }] },
        maxRequests: { accounts: 0, reviews: 1 },
      },
    },
    {
      name: 'a field not provided is still fetched from its owner',
      query: '{ reviews { author { username birthday } } }',
      expect: {
        data: { reviews: [{ author: { username: 'user-1', birthday: 'born-1' } }, { author: { username: 'user-2', birthday: 'born-2' } }] },
        maxRequests: { accounts: 1, reviews: 1 },
      },
    },
  ],
};

// ---------------------------------------------------------------------------------------------
const override: FederationCase = {
  name: '@override',
  subgraphs: [
    {
      name: 'legacy',
      typeDefs: link('@key') + /* GraphQL */ `
        type Query { payments: [Payment!]! }
        type Payment @key(fields: "id") { id: ID! amount: Int! currency: String! }
      `,
      resolvers: {
        Query: { payments: () => [{ id: 'x', amount: -1, currency: 'KZT' }] },
        Payment: { amount: () => -1 },
      },
    },
    {
      name: 'billing',
      typeDefs: link('@key', '@override') + /* GraphQL */ `
        type Payment @key(fields: "id") { id: ID! amount: Int! @override(from: "legacy") }
      `,
      resolvers: { Payment: { __resolveReference: (ref: { id: string }) => ({ id: ref.id, amount: 4200 }) } },
    },
  ],
  operations: [
    {
      name: 'the overriding subgraph answers the field',
      query: '{ payments { id amount currency } }',
      expect: { data: { payments: [{ id: 'x', amount: 4200, currency: 'KZT' }] }, maxRequests: { legacy: 1, billing: 1 } },
    },
  ],
};

// ---------------------------------------------------------------------------------------------
const shareable: FederationCase = {
  name: '@shareable',
  subgraphs: [
    {
      name: 'left',
      typeDefs: link('@key', '@shareable') + /* GraphQL */ `
        type Query { shop: Shop @shareable left: Item! }
        type Shop @shareable { name: String! currency: String! }
        type Money @shareable { amount: Int! currency: String! }
        type Item @key(fields: "id") { id: ID! title: String! @shareable price: Money! @shareable }
      `,
      resolvers: {
        Query: { shop: () => ({ name: 'Aleumet', currency: 'KZT' }), left: () => ({ id: 'i1', title: 'Cane', price: { amount: 5, currency: 'KZT' } }) },
        Item: { __resolveReference: (ref: { id: string }) => ({ id: ref.id, title: 'Cane', price: { amount: 5, currency: 'KZT' } }) },
      },
    },
    {
      name: 'right',
      typeDefs: link('@key', '@shareable') + /* GraphQL */ `
        type Query { shop: Shop @shareable right: Item! }
        type Shop @shareable { name: String! currency: String! }
        type Money @shareable { amount: Int! currency: String! }
        type Item @key(fields: "id") { id: ID! title: String! @shareable price: Money! @shareable sold: Int! }
      `,
      resolvers: {
        Query: { shop: () => ({ name: 'Aleumet', currency: 'KZT' }), right: () => ({ id: 'i1', title: 'Cane', price: { amount: 5, currency: 'KZT' }, sold: 9 }) },
        Item: { __resolveReference: (ref: { id: string }) => ({ id: ref.id, title: 'Cane', price: { amount: 5, currency: 'KZT' }, sold: 9 }) },
      },
    },
  ],
  operations: [
    {
      name: 'shareable root field and value type',
      query: '{ shop { name currency } }',
      expect: { data: { shop: { name: 'Aleumet', currency: 'KZT' } } },
    },
    {
      name: 'shareable entity fields from either side, owned field from the other',
      query: '{ left { id title price { amount currency } sold } right { title price { amount } } }',
      expect: { data: { left: { id: 'i1', title: 'Cane', price: { amount: 5, currency: 'KZT' }, sold: 9 }, right: { title: 'Cane', price: { amount: 5 } } } },
    },
  ],
};

// ---------------------------------------------------------------------------------------------
const inaccessible: FederationCase = {
  name: '@inaccessible',
  subgraphs: [
    {
      name: 'people',
      typeDefs: link('@key', '@inaccessible') + /* GraphQL */ `
        type Query { people: [Person!]! secretPeople: [Person!]! @inaccessible }
        enum Level { PUBLIC INTERNAL @inaccessible }
        type Person @key(fields: "id") { id: ID! name: String! iin: String! @inaccessible level: Level! }
        type AuditLog @inaccessible { entry: String! }
      `,
      resolvers: {
        Query: {
          people: () => [{ id: '1', name: 'Aru', iin: '900101300123', level: 'PUBLIC' }],
          secretPeople: () => [],
        },
      },
    },
    {
      name: 'benefits',
      typeDefs: link('@key', '@external', '@requires') + /* GraphQL */ `
        type Person @key(fields: "id") { id: ID! iin: String! @external age: Int! @requires(fields: "iin") }
      `,
      resolvers: { Person: { age: (p: { iin: string }) => 2026 - (1900 + Number(p.iin.slice(0, 2))) } },
    },
  ],
  operations: [
    {
      name: 'inaccessible field is usable by @requires but hidden from clients',
      query: '{ people { name age level } }',
      expect: { data: { people: [{ name: 'Aru', age: 36, level: 'PUBLIC' }] } },
    },
    {
      name: 'selecting an inaccessible field is a validation error',
      query: '{ people { iin } }',
      expect: { data: undefined, errorPaths: [undefined], errorCodes: ['GRAPHQL_VALIDATION_FAILED'] },
    },
    {
      name: 'inaccessible root field is a validation error',
      query: '{ secretPeople { id } }',
      expect: { data: undefined, errorPaths: [undefined], errorCodes: ['GRAPHQL_VALIDATION_FAILED'] },
    },
    {
      name: 'introspection hides inaccessible fields, types and enum values',
      query: `{ person: __type(name: "Person") { fields { name } } audit: __type(name: "AuditLog") { name }
                level: __type(name: "Level") { enumValues { name } } }`,
      expect: {
        data: {
          // Field order is the supergraph's (composition orders them), not a subgraph's.
          person: { fields: [{ name: 'id' }, { name: 'age' }, { name: 'name' }, { name: 'level' }] },
          audit: null,
          level: { enumValues: [{ name: 'PUBLIC' }] },
        },
      },
    },
  ],
};

// ---------------------------------------------------------------------------------------------
const media = [
  { __typename: 'Book', id: 'b1', title: 'Abai Zholy', author: 'Auezov' },
  { __typename: 'Movie', id: 'm1', title: 'Kochevnik', director: 'Bodrov' },
];
const interfaces: FederationCase = {
  name: 'interfaces with @key and @interfaceObject',
  subgraphs: [
    {
      name: 'media',
      typeDefs: link('@key') + /* GraphQL */ `
        type Query { media: [Media!]! }
        interface Media @key(fields: "id") { id: ID! title: String! }
        type Book implements Media @key(fields: "id") { id: ID! title: String! author: String! }
        type Movie implements Media @key(fields: "id") { id: ID! title: String! director: String! }
      `,
      resolvers: {
        Query: { media: () => media },
        Media: {
          __resolveReference: (ref: { id: string }) => media.find((m) => m.id === ref.id),
          __resolveType: (m: { __typename: string }) => m.__typename,
        },
        Book: { __resolveReference: (ref: { id: string }) => media.find((m) => m.id === ref.id) },
        Movie: { __resolveReference: (ref: { id: string }) => media.find((m) => m.id === ref.id) },
      },
    },
    {
      name: 'ratings',
      typeDefs: link('@key', '@interfaceObject') + /* GraphQL */ `
        type Query { topRated: Media! }
        type Media @key(fields: "id") @interfaceObject { id: ID! stars: Int! }
      `,
      resolvers: {
        Query: { topRated: () => ({ id: 'm1' }) },
        Media: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }), stars: (m: { id: string }) => (m.id === 'b1' ? 5 : 4) },
      },
    },
  ],
  operations: [
    {
      name: 'interface field added by an @interfaceObject subgraph, on every implementation',
      query: '{ media { __typename id title stars ... on Book { author } ... on Movie { director } } }',
      expect: {
        data: {
          media: [
            { __typename: 'Book', id: 'b1', title: 'Abai Zholy', stars: 5, author: 'Auezov' },
            { __typename: 'Movie', id: 'm1', title: 'Kochevnik', stars: 4, director: 'Bodrov' },
          ],
        },
      },
    },
    {
      name: '@interfaceObject root field: concrete type and its fields resolved through the interface key',
      query: '{ topRated { __typename id stars title ... on Movie { director } ... on Book { author } } }',
      expect: { data: { topRated: { __typename: 'Movie', id: 'm1', stars: 4, title: 'Kochevnik', director: 'Bodrov' } } },
    },
  ],
};

// ---------------------------------------------------------------------------------------------
const unions: FederationCase = {
  name: 'unions',
  subgraphs: [
    {
      name: 'search',
      typeDefs: link('@key') + /* GraphQL */ `
        type Query { search(term: String!): [Result!]! }
        union Result = Book | Author
        type Book @key(fields: "isbn") { isbn: ID! }
        type Author { name: String! }
      `,
      resolvers: {
        Query: { search: () => [{ __typename: 'Book', isbn: '978' }, { __typename: 'Author', name: 'Auezov' }] },
        Result: { __resolveType: (r: { __typename: string }) => r.__typename },
      },
    },
    {
      name: 'books',
      typeDefs: link('@key') + /* GraphQL */ `
        type Query { featured: [Result!]! }
        union Result = Book | Magazine
        type Book @key(fields: "isbn") { isbn: ID! title: String! }
        type Magazine { issue: Int! }
      `,
      resolvers: {
        Query: { featured: () => [{ __typename: 'Magazine', issue: 7 }, { __typename: 'Book', isbn: '978', title: 'Abai Zholy' }] },
        Book: { __resolveReference: (ref: { isbn: string }) => ({ isbn: ref.isbn, title: 'Abai Zholy' }) },
        Result: { __resolveType: (r: { __typename: string }) => r.__typename },
      },
    },
  ],
  operations: [
    {
      name: 'union member entity completed from another subgraph',
      query: '{ search(term: "a") { __typename ... on Book { isbn title } ... on Author { name } } }',
      expect: { data: { search: [{ __typename: 'Book', isbn: '978', title: 'Abai Zholy' }, { __typename: 'Author', name: 'Auezov' }] } },
    },
    {
      name: 'union merged across subgraphs (members of both)',
      query: '{ featured { __typename ... on Magazine { issue } ... on Book { title } ... on Author { name } } }',
      expect: { data: { featured: [{ __typename: 'Magazine', issue: 7 }, { __typename: 'Book', title: 'Abai Zholy' }] } },
    },
  ],
};

// ---------------------------------------------------------------------------------------------
const orderRows = [{ id: 'o1', status: 'OPEN' }, { id: 'o2', status: 'CLOSED' }];
const enums: FederationCase = {
  name: 'enums across subgraphs',
  subgraphs: [
    {
      name: 'orders',
      typeDefs: link('@key') + /* GraphQL */ `
        type Query { orders(color: Color): [Order!]! }
        "output only: values merge (union)"
        enum Status { OPEN CLOSED }
        "input only: values intersect"
        enum Color { RED GREEN BLUE }
        type Order @key(fields: "id") { id: ID! status: Status! }
      `,
      resolvers: {
        Query: {
          orders: (_: unknown, { color }: { color?: string }) =>
            orderRows.filter(() => color === undefined || color === 'RED'),
        },
        Order: { __resolveReference: (ref: { id: string }) => orderRows.find((o) => o.id === ref.id) },
      },
    },
    {
      name: 'archive',
      typeDefs: link('@key') + /* GraphQL */ `
        type Query { archived(color: Color): [Order!]! }
        enum Status { OPEN ARCHIVED }
        enum Color { RED GREEN }
        type Order @key(fields: "id") { id: ID! archivedStatus: Status! }
      `,
      resolvers: {
        Query: { archived: () => [{ id: 'o2' }] },
        Order: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }), archivedStatus: (o: { id: string }) => (o.id === 'o2' ? 'ARCHIVED' : 'OPEN') },
      },
    },
  ],
  operations: [
    {
      name: 'output enum values from both subgraphs',
      query: '{ orders { id status archivedStatus } archived { id status archivedStatus } }',
      expect: {
        data: {
          orders: [{ id: 'o1', status: 'OPEN', archivedStatus: 'OPEN' }, { id: 'o2', status: 'CLOSED', archivedStatus: 'ARCHIVED' }],
          archived: [{ id: 'o2', status: 'CLOSED', archivedStatus: 'ARCHIVED' }],
        },
      },
    },
    {
      name: 'input enum value known to every subgraph, as literal and variable',
      query: 'query($c: Color) { a: orders(color: RED) { id } b: orders(color: $c) { id } }',
      variables: { c: 'GREEN' },
      expect: { data: { a: [{ id: 'o1' }, { id: 'o2' }], b: [] } },
    },
    {
      name: 'input enum value missing in one subgraph is not in the supergraph',
      query: '{ orders(color: BLUE) { id } }',
      expect: { data: undefined, errorPaths: [undefined], errorCodes: ['GRAPHQL_VALIDATION_FAILED'] },
    },
    {
      name: 'enum introspection shows merged values',
      query: '{ status: __type(name: "Status") { enumValues { name } } color: __type(name: "Color") { enumValues { name } } }',
      expect: {
        data: {
          status: { enumValues: [{ name: 'OPEN' }, { name: 'ARCHIVED' }, { name: 'CLOSED' }] },
          color: { enumValues: [{ name: 'RED' }, { name: 'GREEN' }] },
        },
      },
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Async like any real reference resolver: one failing representation fails only its own entity.
const failing = async (ref: { id: string }) => {
  if (ref.id === 'bad') throw new GraphQLError('entity fetch failed', { extensions: { code: 'NOT_FOUND' } });
  if (ref.id === 'gone') return null;
  return { id: ref.id };
};
// ---------------------------------------------------------------------------------------------
const goods = [
  { upc: '1', name: 'Wheelchair', price: 1000, weight: 200 },
  { upc: '2', name: 'Crutches', price: 300, weight: 60 },
  { upc: '3', name: 'Cane', price: 100, weight: 10 },
];
/**
 * An entity fetch beside a `@requires` of the same subgraph: plain @apollo/gateway asks inventory twice (once for
 * `inStock` next to products, once for `shippingEstimate` after it); ours waits and sends both in one request,
 * each with its own representations, so a failed requirement still leaves the other field answered.
 */
const mergedFetches: FederationCase = {
  name: 'fetches of one subgraph merged into one request',
  subgraphs: [
    {
      name: 'catalog',
      typeDefs: link('@key') + /* GraphQL */ `
        type Query { goods: [Good!]! }
        type Good @key(fields: "upc") { upc: String! }
      `,
      resolvers: { Query: { goods: () => goods.map((g) => ({ upc: g.upc })) } },
    },
    {
      name: 'pricing',
      typeDefs: link('@key') + /* GraphQL */ `
        type Good @key(fields: "upc") { upc: String! name: String price: Int weight: Int }
      `,
      resolvers: {
        Good: {
          // Good 3 is unknown here: its price and weight never arrive, so its shippingEstimate cannot be asked.
          __resolveReference: (ref: { upc: string }) => (ref.upc === '3' ? null : goods.find((g) => g.upc === ref.upc)),
        },
      },
    },
    {
      name: 'inventory',
      typeDefs: link('@key', '@external', '@requires') + /* GraphQL */ `
        type Good @key(fields: "upc") {
          upc: String!
          price: Int @external
          weight: Int @external
          inStock: Boolean!
          shippingEstimate: Int @requires(fields: "price weight")
          label(prefix: String!): String!
        }
      `,
      resolvers: {
        Good: {
          __resolveReference: (ref: { upc: string; price?: number; weight?: number }) => ref,
          inStock: (g: { upc: string }) => g.upc !== '2',
          shippingEstimate: (g: { price?: number; weight?: number }) => {
            if (typeof g.price !== 'number' || typeof g.weight !== 'number') throw new GraphQLError('requirements missing');
            return g.price > 500 ? 0 : g.weight * 2;
          },
          label: (g: { upc: string }, { prefix }: { prefix: string }) => `${prefix}-${g.upc}`,
        },
      },
    },
  ],
  operations: [
    {
      name: 'a field of inventory and a @requires of inventory: one request to inventory',
      query: '{ goods { upc name inStock shippingEstimate } }',
      expect: {
        data: {
          goods: [
            { upc: '1', name: 'Wheelchair', inStock: true, shippingEstimate: 0 },
            { upc: '2', name: 'Crutches', inStock: false, shippingEstimate: 120 },
            { upc: '3', name: null, inStock: true, shippingEstimate: null },
          ],
        },
        oursMaxRequests: { inventory: 1, pricing: 1, catalog: 1 },
      },
    },
    {
      name: 'with variables, aliases and the same field twice',
      query: 'query($p: String!) { goods { upc a: label(prefix: $p) b: label(prefix: "x") inStock price shippingEstimate again: shippingEstimate } }',
      variables: { p: 'v' },
      expect: {
        data: {
          goods: [
            { upc: '1', a: 'v-1', b: 'x-1', inStock: true, price: 1000, shippingEstimate: 0, again: 0 },
            { upc: '2', a: 'v-2', b: 'x-2', inStock: false, price: 300, shippingEstimate: 120, again: 120 },
            { upc: '3', a: 'v-3', b: 'x-3', inStock: true, price: null, shippingEstimate: null, again: null },
          ],
        },
        oursMaxRequests: { inventory: 1 },
      },
    },
  ],
};

const nullability: FederationCase = {
  name: 'nullability of failed entity fetches',
  subgraphs: [
    {
      name: 'core',
      typeDefs: link('@key') + /* GraphQL */ `
        type Query { things: [Thing]! strictThings: [Thing!]! one: Thing! maybe: Thing wrapper: Wrapper }
        type Wrapper { thing: Thing! }
        type Thing @key(fields: "id") { id: ID! }
      `,
      resolvers: {
        Query: {
          things: () => [{ id: 'ok' }, { id: 'bad' }, { id: 'gone' }],
          strictThings: () => [{ id: 'ok' }, { id: 'bad' }],
          one: () => ({ id: 'bad' }),
          maybe: () => ({ id: 'bad' }),
          wrapper: () => ({ thing: { id: 'gone' } }),
        },
      },
    },
    {
      name: 'extra',
      typeDefs: link('@key') + /* GraphQL */ `
        type Thing @key(fields: "id") { id: ID! label: String extraRequired: String! }
      `,
      resolvers: {
        Thing: {
          __resolveReference: failing,
          label: (t: { id: string }) => `label-${t.id}`,
          extraRequired: (t: { id: string }) => `req-${t.id}`,
        },
      },
    },
  ],
  operations: [
    // A failed entity fetch is reported at the entity's path (the subgraph's `_entities` index mapped
    // back into the response); an entity resolved to null has no error of its own, but a non-null
    // field left empty by it is a field error (GraphQL spec, "Handling Field Errors") and must be in `errors`.
    {
      name: 'nullable field of a failed entity becomes null with an error at the entity',
      query: '{ things { id label } }',
      expect: {
        data: { things: [{ id: 'ok', label: 'label-ok' }, { id: 'bad', label: null }, { id: 'gone', label: null }] },
        errorPaths: [['things', 1]],
      },
    },
    {
      name: 'non-null field of failed or null entities: null propagates to the nullable list item, one error each',
      query: '{ things { id extraRequired } }',
      expect: {
        data: { things: [{ id: 'ok', extraRequired: 'req-ok' }, null, null] },
        errorPaths: [['things', 1], ['things', 2, 'extraRequired']],
      },
    },
    {
      name: 'null propagates through non-null list items and a non-null root field to data: null',
      query: '{ strictThings { id extraRequired } }',
      expect: { data: null, errorPaths: [['strictThings', 1]] },
    },
    {
      name: 'non-null root field of a failed entity makes data null',
      query: '{ one { id extraRequired } }',
      expect: { data: null, errorPaths: [['one']], errorCodes: ['NOT_FOUND'] },
    },
    {
      name: 'nullable root field of a failed entity becomes null, siblings survive',
      query: '{ maybe { id extraRequired } things { id } }',
      expect: {
        data: { maybe: null, things: [{ id: 'ok' }, { id: 'bad' }, { id: 'gone' }] },
        errorPaths: [['maybe']],
      },
    },
    {
      name: 'entity that resolves to null under a non-null field nulls the nearest nullable parent',
      query: '{ wrapper { thing { id extraRequired } } }',
      // Not masked as an internal error: the subgraph broke the schema, and the client is told where.
      expect: { data: { wrapper: null }, errorPaths: [['wrapper', 'thing', 'extraRequired']], errorCodes: ['RESPONSE_VALIDATION_FAILED'] },
    },
  ],
};

// ---------------------------------------------------------------------------------------------
const prices: Record<string, Record<string, number>> = { p1: { USD: 10, EUR: 9, KZT: 5000 }, p2: { USD: 20, EUR: 18, KZT: 10000 } };
const requiresVariants: FederationCase = {
  name: 'one field required with different arguments by two fields',
  subgraphs: [
    {
      name: 'pricing',
      typeDefs: link('@key') + /* GraphQL */ `
        type Query { products: [Product!]! }
        type Product @key(fields: "id") { id: ID! price(currency: String!): Int! }
      `,
      resolvers: {
        Query: { products: () => [{ id: 'p1' }, { id: 'p2' }] },
        Product: {
          __resolveReference: (ref: { id: string }) => ref,
          price: (p: { id: string }, { currency }: { currency: string }) => prices[p.id]![currency],
        },
      },
    },
    {
      name: 'labels',
      typeDefs: link('@key', '@external', '@requires') + /* GraphQL */ `
        type Product @key(fields: "id") {
          id: ID!
          price(currency: String!): Int! @external
          usd: String! @requires(fields: "price(currency: \\"USD\\")")
          eur: String! @requires(fields: "price(currency: \\"EUR\\")")
          title: String!
        }
      `,
      resolvers: {
        Product: {
          __resolveReference: (ref: { id: string; price?: number }) => ref,
          usd: (p: { price: number }) => `$${p.price}`,
          eur: (p: { price: number }) => `€${p.price}`,
          title: (p: { id: string }) => `product ${p.id}`,
        },
      },
    },
  ],
  operations: [
    {
      name: 'each requiring field gets its own argument value',
      query: '{ products { id usd eur } }',
      expect: { data: { products: [{ id: 'p1', usd: '$10', eur: '€9' }, { id: 'p2', usd: '$20', eur: '€18' }] } },
    },
    {
      name: 'with the field itself and a field without requirements',
      query: '{ products { title eur kzt: price(currency: "KZT") usd } }',
      expect: {
        data: {
          products: [
            { title: 'product p1', eur: '€9', kzt: 5000, usd: '$10' },
            { title: 'product p2', eur: '€18', kzt: 10000, usd: '$20' },
          ],
        },
      },
    },
  ],
};

// ---------------------------------------------------------------------------------------------
const nonResolvableKey: FederationCase = {
  name: 'a key marked resolvable: false next to a resolvable one',
  subgraphs: [
    {
      name: 'shop',
      typeDefs: link('@key', '@external', '@requires') + /* GraphQL */ `
        type Query { product: Product }
        type Product @key(fields: "upc", resolvable: false) @key(fields: "id") {
          id: ID!
          upc: String!
          weight: Int! @external
          height: Int! @external
          shipping: String! @requires(fields: "weight")
          label: String! @requires(fields: "height")
        }
      `,
      resolvers: {
        Query: { product: () => ({ id: 'p1', upc: 'u1' }) },
        Product: {
          // Entered by `id` only: `upc` is not a key this subgraph resolves.
          __resolveReference: (ref: { id?: string; weight?: number; height?: number }) => (ref.id ? { ...ref, upc: 'u1' } : null),
          shipping: (p: { weight: number }) => `weight ${p.weight}`,
          label: (p: { height: number }) => `height ${p.height}`,
        },
      },
    },
    {
      name: 'scales',
      typeDefs: link('@key') + /* GraphQL */ `type Product @key(fields: "id") { id: ID! weight: Int! }`,
      resolvers: { Product: { __resolveReference: (ref: { id: string }) => ({ id: ref.id, weight: 7 }) } },
    },
    {
      name: 'rulers',
      typeDefs: link('@key') + /* GraphQL */ `type Product @key(fields: "upc") { upc: String! height: Int! }`,
      resolvers: { Product: { __resolveReference: (ref: { upc: string }) => ({ upc: ref.upc, height: 120 }) } },
    },
  ],
  operations: [
    {
      name: 'back to the subgraph after a requirement fetched by the resolvable key',
      query: '{ product { shipping } }',
      expect: { data: { product: { shipping: 'weight 7' } } },
    },
    {
      name: 'back to the subgraph after a requirement fetched by the other key: its key fields fetched first',
      query: '{ product { label } }',
      expect: { data: { product: { label: 'height 120' } } },
    },
  ],
};

// ---------------------------------------------------------------------------------------------
const unreachableInterfaceObject: FederationCase = {
  name: '@interfaceObject whose keys are all marked resolvable: false (supergraph from a composition without satisfiability checks)',
  subgraphs: [
    {
      name: 'library',
      typeDefs: link('@key') + /* GraphQL */ `
        interface Media @key(fields: "id") { id: ID! title: String! }
        type Book implements Media @key(fields: "id") { id: ID! title: String! }
        type Query { media: [Media!]! }
      `,
      resolvers: {
        Query: { media: () => [{ __typename: 'Book', id: 'm1', title: 'Abai' }] },
        Media: { __resolveType: () => 'Book', __resolveReference: (ref: { id: string }) => ({ __typename: 'Book', id: ref.id, title: 'Abai' }) },
        Book: { __resolveReference: (ref: { id: string }) => ({ id: ref.id, title: 'Abai' }) },
      },
    },
    {
      name: 'critics',
      typeDefs: link('@key', '@interfaceObject') + /* GraphQL */ `type Media @key(fields: "id") @interfaceObject { id: ID! reviews: [String!] }`,
      resolvers: { Media: { __resolveReference: (ref: { id: string }) => ({ id: ref.id, reviews: ['classic'] }) } },
    },
  ],
  editSupergraph: (sdl) => {
    const edited = sdl.replace('@join__type(graph: CRITICS, key: "id", isInterfaceObject: true)', '@join__type(graph: CRITICS, key: "id", resolvable: false, isInterfaceObject: true)');
    if (edited === sdl) throw new Error('supergraph edit did not apply');
    return edited;
  },
  operations: [
    {
      name: 'a field no subgraph can be reached for is refused with a planning error, not answered null',
      query: '{ media { id reviews } }',
      expect: { data: undefined, errorPaths: [undefined], errorCodes: ['QUERY_PLANNING_FAILED'] },
    },
    {
      name: 'the rest of the supergraph still answers',
      query: '{ media { id title } }',
      expect: { data: { media: [{ id: 'm1', title: 'Abai' }] } },
    },
  ],
};

export const CASES: FederationCase[] = [keys, multipleKeys, requires, requiresVariants, nonResolvableKey, unreachableInterfaceObject, provides, override, shareable, inaccessible, interfaces, unions, enums, nullability, mergedFetches];
