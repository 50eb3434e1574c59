import { localDate } from '@aleumet/calendar';

/**
 * The last day an S1/S2 order renders service. S1: the IPR data hold the personal assistant's hours at
 * up to 8 a day to the end of the current year (seeds 004 ¶34), so an S1 order runs to 31 December of
 * the year it was placed, or to the end of the IPR term if that comes first. S2 runs to the end of the
 * IPR term (its 60 hours are counted per calendar year), and so do special social services. Null for other kinds.
 */
export function serviceUntil(o: { kind?: string | null; termEnd?: string | null; createdAt: Date }): string | null {
  if (o.kind !== 'S1' && o.kind !== 'S2' && o.kind !== 'SSS') return null;
  // S2 and the special social services: to the end of the IPR (or recommendation) term.
  if (o.kind !== 'S1') return o.termEnd ?? null;
  const yearEnd = `${localDate(o.createdAt).slice(0, 4)}-12-31`;
  return o.termEnd && o.termEnd < yearEnd ? o.termEnd : yearEnd;
}

/** Why a service order whose period is over without delivered service is cancelled. */
export function periodEndReason(o: { termEnd?: string | null }, today: string): 'IPR_TERM_EXPIRED' | 'SERVICE_PERIOD_ENDED' {
  return o.termEnd && o.termEnd < today ? 'IPR_TERM_EXPIRED' : 'SERVICE_PERIOD_ENDED';
}
