import { createRequire } from 'node:module';
import type { ApolloServerPlugin } from '@apollo/server';
import type {
  DocumentNode, ExecutionResult, GraphQLError, GraphQLFormattedError, GraphQLSchema, OperationDefinitionNode, ValidationRule,
} from 'graphql';
import type { SubscribePayload } from 'graphql-ws';
import { documentHash, withoutRequestId } from '@aleumet/core';
import type { SecureContext } from './security/context.js';

/**
 * One pipeline of small steps for every operation the gateway runs, whichever transport brought it.
 * HTTP runs it as an Apollo Server plugin (`apolloPlugin`); graphql-ws runs the same steps, in the
 * same order, on each `subscribe` message (`wsOperation`) and on each subscription's start and events
 * (`delivered`). A step is a `useX()` factory (auth, limits, rate limit, trusted documents,
 * introspection, entity cache, audit) returning the hooks below; none knows the transport.
 */

/** One resolved operation, as every step sees it. */
export interface Operation {
  context: SecureContext;
  schema: GraphQLSchema;
  document: DocumentNode;
  /** sha256 of the document text as sent (or as registered, for a hash). */
  hash: string;
  operation: OperationDefinitionNode;
  operationName?: string | null;
  variables: Record<string, unknown>;
}

/** What was delivered: an answer, a subscription's start (`subscribed`) or one of its events (`event`). */
export type Delivery = 'answer' | 'subscribed' | 'event';
export type DeliveredResult = { data?: Record<string, unknown> | null; errors?: readonly { extensions?: Record<string, unknown> }[] } | null;

export interface Step {
  /** Per operation, before anything is parsed: throw to refuse (rate limit of identified callers). */
  admit?(context: SecureContext): void;
  /** The document registered under `hash` for this caller, when the request sent only the hash. */
  document?(context: SecureContext, hash: string): string | undefined;
  /** Limits enforced while parsing and validating. */
  parseOptions?: { maxTokens?: number };
  validationRules?: readonly ValidationRule[];
  /** The resolved operation: throw a GraphQL error to refuse it. */
  operation?(op: Operation): void;
  /** The request was refused before its operation resolved (unparsable, invalid). */
  unresolved?(context: SecureContext): void;
  /**
   * A result delivered to the caller (a refusal of a resolved operation too). HTTP answers wait for the
   * promise; subscription starts and events do not.
   */
  delivered?(op: Operation, result: DeliveredResult, kind: Delivery): Promise<void> | void;
  /** Error shaping, applied in step order. */
  formatError?(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError;
  /** Apollo Server plugins a step brings along (graphql-armor's). */
  apolloPlugins?: readonly ApolloServerPlugin<any>[];
}

// The copy of graphql that graphql-ws, @apollo/gateway and graphql-armor use (CommonJS): the schema, the
// validation rules and the errors graphql-ws checks with instanceof must all come from it, also when a
// bundler or test runner would hand this module the ESM build.
const graphql = createRequire(import.meta.url)('graphql') as typeof import('graphql');
const gqlError = (message: string, extensions: Record<string, unknown>, nodes?: GraphQLError['nodes']) =>
  new graphql.GraphQLError(message, { extensions, nodes: nodes ?? undefined });
const isGraphQLError = (e: unknown): e is GraphQLError => e instanceof Error && typeof (e as GraphQLError).toJSON === 'function' && 'extensions' in e;

/** Hashes may carry the algorithm (`sha256:<hex>`, as GraphQL Code Generator writes them). */
export const plainHash = (h: string) => h.replace(/^sha256:/i, '').toLowerCase();

/**
 * A request whose `extensions.persistedQuery.sha256Hash` is not the sha256 of its `query` (e.g. a registered
 * hash with changed text): BAD_REQUEST, HTTP 400. Apollo Server refuses it without a code (`provided sha does
 * not match query`); formatError gives it this one (HTTP), graphql-ws says the same.
 */
export const HASH_MISMATCH_MESSAGE = 'persistedQuery.sha256Hash is not the sha256 of the query sent: send the document exactly as registered, or only its hash';

export interface Pipeline {
  steps: readonly Step[];
  validationRules: ValidationRule[];
  parseOptions: { maxTokens?: number };
  formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError;
  /** Per operation, before parsing (throws the step's refusal). */
  admit(context: SecureContext): void;
  /** The steps as Apollo Server plugins (HTTP, and queries and mutations sent over graphql-ws). */
  apolloPlugins(): ApolloServerPlugin<SecureContext>[];
  /** A graphql-ws `subscribe` message through the steps: the operation to run, or the errors to answer with. */
  wsOperation(context: SecureContext, payload: SubscribePayload, schema: GraphQLSchema): Promise<Operation | GraphQLError[]>;
  /** A subscription started (or was refused by the engine): its start, and a callback for each event delivered. */
  delivered(op: Operation, refused?: ExecutionResult): ((event: ExecutionResult) => void) | undefined;
}

export function createPipeline(steps: Step[]): Pipeline {
  const validationRules = steps.flatMap((s) => s.validationRules ?? []);
  const tokenLimits = steps.map((s) => s.parseOptions?.maxTokens).filter((n): n is number => n !== undefined && n > 0);
  const parseOptions = tokenLimits.length ? { maxTokens: Math.min(...tokenLimits) } : {};
  const formatError = (formatted: GraphQLFormattedError, error: unknown) => steps.reduce((f, s) => (s.formatError ? s.formatError(f, error) : f), formatted);
  const admit = (context: SecureContext) => steps.forEach((s) => s.admit?.(context));
  const resolveDocument = (context: SecureContext, hash: string) => {
    for (const s of steps) {
      const doc = s.document?.(context, hash);
      if (doc !== undefined) return doc;
    }
    return undefined;
  };
  const deliver = (op: Operation, result: DeliveredResult, kind: Delivery) => Promise.all(steps.map((s) => s.delivered?.(op, result, kind))).then(() => {});

  const plugin: ApolloServerPlugin<SecureContext> = {
    async requestDidStart(rc) {
      const ext = rc.request.extensions as { persistedQuery?: { sha256Hash?: string } } | undefined;
      const given = ext?.persistedQuery?.sha256Hash;
      const hash = typeof given === 'string' ? plainHash(given) : undefined;
      // Apollo compares the hash as given with the text's: the same spelling as the manifest's (`sha256:`, letter case).
      if (rc.request.query && hash) ext!.persistedQuery!.sha256Hash = hash;
      if (!rc.request.query && hash) {
        const doc = resolveDocument(rc.contextValue, hash);
        if (doc) {
          rc.request.query = doc;
          delete ext!.persistedQuery;
        }
      }
      let resolved: Operation | undefined;
      return {
        async didResolveOperation(ctx) {
          resolved = {
            context: ctx.contextValue, schema: ctx.schema, document: ctx.document, hash: ctx.queryHash ?? documentHash(ctx.source ?? ''),
            operation: ctx.operation!, operationName: ctx.operationName, variables: ctx.request.variables ?? {},
          };
          for (const s of steps) s.operation?.(resolved);
        },
        async didEncounterErrors(ctx) {
          if (resolved || ctx.operation) return;
          for (const s of steps) {
            try {
              s.unresolved?.(ctx.contextValue);
            } catch {
              // Already answered with its own error.
            }
          }
        },
        async willSendResponse(ctx) {
          if (!resolved || ctx.response.body.kind !== 'single') return;
          await deliver(resolved, ctx.response.body.singleResult as DeliveredResult, 'answer');
        },
      };
    },
  };

  return {
    steps,
    validationRules,
    parseOptions,
    formatError,
    admit,
    apolloPlugins: () => [...steps.flatMap((s) => (s.apolloPlugins ?? []) as ApolloServerPlugin<SecureContext>[]), plugin],

    async wsOperation(context, payload, schema) {
      let op: Operation | undefined;
      try {
        admit(context);
        const ext = payload.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined;
        const given = ext?.persistedQuery?.sha256Hash;
        let source = payload.query;
        if (!source && typeof given === 'string') {
          const doc = resolveDocument(context, plainHash(given));
          if (!doc) return [gqlError('PersistedQueryNotFound', { code: 'PERSISTED_QUERY_NOT_FOUND' })];
          source = doc;
        }
        const hash = documentHash(source);
        if (payload.query && typeof given === 'string' && plainHash(given) !== hash) return [gqlError(HASH_MISMATCH_MESSAGE, { code: 'BAD_REQUEST' })];
        let document: DocumentNode;
        try {
          document = graphql.parse(source, parseOptions);
        } catch (e) {
          return [gqlError((e as Error).message, { code: 'GRAPHQL_PARSE_FAILED' })];
        }
        const invalid = graphql.validate(schema, document, [...graphql.specifiedRules, ...validationRules]);
        if (invalid.length) return invalid.map((e) => gqlError(e.message, { code: 'GRAPHQL_VALIDATION_FAILED', ...e.extensions }, e.nodes));
        const operation = graphql.getOperationAST(document, payload.operationName ?? undefined);
        if (!operation) return [gqlError('Unable to identify the operation', { code: 'OPERATION_RESOLUTION_FAILURE' })];
        op = { context, schema, document, hash, operation, operationName: payload.operationName ?? undefined, variables: (payload.variables ?? {}) as Record<string, unknown> };
        for (const s of steps) s.operation?.(op);
        (op as WsOperation).source = source;
        return op;
      } catch (e) {
        // Anything else (the directory unreachable…): refused like an internal error over HTTP (masked, logged
        // under the operation's request id, the one its audit rows carry).
        if (!isGraphQLError(e)) return [new graphql.GraphQLError('Internal error', { originalError: e as Error, extensions: { correlationId: context.security?.requestId } })];
        // A refused operation is recorded as over HTTP (outcome ERROR).
        if (op) void deliver(op, { data: null, errors: [{ extensions: { code: String(e.extensions?.code ?? 'GRAPHQL_VALIDATION_FAILED') } }] }, 'answer');
        return [gqlError(e.message, { ...e.extensions }, e.nodes)];
      }
    },

    delivered(op, refused) {
      if (!steps.some((s) => s.delivered)) return undefined;
      // The start: who subscribed to what (the arguments, e.g. the order id filter).
      void deliver(op, refused ? { data: null, errors: refused.errors as never } : null, 'subscribed');
      if (refused) return undefined;
      // Every event delivered is a read of the data it carries (order, person…).
      return (event) => {
        if (event.data) void deliver(op, event as DeliveredResult, 'event');
      };
    },
  };
}

/** A graphql-ws operation that passed the steps: the text as sent (trusted documents and the audit hash it). */
export interface WsOperation extends Operation {
  source: string;
}

/** Masked errors of a graphql-ws operation carry its own request id (set on the error), never another request's. */
export const wsFormatError = (pipeline: Pipeline) => (formatted: GraphQLFormattedError, error: unknown) =>
  withoutRequestId(() => pipeline.formatError(formatted, error));
