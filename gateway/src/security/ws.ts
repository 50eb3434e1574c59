import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import type {
  GraphQLError, DocumentNode, ExecutionResult, GraphQLSchema, OperationDefinitionNode, ValidationRule,
} from 'graphql';
import { CloseCode, type SubscribePayload } from 'graphql-ws';
import type { WebSocket } from 'ws';
import { ErrorCode, bearerExpiresAt, documentHash, signToken, unauthenticated, withoutRequestId } from '@aleumet/core';
import { WsRefusal, type WsCaller, type WsExtra } from '@aleumet/http-kit';
import type { AuditRow } from './integrator-store.js';
import { audited, auditRow, writeAudit } from './audit.js';
import { assertIntrospection } from './introspection.js';
import { HASH_MISMATCH_MESSAGE, assertTrusted, persistedDocument, plainHash } from './trusted-documents.js';
import { credentialsFrom, type Credentials, type GatewaySecurity } from './index.js';
import type { SecureContext } from './context.js';

/** One graphql-ws connection as the security layer sees it (kept on `extra.secure`). */
export interface SecureConnection extends SecureContext {
  creds: Credentials;
  socket: WebSocket;
  /** API-key connections: when the token forwarded to the subgraphs expires (the connection closes then, 4401). */
  expiresAt?: number;
}

/** A `subscribe` message that passed every check: what to run, for whom. */
export interface GuardedOperation {
  document: DocumentNode;
  /** The document text as sent (or as registered, for a hash): its sha256 is `hash`. */
  source: string;
  hash: string;
  operation: OperationDefinitionNode;
  operationName?: string;
  variables: Record<string, unknown>;
  /** Per operation: the connection's caller with a request id of its own. */
  context: SecureContext;
}

export interface WsGuardOptions {
  /** `none` (development): anonymous connections are accepted and their `authorization` forwarded unverified, as over HTTP. */
  auth: 'jwt' | 'none';
  /** Validation rules of the gateway's limits (graphql-armor: depth, aliases, directives, cost), as for HTTP. */
  validationRules: readonly ValidationRule[];
  /** The parser's token limit (the smallest of the configured ones). */
  maxTokens?: number;
  /** How often open connections re-check their API key / client (default: the key cache time, at least 1 s). */
  sweepMs?: number;
  /** Longest life of the token forwarded for an API-key connection (default 12 h; never beyond the key's expiry). */
  connectionTokenSeconds?: number;
  /** Delay before buffered audit rows are written (default 250 ms; at most 200 rows wait). */
  auditFlushMs?: number;
}

export interface WsGuard {
  /** `connection_init`: the caller, or a `WsRefusal` (4401 without credentials, 4403 refused credentials). */
  connect(params: Record<string, unknown> | undefined, extra: WsExtra): Promise<WsCaller>;
  /** A `subscribe` message: the same checks as an HTTP request, or the errors to send in an `error` message. */
  operation(extra: WsExtra, payload: SubscribePayload, schema: GraphQLSchema): Promise<GuardedOperation | GraphQLError[]>;
  /**
   * A subscription was started (or refused by the engine: `refused`). Records the start in the audit
   * trail and returns what to call for every event delivered (recorded as a read too).
   */
  started(op: GuardedOperation, schema: GraphQLSchema, refused?: ExecutionResult): ((event: ExecutionResult) => void) | undefined;
  /** Forgets a closed connection. */
  closed(extra: WsExtra): void;
  formatError: GatewaySecurity['formatError'];
  close(): Promise<void>;
}

// The copy of graphql that graphql-ws, @apollo/gateway and graphql-armor use (CommonJS): the schema, the
// validation rules and the errors graphql-ws checks with instanceof must all come from it, also when a
// bundler or test runner would hand this module the ESM build.
const graphql = createRequire(import.meta.url)('graphql') as typeof import('graphql');
const { getOperationAST, parse, specifiedRules, validate } = graphql;
const gqlError = (message: string, extensions: Record<string, unknown>, nodes?: GraphQLError['nodes']) =>
  new graphql.GraphQLError(message, { extensions, nodes: nodes ?? undefined });
/** Any error (ours or @aleumet/core's DomainError) as graphql-ws's GraphQLError, keeping message and extensions. */
const asWsError = (e: GraphQLError) => gqlError(e.message, { ...e.extensions }, e.nodes);

const unauthenticatedCode = (e: unknown) => (e as GraphQLError | null)?.extensions?.code === ErrorCode.UNAUTHENTICATED;
const isGraphQLError = (e: unknown): e is GraphQLError => e instanceof Error && typeof (e as GraphQLError).toJSON === 'function' && 'extensions' in e;
const codeOf = (e: GraphQLError) => String(e.extensions?.code ?? 'GRAPHQL_VALIDATION_FAILED');

/**
 * The gateway's security layer on graphql-ws (the same functions as HTTP): credentials in
 * `connection_init` under the HTTP header names; per `subscribe` message the caller is checked
 * again (a revoked key closes the connection), one rate-limit token is taken, the document is
 * resolved (text or registered hash), parsed and validated with the same limits, checked against
 * trusted documents and the introspection guard; subscriptions are audited at start and per event.
 */
export function createWsGuard(security: GatewaySecurity, opts: WsGuardOptions): WsGuard {
  const connections = new Set<SecureConnection>();
  const store = security.auditStore;
  const rules = [...specifiedRules, ...opts.validationRules];
  const maxConnectionToken = opts.connectionTokenSeconds ?? 12 * 3600;

  // Audit rows are written in batches (many subscribers start at once; a subscription may deliver many events).
  let pending: AuditRow[] = [];
  let flushing: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    timer = undefined;
    const rows = pending;
    pending = [];
    if (rows.length && store) flushing = flushing.then(() => writeAudit(store, rows));
    return flushing;
  };
  const record = (row: AuditRow) => {
    if (!store) return;
    pending.push(row);
    if (pending.length >= 200) void flush();
    else timer ??= setTimeout(flush, opts.auditFlushMs ?? 250);
  };

  const refuse = (conn: SecureConnection, code: number, reason: string) => {
    connections.delete(conn);
    conn.socket.close(code, reason.slice(0, 120));
  };

  /**
   * Is the connection's API key (or the key of its client-credential token, or its integrator client)
   * still good? Closes it with 4403 when revoked, expired or disabled, with 4401 when its forwarded
   * token runs out. Only definite answers close: a key or client the store does not find (it never
   * deletes them; the embedded database sometimes answers a concurrent statement with no rows) waits
   * for the next check.
   */
  async function recheck(conn: SecureConnection): Promise<boolean> {
    if (conn.expiresAt && conn.expiresAt <= Date.now()) {
      refuse(conn, CloseCode.Unauthorized, 'Unauthorized: the connection outlived its credentials; reconnect');
      return false;
    }
    try {
      const keyId = conn.identity?.keyId;
      if (keyId) {
        try {
          await security.keys.assertKeyUsable(keyId);
        } catch (e) {
          if ((e as Error).message !== 'API key unknown') throw e;
        }
      }
      const clientId = conn.security?.client?.id;
      if (clientId) {
        const client = await security.keys.client(clientId);
        if (client && !client.active) throw unauthenticated('Integrator client disabled');
      }
      return true;
    } catch (e) {
      if (!unauthenticatedCode(e)) throw e;
      refuse(conn, CloseCode.Forbidden, `Forbidden: ${(e as Error).message}`);
      return false;
    }
  }

  // A revoked key, a rotated one or a disabled client closes its connections as soon as the change is heard
  // (security/revocation.ts); the sweep below is the bound when no notification reaches the gateway.
  security.onCredentialChange((change) => {
    for (const conn of connections) {
      const keyId = conn.identity?.keyId;
      const clientId = conn.security?.client?.id ?? conn.identity?.clientId;
      if (!('all' in change) && !(keyId && change.keyIds.has(keyId)) && !(clientId && change.clientIds.has(clientId))) continue;
      if (!keyId && !conn.security?.client) continue;
      recheck(conn).catch((e) => console.error('[ws] re-checking a connection failed', (e as Error).message));
    }
  });

  const sweepMs = opts.sweepMs ?? Math.max(1000, security.config.keyCacheMs);
  const sweep = setInterval(() => {
    for (const conn of connections) {
      if (!conn.expiresAt && !conn.identity?.keyId && !conn.security?.client) continue;
      recheck(conn).catch((e) => console.error('[ws] re-checking a connection failed', (e as Error).message));
    }
  }, sweepMs);
  sweep.unref();

  return {
    async connect(params, extra) {
      const creds = credentialsFrom(params);
      // Node clients may also send the headers on the upgrade request (browsers cannot).
      if (!creds.authorization && !creds.apiKey) Object.assign(creds, credentialsFrom(extra.request.headers as Record<string, unknown>), { remoteAddress: undefined });
      creds.remoteAddress = security.clientAddress(extra.request);
      let conn: SecureConnection;
      if (opts.auth === 'none') {
        // As over HTTP: nothing verified, the header forwarded as is (subgraphs authorize on their own).
        conn = { identity: null, authorization: creds.authorization, creds, socket: extra.socket };
      } else {
        if (!creds.authorization && !creds.apiKey) {
          throw new WsRefusal(CloseCode.Unauthorized, 'Unauthorized: connection_init must carry { authorization: "Bearer <token>" } or an API key');
        }
        let ctx: SecureContext;
        try {
          ctx = await security.identify(creds);
        } catch (e) {
          if (unauthenticatedCode(e)) throw new WsRefusal(CloseCode.Forbidden, `Forbidden: ${(e as Error).message}`);
          throw e;
        }
        if (!ctx.identity) throw new WsRefusal(CloseCode.Forbidden, 'Forbidden: not a bearer token or API key');
        conn = { ...ctx, creds, socket: extra.socket };
        // A bearer token ends the connection when it expires (the sweep closes it, 4401), as it would end HTTP access.
        if (ctx.security?.via === 'jwt' && creds.authorization) conn.expiresAt = bearerExpiresAt(creds.authorization);
        if (ctx.security?.via === 'api-key') {
          // A token for the life of the connection (the sweep closes it when the key is revoked or expires).
          const keyLeft = Math.floor(((ctx.security.keyExpiresAt?.getTime() ?? Date.now() + maxConnectionToken * 1000) - Date.now()) / 1000);
          const seconds = Math.max(1, Math.min(maxConnectionToken, keyLeft));
          conn.authorization = `Bearer ${await signToken(ctx.identity, `${seconds}s`)}`;
          conn.expiresAt = Date.now() + seconds * 1000;
        }
      }
      connections.add(conn);
      extra.secure = conn;
      return { identity: conn.identity, authorization: conn.authorization };
    },

    async operation(extra, payload, schema) {
      const conn = extra.secure as SecureConnection | undefined;
      if (!conn) return [gqlError('Connection not initialised', { code: ErrorCode.UNAUTHENTICATED })];
      const context: SecureContext = {
        identity: conn.identity,
        authorization: conn.authorization,
        security: conn.security ? { ...conn.security, requestId: randomUUID() } : { requestId: randomUUID(), via: 'anonymous' },
      };
      let op: OperationDefinitionNode | undefined;
      let document: DocumentNode | undefined;
      let source = '';
      let hash = '';
      try {
        if (opts.auth !== 'none') {
          // The caller again (a key revoked since connection_init closes the connection), then its rate limit.
          if (!(await recheck(conn))) return [gqlError('Credentials no longer valid', { code: ErrorCode.UNAUTHENTICATED })];
          security.count(context);
        }
        const ext = payload.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined;
        const given = ext?.persistedQuery?.sha256Hash;
        source = payload.query;
        if (!source && typeof given === 'string') {
          const doc = persistedDocument(context, security.manifest, plainHash(given));
          if (!doc) return [gqlError('PersistedQueryNotFound', { code: 'PERSISTED_QUERY_NOT_FOUND' })];
          source = doc;
        }
        hash = documentHash(source);
        if (payload.query && typeof given === 'string' && plainHash(given) !== hash) return [gqlError(HASH_MISMATCH_MESSAGE, { code: 'BAD_REQUEST' })];
        try {
          document = parse(source, { maxTokens: opts.maxTokens });
        } catch (e) {
          return [gqlError((e as Error).message, { code: 'GRAPHQL_PARSE_FAILED' })];
        }
        const invalid = validate(schema, document, rules);
        if (invalid.length) return invalid.map((e) => gqlError(e.message, { code: 'GRAPHQL_VALIDATION_FAILED', ...e.extensions }, e.nodes));
        op = getOperationAST(document, payload.operationName ?? undefined) ?? undefined;
        if (!op) return [gqlError('Unable to identify the operation', { code: 'OPERATION_RESOLUTION_FAILURE' })];
        assertTrusted(context, document, hash, { enforce: security.config.enforceDocuments, manifest: security.manifest });
        assertIntrospection(security.config.introspection, document, context.identity);
      } catch (e) {
        // Anything else (the key store unreachable…): refused like an internal error over HTTP (masked, logged).
        if (!isGraphQLError(e)) {
          // Masked and logged under the operation's request id, the one its audit rows carry.
          return [new graphql.GraphQLError('Internal error', { originalError: e as Error, extensions: { correlationId: context.security?.requestId } })];
        }
        // A refused operation of an identified caller is recorded as over HTTP (outcome ERROR).
        if (op && document && audited(op, context.identity)) {
          record(auditRow({ identity: context.identity, requestId: context.security?.requestId, schema, document, operation: op, operationName: payload.operationName, documentHash: hash, variables: payload.variables ?? {}, errorCodes: [codeOf(e)] }));
        }
        return [asWsError(e)];
      }
      return { document, source, hash, operation: op, operationName: payload.operationName ?? undefined, variables: (payload.variables ?? {}) as Record<string, unknown>, context };
    },

    started(op, schema, refused) {
      if (!store || !audited(op.operation, op.context.identity)) return undefined;
      const base = {
        identity: op.context.identity,
        requestId: op.context.security?.requestId,
        schema,
        document: op.document,
        operation: op.operation,
        operationName: op.operationName,
        documentHash: op.hash,
        variables: op.variables,
      };
      // The start: who subscribed to what (the arguments, e.g. the order id filter).
      record(auditRow({ ...base, result: refused ? { data: null, errors: refused.errors as never } : null }));
      if (refused) return undefined;
      // Every event delivered is a read of the data it carries (order, person…): one row each, same request id.
      return (event) => {
        if (event.data) record(auditRow({ ...base, result: event as never }));
      };
    },

    closed(extra) {
      const conn = extra.secure as SecureConnection | undefined;
      if (conn) connections.delete(conn);
    },

    // Masked errors of an operation carry its own request id (set on the error), never another request's.
    formatError: (formatted, error) => withoutRequestId(() => security.formatError(formatted, error)),

    async close() {
      clearInterval(sweep);
      if (timer) clearTimeout(timer);
      connections.clear();
      await flush();
    },
  };
}
