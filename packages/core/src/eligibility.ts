/**
 * Who may receive a service (seeds 004 ¶5: the personal assistant serves persons with a group-1
 * disability who have difficulty moving; 004 ¶19: the sign-language specialist serves persons with a
 * hearing disability). The other kinds have no condition on the person beyond the IPR itself.
 * Checked when a measure is published and again when it is ordered (the person may have changed).
 */
export interface EligibilityFacts { disabilityGroup: number | null; needs: { hearing: boolean; mobility: boolean } }

export function eligibilityProblem(kind: string, p: EligibilityFacts): { reason: string; message: string } | null {
  if (kind === 'S1' && !(p.disabilityGroup === 1 && p.needs.mobility)) {
    return { reason: 'S1_NEEDS_GROUP_1_WITH_MOBILITY_DIFFICULTY', message: 'S1 personal assistant: the person needs a group-1 disability with mobility difficulty' };
  }
  if (kind === 'S2' && !p.needs.hearing) {
    return { reason: 'S2_NEEDS_HEARING_DISABILITY', message: 'S2 sign-language specialist: the person needs a hearing disability' };
  }
  return null;
}
