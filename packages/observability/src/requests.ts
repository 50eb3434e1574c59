import { AsyncLocalStorage } from 'node:async_hooks';
import type http from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from 'pino';
import { currentRequestId } from '@aleumet/core';
import type { ServiceMetrics } from './metrics.js';
import { endServerSpan, serverSpan } from './tracing.js';

/**
 * One log line and one metrics sample per GraphQL request, at the gateway and at each subgraph:
 * request id (= the correlation id of masked errors, added by the logger), operation name and type,
 * caller kind (a role, `integrator`, `service` or `anonymous`; never the token), duration, outcome
 * (`ok` or the first error code) and HTTP status.
 */
export interface RequestRecord {
  started: bigint;
  operation?: string | null;
  type?: string;
  caller: string;
  outcome: string;
  /** Subgraph fetches (gateway) or SQL statements (subgraph) of this request, when counted. */
  fetches?: number;
}

const records = new AsyncLocalStorage<RequestRecord>();

/** The record of the request being served (its steps add the caller, operation and outcome). */
export const currentRequest = (): RequestRecord | undefined => records.getStore();

/** Serves `fn` as one logged request; the line is written when the answer is finished or the client went away. */
export function loggedRequest(
  log: Logger,
  metrics: ServiceMetrics | undefined,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  fn: () => void,
): void {
  const record: RequestRecord = { started: process.hrtime.bigint(), caller: 'anonymous', outcome: 'ok' };
  const requestId = currentRequestId();
  let done = false;
  let span: ReturnType<typeof serverSpan> = null;
  const finish = () => {
    if (done) return;
    done = true;
    const seconds = Number(process.hrtime.bigint() - record.started) / 1e9;
    const outcome = res.writableFinished ? (record.outcome === 'ok' && res.statusCode >= 400 ? `HTTP_${res.statusCode}` : record.outcome) : 'CLIENT_GONE';
    metrics?.observeRequest({ operation: record.operation, type: record.type, caller: record.caller, outcome, seconds });
    const line = {
      requestId,
      operation: record.operation ?? undefined,
      type: record.type,
      caller: record.caller,
      outcome,
      status: res.statusCode,
      ms: Math.round(seconds * 10_000) / 10,
      ...(record.fetches !== undefined ? { fetches: record.fetches } : {}),
    };
    endServerSpan(span, { operation: record.operation, type: record.type, outcome, status: res.statusCode, requestId });
    if (outcome === 'ok') log.info(line, 'request');
    else if (outcome === 'INTERNAL_SERVER_ERROR' || outcome === 'CLIENT_GONE' || res.statusCode >= 500) log.warn(line, 'request');
    else log.info(line, 'request');
  };
  res.once('finish', finish);
  res.once('close', finish);
  // Its body and headers are never logged; a trace continues the caller's (`traceparent`).
  span = serverSpan(metrics?.service ?? 'unknown', req, () => records.run(record, fn));
}

const firstCode = (errors: readonly { extensions?: Record<string, unknown> }[] | undefined) => {
  const code = errors?.[0]?.extensions?.code;
  return errors?.length ? (typeof code === 'string' ? code : 'ERROR') : 'ok';
};

/** An Apollo Server plugin filling the current request's record: operation, type, outcome. */
export function requestRecordPlugin<C extends object>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      const record = currentRequest();
      return {
        async didResolveOperation(ctx) {
          if (!record) return;
          record.operation = ctx.operationName ?? ctx.operation?.name?.value ?? null;
          record.type = ctx.operation?.operation;
        },
        async willSendResponse(ctx) {
          if (!record) return;
          if (record.operation === undefined) record.operation = ctx.request.operationName ?? null;
          if (ctx.response.body.kind === 'single') record.outcome = firstCode(ctx.response.body.singleResult.errors as never);
        },
      };
    },
  };
}

/** A caller kind for logs and metrics: the role, or who called without one. */
export function callerKind(identity: { role?: string; clientId?: string } | null | undefined, opts: { apiKey?: boolean } = {}): string {
  if (opts.apiKey) return 'integrator';
  // Another subgraph (runtime peers.ts: a service identity).
  if (identity?.clientId?.startsWith('service:')) return 'service';
  return identity?.role?.toLowerCase() ?? 'anonymous';
}
