import type { ApolloServer, BaseContext, HTTPGraphQLRequest, HTTPGraphQLResponse } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { Kind, OperationTypeNode, parse, type DocumentNode } from 'graphql';
import { withEncodedBody } from '@aleumet/http-kit';

/**
 * One execution for identical concurrent requests: while a query is being answered, an identical one
 * (same document, operation name, variables, extensions, and everything the gateway forwards to the
 * subgraphs: the caller's credentials and the forwarded headers) waits for that answer instead of running again.
 *
 * - `anonymous` (the default): only requests with no credentials at all share, so no caller ever receives
 *   what was computed for another identity.
 * - `caller`: also requests of the same caller (same credentials, same forwarded headers). Each follower is
 *   still admitted on its own (authentication, rate limit); but the audit records one read, not one per request.
 * - `off`.
 * Queries only: a mutation or subscription always runs for itself. Only complete answers are shared.
 */
export type ShareExecutions = 'anonymous' | 'caller' | 'off';

type Execute<C extends BaseContext> = ApolloServer<C>['executeHTTPGraphQLRequest'];
type Args<C extends BaseContext> = Parameters<Execute<C>>[0];

/** A complete answer shared with waiting requests; its UTF-8 bytes made once, for the first of them. */
interface Shared { status?: number; headers: [string, string][]; body: string; bytes?: Buffer }

export interface SharingStats { executions: number; shared: number }

const CREDENTIAL_HEADERS = ['authorization', 'x-api-key', 'cookie'];

/** The operation type of a query string, remembered for the strings seen most (parsing again costs CPU). */
class OperationKinds {
  private readonly kinds = new Map<string, OperationTypeNode | null>();
  constructor(private readonly max = 1000) {}
  of(query: string, operationName: string | undefined): OperationTypeNode | null {
    const key = `${operationName ?? ''}\n${query}`;
    let kind = this.kinds.get(key);
    if (kind === undefined) {
      let doc: DocumentNode | null = null;
      try {
        doc = parse(query);
      } catch {
        doc = null;
      }
      const ops = doc?.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION) ?? [];
      const op = operationName ? ops.find((o) => o.name?.value === operationName) : ops.length === 1 ? ops[0] : undefined;
      kind = op?.operation ?? null;
      if (this.kinds.size >= this.max) this.kinds.delete(this.kinds.keys().next().value!);
      this.kinds.set(key, kind);
    }
    return kind;
  }
}

export function sharedExecutions<C extends BaseContext>(
  server: Pick<ApolloServer<C>, 'executeHTTPGraphQLRequest'>,
  opts: { mode: ShareExecutions; forwardedHeaders: string[] },
): Pick<ApolloServer<C>, 'executeHTTPGraphQLRequest'> & { stats: SharingStats } {
  const stats: SharingStats = { executions: 0, shared: 0 };
  if (opts.mode === 'off') {
    return { executeHTTPGraphQLRequest: (args) => (stats.executions++, server.executeHTTPGraphQLRequest(args)), stats };
  }
  const inFlight = new Map<string, Promise<Shared | null>>();
  const kinds = new OperationKinds();
  const forwarded = opts.forwardedHeaders.map((h) => h.toLowerCase()).filter((h) => !CREDENTIAL_HEADERS.includes(h));

  const keyOf = (request: HTTPGraphQLRequest): string | null => {
    if (request.method !== 'POST' || !request.body || typeof request.body !== 'object' || Array.isArray(request.body)) return null;
    const { query, operationName, variables, extensions } = request.body as Record<string, unknown>;
    if (typeof query !== 'string' || (operationName != null && typeof operationName !== 'string')) return null;
    const credentials = CREDENTIAL_HEADERS.map((h) => request.headers.get(h) ?? '');
    if (opts.mode === 'anonymous' && credentials.some(Boolean)) return null;
    if (kinds.of(query, operationName ?? undefined) !== OperationTypeNode.QUERY) return null;
    // The serialization itself is the key (a Map hashes it once): entries live only while an execution runs.
    return JSON.stringify([query, operationName ?? null, variables ?? null, extensions ?? null, credentials, forwarded.map((h) => request.headers.get(h) ?? '')]);
  };

  const toShared = async (r: HTTPGraphQLResponse): Promise<Shared | null> =>
    r.body.kind === 'complete' ? { status: r.status, headers: [...r.headers], body: r.body.string } : null;

  return {
    stats,
    async executeHTTPGraphQLRequest(args: Args<C>) {
      const key = keyOf(args.httpGraphQLRequest);
      if (!key) {
        stats.executions++;
        return server.executeHTTPGraphQLRequest(args);
      }
      const leader = inFlight.get(key);
      if (leader) {
        // Admitted on its own (a refused caller gets its own refusal), then given the leader's answer.
        const context = 'context' in args && args.context ? args.context : undefined;
        if (context) {
          try {
            await context();
          } catch {
            stats.executions++;
            return server.executeHTTPGraphQLRequest(args);
          }
        }
        const shared = await leader;
        if (shared) {
          stats.shared++;
          return { status: shared.status, headers: new HeaderMap(shared.headers), body: withEncodedBody({ kind: 'complete' as const, string: shared.body }, (shared.bytes ??= Buffer.from(shared.body))) };
        }
        stats.executions++;
        return server.executeHTTPGraphQLRequest(args);
      }
      stats.executions++;
      const run = server.executeHTTPGraphQLRequest(args);
      const published = run.then(toShared, () => null);
      inFlight.set(key, published);
      void published.finally(() => inFlight.get(key) === published && inFlight.delete(key));
      return run;
    },
  };
}
