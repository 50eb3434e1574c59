import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';
import type { GraphQLError, GraphQLSchema } from 'graphql';
import { CloseCode, type SubscribePayload } from 'graphql-ws';
import type { WebSocket } from 'ws';
import { ErrorCode, bearerExpiresAt, identityFromHeader, signToken, unauthenticated } from '@aleumet/core';
import { WsRefusal, type WsCaller, type WsExtra } from '@aleumet/http-kit';
import type { Operation, Pipeline } from '../pipeline.js';
import { credentialsFrom, type Credentials, type GatewaySecurity } from './index.js';
import type { SecureContext } from './context.js';
import { createLogger } from '@aleumet/observability';

const logger = createLogger('gateway');

/** One graphql-ws connection as the security layer sees it (kept on `extra.secure`). */
export interface SecureConnection extends SecureContext {
  creds: Credentials;
  socket: WebSocket;
  /** API-key connections: when the token forwarded to the subgraphs expires (the connection closes then, 4401). */
  expiresAt?: number;
}

export interface WsGuardOptions {
  /** `none` (development): anonymous connections are accepted and their `authorization` forwarded unverified, as over HTTP. */
  auth: 'jwt' | 'none';
  /** How often open connections re-check their API key / client (default: the key cache time, at least 1 s). */
  sweepMs?: number;
  /** Longest life of the token forwarded for an API-key connection (default 12 h; never beyond the key's expiry). */
  connectionTokenSeconds?: number;
}

/** The graphql-ws connections of the gateway, as the security layer sees them. */
export interface WsGuard {
  /** `connection_init`: the caller, or a `WsRefusal` (4401 without credentials, 4403 refused credentials). */
  connect(params: Record<string, unknown> | undefined, extra: WsExtra): Promise<WsCaller>;
  /** A `subscribe` message: the connection's caller checked again, then the operation pipeline, as for an HTTP request. */
  operation(extra: WsExtra, payload: SubscribePayload, schema: GraphQLSchema): Promise<Operation | GraphQLError[]>;
  /**
   * For whom the connection's caller acts now (representations.ts): its identity and forwarded token are
   * narrowed again. Open subscriptions ask before each event (subscriptions/index.ts).
   */
  representsNow(extra: WsExtra): Promise<string[]>;
  /** Forgets a closed connection. */
  closed(extra: WsExtra): void;
  close(): Promise<void>;
}

// graphql-ws checks errors with instanceof against its own (CommonJS) copy of graphql.
const graphql = createRequire(import.meta.url)('graphql') as typeof import('graphql');
const gqlError = (message: string, code: string) => new graphql.GraphQLError(message, { extensions: { code } });
const unauthenticatedCode = (e: unknown) => (e as GraphQLError | null)?.extensions?.code === ErrorCode.UNAUTHENTICATED;

/**
 * Connections on graphql-ws: credentials in `connection_init` under the HTTP header names; per `subscribe`
 * message the caller is checked again (a revoked key closes the connection), then the message runs
 * through the same operation pipeline as an HTTP request (rate limit, document by hash, limits, trusted
 * documents, introspection; the audit when a subscription starts and for each event).
 */
export function createWsGuard(security: GatewaySecurity, pipeline: Pipeline, opts: WsGuardOptions): WsGuard {
  const connections = new Set<SecureConnection>();
  const maxConnectionToken = opts.connectionTokenSeconds ?? 12 * 3600;

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

  /** Narrows the connection's `represents` to the representations in force now (from its token's list). */
  async function actingNow(conn: SecureConnection): Promise<void> {
    const header = conn.creds.authorization;
    if (!conn.security?.granted?.length || !header) return;
    const granted = await identityFromHeader(header);
    if (!granted) return;
    const now = await security.representations.narrow(granted, header);
    conn.identity = now.identity;
    conn.authorization = now.authorization;
  }

  // A revoked key, a rotated one or a disabled client closes its connections as soon as the change is heard
  // (security/revocation.ts); the sweep below is the bound when no notification reaches the gateway.
  security.onCredentialChange(() => {
    for (const conn of connections) {
      // Cheap for connections the change did not touch: their key and client are still cached.
      if (!conn.identity?.keyId && !conn.security?.client) continue;
      recheck(conn).catch((e) => logger.error({ err: e }, 're-checking a connection failed'));
    }
  });

  const sweepMs = opts.sweepMs ?? Math.max(1000, security.config.keyCacheMs);
  const sweep = setInterval(() => {
    for (const conn of connections) {
      if (!conn.expiresAt && !conn.identity?.keyId && !conn.security?.client) continue;
      recheck(conn).catch((e) => logger.error({ err: e }, 're-checking a connection failed'));
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
      if (!conn) return [gqlError('Connection not initialised', ErrorCode.UNAUTHENTICATED)];
      // Per operation: the connection's caller with a request id of its own.
      const requestId = randomUUID();
      if (opts.auth !== 'none') {
        try {
          // The caller again: a key revoked since connection_init closes the connection.
          if (!(await recheck(conn))) return [gqlError('Credentials no longer valid', ErrorCode.UNAUTHENTICATED)];
          // A representation ended since the last operation: this one runs without it.
          await actingNow(conn);
        } catch (e) {
          // The directory unreachable…: refused like an internal error over HTTP (masked, logged under this id).
          return [new graphql.GraphQLError('Internal error', { originalError: e as Error, extensions: { correlationId: requestId } })];
        }
      }
      const context: SecureContext = {
        identity: conn.identity,
        authorization: conn.authorization,
        security: conn.security ? { ...conn.security, requestId } : { requestId, via: 'anonymous' },
      };
      return pipeline.wsOperation(context, payload, schema);
    },

    async representsNow(extra) {
      const conn = extra.secure as SecureConnection | undefined;
      if (!conn) return [];
      if (opts.auth !== 'none') await actingNow(conn);
      return conn.identity?.represents ?? [];
    },

    closed(extra) {
      const conn = extra.secure as SecureConnection | undefined;
      if (conn) connections.delete(conn);
    },

    async close() {
      clearInterval(sweep);
      connections.clear();
    },
  };
}
