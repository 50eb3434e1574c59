import { describe, expect, it } from 'vitest';
import { ServiceCallError } from '@aleumet/runtime';
import { isFinalRefusal } from '../src/commands.js';

/** Which failures of a command are the callee's final answer (compensated) and which are retried. */
describe('a refusal for good', () => {
  const refusal = (code: string | undefined, extensions: Record<string, unknown> = {}) => new ServiceCallError('refused', code, [{ message: 'refused', extensions: { code, ...extensions } }]);

  it('is an answer that retrying cannot change', () => {
    for (const code of ['INVALID_TRANSITION', 'NOT_FOUND', 'BAD_USER_INPUT', 'FORBIDDEN', 'CONFLICT', 'GRAPHQL_VALIDATION_FAILED']) expect(isFinalRefusal(refusal(code)), code).toBe(true);
  });

  it('is not a failure a later attempt may not meet: an internal error, an overloaded callee, a record changed meanwhile, no answer at all', () => {
    for (const code of ['INTERNAL_SERVER_ERROR', 'SERVICE_UNAVAILABLE', 'RATE_LIMITED', undefined]) expect(isFinalRefusal(refusal(code)), String(code)).toBe(false);
    expect(isFinalRefusal(refusal('CONFLICT', { reason: 'VERSION_CHANGED' }))).toBe(false);
    expect(isFinalRefusal(new TypeError('fetch failed'))).toBe(false);
  });
});
