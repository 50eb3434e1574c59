import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/**
 * One id per client request: the gateway makes it, answers it in these headers, forwards it to every
 * subgraph (`x-request-id`), and every masked error, error log line and audit row of the request carries it.
 */
export const REQUEST_ID_HEADER = 'x-request-id';
export const CORRELATION_ID_HEADER = 'x-correlation-id';

const requestIds = new AsyncLocalStorage<string>();

/** Runs `fn` with `id` as the request id of everything it awaits. */
export const withRequestId = <T>(id: string, fn: () => T): T => requestIds.run(id, fn);

/**
 * Runs `fn` outside any request: for work a long-lived connection does (graphql-ws), where a pooled
 * resource first used by an HTTP request could otherwise carry that request's id along.
 */
export const withoutRequestId = <T>(fn: () => T): T => requestIds.exit(fn);

/** The id of the request being served, if any. */
export const currentRequestId = (): string | undefined => requestIds.getStore();

/** A forwarded id is taken only in a safe shape (it goes into logs and headers); otherwise a new one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const v = Array.isArray(header) ? header[0] : header;
  return v && /^[A-Za-z0-9._:-]{1,100}$/.test(v) ? v : randomUUID();
}
