import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { randomUUID } from 'node:crypto';
import { currentRequestId } from './request-id.js';

/** Stable error codes: clients branch on `extensions.code`, never on messages. */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  INVALID_TRANSITION: 'INVALID_TRANSITION',
  /** An electronic signature was missing or not accepted; `extensions.reason` says why (see @aleumet/signing). */
  INVALID_SIGNATURE: 'INVALID_SIGNATURE',
  /** The person does not meet the eligibility condition of the measure (service standards); `extensions.reason` says which. */
  NOT_ELIGIBLE: 'NOT_ELIGIBLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  /** Too many requests for this client: `extensions.retryAfterSeconds` says when to try again. */
  RATE_LIMITED: 'RATE_LIMITED',
  /** The document is not one this caller may run (trusted documents / persisted operations). */
  OPERATION_NOT_TRUSTED: 'OPERATION_NOT_TRUSTED',
  /** The operation exceeds a limit (depth, aliases, directives, tokens, cost). */
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  /** A subgraph was called without a valid internal signature: only the gateway and other subgraphs may call it. */
  GATEWAY_ONLY: 'GATEWAY_ONLY',
  /** A subgraph's answer broke the schema (e.g. null for a non-null field): the field is nulled and this error says where. */
  RESPONSE_VALIDATION_FAILED: 'RESPONSE_VALIDATION_FAILED',
  /** The supergraph cannot answer the operation: a field no subgraph can be reached for (the message names it). */
  QUERY_PLANNING_FAILED: 'QUERY_PLANNING_FAILED',
  /** The state registry holds no person with this IIN (or organization with this BIN); `extensions.registry` says which. */
  NOT_IN_REGISTRY: 'NOT_IN_REGISTRY',
  /** A state registry could not be asked now (down, slow, refusing); nothing was decided or written. Try again later. */
  REGISTRY_UNAVAILABLE: 'REGISTRY_UNAVAILABLE',
  /** A part of the platform (a subgraph, its database) cannot answer now. Try again later. */
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export class DomainError extends GraphQLError {
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message, { extensions: { code, ...details } });
  }
}

export const badInput = (message: string, field?: string) =>
  new DomainError(ErrorCode.BAD_USER_INPUT, message, field ? { field } : undefined);
// `http.status` is read (and stripped) by Apollo Server when the error escapes the context function.
export const unauthenticated = (message = 'Authentication required') =>
  new DomainError(ErrorCode.UNAUTHENTICATED, message, { http: { status: 401 } });
export const forbidden = (message = 'You are not allowed to access this resource') =>
  new DomainError(ErrorCode.FORBIDDEN, message);
export const notFound = (entity: string, id: string) =>
  new DomainError(ErrorCode.NOT_FOUND, `${entity} ${id} not found`, { entity, id });
export const conflict = (message: string, details?: Record<string, unknown>) =>
  new DomainError(ErrorCode.CONFLICT, message, details);
export const invalidTransition = (entity: string, from: string, to: string, details?: Record<string, unknown>, message?: string) =>
  new DomainError(ErrorCode.INVALID_TRANSITION, message ?? `${entity} cannot go from ${from} to ${to}`, { from, to, ...details });

export const invalidSignature = (reason: string, message: string) =>
  new DomainError(ErrorCode.INVALID_SIGNATURE, `The electronic signature was not accepted: ${message}`, { reason });

export const notEligible = (message: string, details?: Record<string, unknown>) =>
  new DomainError(ErrorCode.NOT_ELIGIBLE, message, details);

export const notInRegistry = (registry: 'PERSON' | 'LEGAL_ENTITY', message: string, field?: string) =>
  new DomainError(ErrorCode.NOT_IN_REGISTRY, message, { registry, ...(field ? { field } : {}) });
export const registryUnavailable = (registry: string, retryAfterSeconds?: number) =>
  new DomainError(ErrorCode.REGISTRY_UNAVAILABLE, `The ${registry} cannot be asked now; try again later`, {
    registry, ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
  });

export const serviceUnavailable = (message = 'The service cannot answer now; try again later') =>
  new DomainError(ErrorCode.SERVICE_UNAVAILABLE, message);

export const rateLimited = (retryAfterSeconds: number) =>
  new DomainError(ErrorCode.RATE_LIMITED, `Rate limit exceeded; retry in ${retryAfterSeconds} s`, { retryAfterSeconds, http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) } });
export const operationNotTrusted = (message = 'This operation is not registered for this client') =>
  new DomainError(ErrorCode.OPERATION_NOT_TRUSTED, message, { http: { status: 403 } });
export const queryTooComplex = (message: string) => new DomainError(ErrorCode.QUERY_TOO_COMPLEX, message, { http: { status: 400 } });

/** Every code a client can receive: ours, and those GraphQL itself and the servers report (parsing, validation, HTTP); safe to show. */
export const PUBLIC_ERROR_CODES: ReadonlySet<string> = new Set<string>([
  ...Object.values(ErrorCode),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'PAYLOAD_TOO_LARGE',
  'SERVICE_UNAVAILABLE',
]);

/**
 * The argument a GraphQL variable-coercion error is about: `Variable "$price" got invalid value …` → `price`,
 * `… at "input.stock"; …` → `input.stock` (the variable, then the path inside it).
 */
export function coercionField(message: string): string | undefined {
  const variable = /^Variable "\$([_A-Za-z][_0-9A-Za-z]*)"/.exec(message);
  if (!variable) return undefined;
  const at = /^Variable "\$[_A-Za-z][_0-9A-Za-z]*" got invalid value .*? at "([^"]+)";/s.exec(message);
  return at?.[1] ?? variable[1];
}

/**
 * Extensions that describe our internals, never shown to a client: which subgraph answered
 * (`serviceName`), the subgraph's raw HTTP answer (`response`: URL, body, cache tags), exceptions.
 */
const INTERNAL_EXTENSIONS = ['stacktrace', 'serviceName', 'response', 'exception', 'http', 'cache'];

/**
 * Apollo `formatError`: known codes pass through (without stack traces and internals); anything
 * else is masked with a correlation id — the request's id (see request-id.ts) — and the original is handed to `log`
 * (the service's logger, which masks personal data: @aleumet/observability).
 */
export function maskError(log: (id: string, error: unknown) => void) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && PUBLIC_ERROR_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
      const extensions = { ...formatted.extensions };
      for (const k of INTERNAL_EXTENSIONS) delete extensions[k];
      // Variable coercion (wrong type, out of range, unknown enum value): name the argument like badInput does.
      if (code === ErrorCode.BAD_USER_INPUT && extensions.field === undefined) {
        const field = coercionField(formatted.message);
        if (field) extensions.field = field;
      }
      return { ...formatted, extensions };
    }
    // The request's id; else one the error already carries (a subgraph's, a graphql-ws operation's); else a new one.
    const given = formatted.extensions?.correlationId;
    const correlationId = currentRequestId() ?? (typeof given === 'string' && given ? given : randomUUID());
    log(correlationId, error);
    return {
      message: 'Internal error; quote the correlation id when reporting it',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, correlationId },
    };
  };
}

