import { describe, expect, it } from 'vitest';
import { ELDERLY_MIN_AGE, eligibilityProblem } from '../src/index.js';

const person = (over: Record<string, unknown> = {}) => ({ disabilityGroup: null, needs: { hearing: false, mobility: true }, ...over });

describe('eligibility for special social services (003 ¶2.10, ¶7)', () => {
  it('a person with a disability at any age; an elderly person from the pension age; nobody else', () => {
    expect(ELDERLY_MIN_AGE).toEqual({ MALE: 63, FEMALE: 61 });
    expect(eligibilityProblem('SSS', person({ category: 'DISABLED', disabilityGroup: 3, birthDate: '2001-01-01', sex: 'MALE' }), '2027-01-04')).toBeNull();
    expect(eligibilityProblem('SSS', person({ category: 'ELDERLY', birthDate: '1966-01-04', sex: 'FEMALE' }), '2027-01-04')).toBeNull();
    expect(eligibilityProblem('SSS', person({ category: 'ELDERLY', birthDate: '1966-01-05', sex: 'FEMALE' }), '2027-01-04')?.reason).toBe('SSS_NEEDS_OLD_AGE');
    expect(eligibilityProblem('SSS', person({ category: 'ELDERLY', birthDate: '1964-01-04', sex: 'MALE' }), '2027-01-04')).toBeNull();
    expect(eligibilityProblem('SSS', person({ category: 'ELDERLY', birthDate: '1964-01-05', sex: 'MALE' }), '2027-01-04')?.reason).toBe('SSS_NEEDS_OLD_AGE');
    expect(eligibilityProblem('SSS', person({ category: 'ELDERLY', birthDate: '1940-01-01', sex: 'MALE' }))?.reason).toBe('SSS_NEEDS_OLD_AGE'); // no day: not decided in favour
    expect(eligibilityProblem('SSS', person({ category: 'NONE', birthDate: '1940-01-01', sex: 'MALE' }), '2027-01-04')?.reason).toBe('SSS_NEEDS_DISABILITY_OR_OLD_AGE');
    // Callers that do not know the category are not refused for it; other kinds are not affected.
    expect(eligibilityProblem('SSS', person())).toBeNull();
    expect(eligibilityProblem('S5', person({ category: 'ELDERLY', birthDate: '1990-01-01', sex: 'MALE' }), '2027-01-04')).toBeNull();
  });
});
