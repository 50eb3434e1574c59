import { ageOn } from './wheelchairs.js';

/**
 * Who may receive a service (seeds 004 ¶5: the personal assistant serves persons with a group-1
 * disability who have difficulty moving; 004 ¶19: the sign-language specialist serves persons with a
 * hearing disability; special social services, below). The other kinds have no condition on the person
 * beyond the IPR itself. Checked when a measure is published and again when it is ordered (the person
 * may have changed).
 */
export interface EligibilityFacts {
  disabilityGroup: number | null;
  needs: { hearing: boolean; mobility: boolean };
  /** DISABLED, ELDERLY or NONE (people's RecipientCategory); absent: not known to the caller, not checked. */
  category?: string | null;
  /** YYYY-MM-DD and MALE/FEMALE: the age of an elderly recipient. */
  birthDate?: string | null;
  sex?: string | null;
}

/**
 * The age from which a person who cannot care for themselves is served "because of old age" (seeds 003
 * ¶2.10 and 002 ¶2.10: participants include persons unable to care for themselves because of old age; 003
 * ¶7, 002 ¶7: their cabinet shows the recommended special social services). The seeds name no age; the
 * pension age of the Social Code of the Republic of Kazakhstan is used: 63 for men, 61 for women.
 */
export const ELDERLY_MIN_AGE = { MALE: 63, FEMALE: 61 } as const;

export function eligibilityProblem(kind: string, p: EligibilityFacts, on?: string): { reason: string; message: string } | null {
  if (kind === 'S1' && !(p.disabilityGroup === 1 && p.needs.mobility)) {
    return { reason: 'S1_NEEDS_GROUP_1_WITH_MOBILITY_DIFFICULTY', message: 'S1 personal assistant: the person needs a group-1 disability with mobility difficulty' };
  }
  if (kind === 'S2' && !p.needs.hearing) {
    return { reason: 'S2_NEEDS_HEARING_DISABILITY', message: 'S2 sign-language specialist: the person needs a hearing disability' };
  }
  if (kind === 'SSS' && p.category != null) return specialSocialServicesProblem(p, on);
  return null;
}

/**
 * Special social services (003 ¶2.10, ¶7, ¶8; 001: the first services on the portal) go to persons with a
 * disability, and to persons who cannot care for themselves because of old age: the assessment says so
 * (category ELDERLY) and the person has reached the age (ELDERLY_MIN_AGE) on the day (`on`, Astana).
 */
function specialSocialServicesProblem(p: EligibilityFacts, on: string | undefined): { reason: string; message: string } | null {
  if (p.category === 'DISABLED') return null;
  if (p.category !== 'ELDERLY') {
    return { reason: 'SSS_NEEDS_DISABILITY_OR_OLD_AGE', message: 'Special social services: the person needs a disability, or to be unable to care for themselves because of old age' };
  }
  const minAge = p.sex === 'MALE' ? ELDERLY_MIN_AGE.MALE : ELDERLY_MIN_AGE.FEMALE;
  if (!p.birthDate || !on || ageOn(p.birthDate, on) < minAge) {
    return { reason: 'SSS_NEEDS_OLD_AGE', message: `Special social services because of old age: the person must be at least ${minAge} years old` };
  }
  return null;
}
