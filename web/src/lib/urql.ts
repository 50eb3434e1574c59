import { Client, fetchExchange, makeOperation, mapExchange, subscriptionExchange, type Operation } from 'urql';
import { cacheExchange, type UpdateResolver } from '@urql/exchange-graphcache';
import { relayPagination } from '@urql/exchange-graphcache/extras';
import type { Client as WsClient } from 'graphql-ws';
import { getToken, setSession } from './session.js';
import { afterFirstPaint } from './first-paint.js';

/**
 * The sha256 GraphQL Code Generator embedded in each generated document: its key in the trusted-documents
 * manifest, which codegen writes from the same documents (urql.test.ts checks every one is there).
 */
const hashOf = (op: Operation): string | undefined => (op.query as { __meta__?: { hash?: string } }).__meta__?.hash;

/** Same origin as the page: the gateway serves both the app and the API. */
function endpoints() {
  const { protocol, host } = window.location;
  return { http: '/graphql', ws: `${protocol === 'https:' ? 'wss' : 'ws'}://${host}/graphql` };
}

/** The WebSocket client, and the manifest's document texts (a subscription sends the exact text, so its hash is the trusted one). */
interface Live {
  client: WsClient;
  trusted: Record<string, string>;
}
let live: Promise<Live> | null = null;
const reconnectListeners = new Set<() => void>();

/**
 * Called each time the socket connects again after a drop: events sent meanwhile were missed, so live
 * views refetch what they show. Returns the unsubscribe function.
 */
export function onReconnect(listener: () => void): () => void {
  reconnectListeners.add(listener);
  return () => reconnectListeners.delete(listener);
}

function connect(createWsClient: typeof import('graphql-ws').createClient): WsClient {
  return createWsClient({
    url: endpoints().ws,
    lazy: true,
    retryAttempts: Infinity,
    shouldRetry: () => true,
    on: {
      connected: (_socket, _payload, wasRetry) => {
        if (wasRetry) for (const listener of reconnectListeners) listener();
      },
    },
    // The gateway reads the bearer token from connection_init.
    connectionParams: () => {
      const token = getToken();
      return token ? { authorization: `Bearer ${token}` } : {};
    },
  });
}

/**
 * Loaded with the first subscription, once the first page is painted: pages without live data never
 * download the socket client or the manifest, and the header's live channel does not compete with the
 * page's own scripts on a slow phone.
 */
function liveChannel(): Promise<Live> {
  live ??= afterFirstPaint()
    // Destructured right at the import: the bundler then keeps only the client of graphql-ws (not its server, nor graphql-js).
    .then(() => Promise.all([import('graphql-ws').then(({ createClient }) => createClient), import('../gql/persisted-documents.json').then((m) => m.default)]))
    .then(([createWsClient, manifest]) => ({ client: connect(createWsClient), trusted: manifest as Record<string, string> }));
  return live;
}

/** After sign-in or sign-out the socket must re-authenticate: close it; the next subscription reopens it. */
export function resetSubscriptions(): void {
  void live?.then(({ client }) => client.dispose());
  live = null;
}

/**
 * Lists the app pages through with "Show more": each query asks for the page after the last one
 * shown (`after`), and relayPagination answers with every page loaded so far for the same
 * arguments, merged in order (see ShowMore in components/ui.tsx).
 */
const paged = relayPagination();
const PAGINATED = {
  Query: [
    'orders',
    'measures',
    'claims',
    'serviceActs',
    'complaints',
    'failureTickets',
    'ticketsAtRisk',
    'supplierRegistrations',
    'mySupplierRegistrations',
    'faqEntries',
    'portalArticles',
    'maintenanceNotices',
    'offerings',
    'suppliers',
    'refusedCommands',
  ],
  RehabilitationProgram: ['measures'],
  Supplier: ['offerings'],
  Order: ['journal', 'acts'],
  Person: ['principals'],
} as const;
const resolvers = Object.fromEntries(Object.entries(PAGINATED).map(([type, fields]) => [type, Object.fromEntries(fields.map((f) => [f, paged]))]));

/** The normalized cache; `updates` and `live` are the features' cache updates per Mutation and Subscription field, merged by the shell. */
function cache(updates: Record<string, UpdateResolver>, live: Record<string, UpdateResolver>) {
  return cacheExchange({
    resolvers,
    keys: {
      Region: (r) => (r.code as string) ?? null,
      ItemType: (t) => (t.code as string) ?? null,
      Needs: () => null,
      PageInfo: () => null,
      Payment: (p) => (p.id as string) ?? null,
      GuaranteedSum: (g) => (g.id as string) ?? null,
      SignInChallenge: () => null,
      SignInResult: () => null,
      DevelopmentSigningKey: () => null,
      OrderStatusChange: () => null,
      MeasureStatusChange: () => null,
      NotificationReceived: () => null,
      LocalizedText: () => null,
      PortalContact: () => null,
      BankDetails: () => null,
      PersonnelMember: () => null,
      RegistryCheckResult: () => null,
      TicketClockView: () => null,
      ProstheticMeasurement: () => null,
      ProstheticTrip: () => null,
    },
    updates: { Mutation: updates, Subscription: live },
  });
}

export function createClient(updates: Record<string, UpdateResolver> = {}, live: Record<string, UpdateResolver> = {}): Client {
  return new Client({
    url: endpoints().http,
    requestPolicy: 'cache-and-network',
    // POST only: the gateway's CSRF prevention refuses simple GET requests.
    preferGetMethod: false,
    fetchOptions: () => {
      const token = getToken();
      const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
      return { headers };
    },
    exchanges: [
      // Queries and mutations travel as their manifest hash only (the gateway runs only trusted documents in
      // production). The hash rides in the context: graphcache rebuilds operations and drops their extensions.
      mapExchange({
        onOperation(op) {
          const hash = hashOf(op);
          if (!hash || op.kind === 'subscription' || op.kind === 'teardown') return op;
          return makeOperation(op.kind, op, { ...op.context, trustedHash: hash });
        },
      }),
      mapExchange({
        onError(error) {
          // An expired or revoked token: sign out; the sign-in page explains why.
          if (error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED') && getToken()) {
            setSession(null);
            resetSubscriptions();
          }
        },
      }),
      cache(updates, live),
      mapExchange({
        onOperation(op) {
          const hash = op.context.trustedHash as string | undefined;
          return hash ? { ...op, extensions: { ...op.extensions, persistedQuery: { version: 1, sha256Hash: hash } } } : op;
        },
      }),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request, operation) {
          const hash = hashOf(operation);
          return {
            subscribe(sink) {
              let unsubscribe: (() => void) | null = null;
              let closed = false;
              void liveChannel().then(({ client, trusted }) => {
                // Subscriptions send the manifest's exact text, so its hash is the trusted one.
                if (!closed) unsubscribe = client.subscribe({ ...request, query: (hash && trusted[hash]) || request.query || '' }, sink);
              });
              return {
                unsubscribe() {
                  closed = true;
                  unsubscribe?.();
                },
              };
            },
          };
        },
      }),
    ],
  });
}
