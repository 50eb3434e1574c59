import { ageOn, notEligible, wheelchairRuleByCode } from '@aleumet/core';

/**
 * Wheelchairs (S6): a type contraindicated below an age is not ordered for a younger recipient
 * (seeds 004, annex 9: no electric wheelchair under the age of 6). The indications themselves are
 * medical decisions of the IPR; the portal shows them (catalog `ItemType.indications*`).
 */
export function assertWheelchairAge(itemTypeCode: string, birthDate: string | null, today: string): void {
  const rule = wheelchairRuleByCode.get(itemTypeCode);
  if (!rule?.minAgeYears || !birthDate) return;
  const age = ageOn(birthDate, today);
  if (age < rule.minAgeYears) {
    throw notEligible(`This wheelchair type is not given to a child under ${rule.minAgeYears} (the recipient is ${age})`, {
      reason: 'S6_ELECTRIC_UNDER_6', field: 'offeringId', minAgeYears: rule.minAgeYears,
    });
  }
}
