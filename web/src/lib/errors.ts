import type { CombinedError } from 'urql';
import type { TFunction } from 'i18next';

/** Codes the platform reports in `extensions.code` that have their own human message. */
const KNOWN = new Set([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_TRANSITION',
  'INVALID_SIGNATURE',
  'NOT_IN_REGISTRY',
  'REGISTRY_UNAVAILABLE',
  'GRAPHQL_VALIDATION_FAILED',
  'INTERNAL_SERVER_ERROR',
]);

export function errorCode(error: CombinedError | undefined | null): string | undefined {
  if (!error) return undefined;
  if (error.networkError && !error.graphQLErrors.length) return 'NETWORK';
  const code = error.graphQLErrors[0]?.extensions?.code;
  return typeof code === 'string' ? code : 'UNKNOWN';
}

/** A message for people: chosen by `extensions.code`, never by the server's English text. */
export function humanError(error: CombinedError | undefined | null, t: TFunction): string | null {
  const code = errorCode(error);
  if (!code) return null;
  if (code === 'NETWORK') return t('errors.NETWORK');
  const key = KNOWN.has(code) ? code : 'UNKNOWN';
  const base = t(`errors.${key}`);
  const correlation = error?.graphQLErrors[0]?.extensions?.correlationId;
  return typeof correlation === 'string' ? `${base} (${t('errors.reference')}: ${correlation})` : base;
}

/** The input field a BAD_USER_INPUT names (`extensions.field`), if any. */
export function errorField(error: CombinedError | undefined | null): string | undefined {
  const field = error?.graphQLErrors[0]?.extensions?.field;
  return typeof field === 'string' ? field : undefined;
}
