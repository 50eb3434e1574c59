/**
 * Retention periods of the Rules (order form 5 years, prosthetics card permanently) and the
 * platform's own records. Each subgraph applies them to the data it owns, from the moment the
 * record was closed; a record that is still open is never past retention.
 */
export const RetentionClass = {
  /** The order form (order, signed application, its events): 5 years from closing. */
  ORDER_FORM: 'ORDER_FORM',
  /** The prosthetics card (S4 prosthetic-orthopedic aid): kept permanently. */
  PROSTHETICS_CARD: 'PROSTHETICS_CARD',
  /** A contact-center failure ticket: 5 years from closing. */
  FAILURE_TICKET: 'FAILURE_TICKET',
  /** A complaint not tied to a prosthetics order: 5 years from its answer. */
  COMPLAINT: 'COMPLAINT',
  /** Documents of a supplier registration that was rejected: 5 years from the rejection. */
  REJECTED_REGISTRATION: 'REJECTED_REGISTRATION',
} as const;
export type RetentionClass = (typeof RetentionClass)[keyof typeof RetentionClass];

/** Years to keep after closing; null = permanently. */
export const RETENTION_YEARS: Record<RetentionClass, number | null> = {
  ORDER_FORM: 5,
  PROSTHETICS_CARD: null,
  FAILURE_TICKET: 5,
  COMPLAINT: 5,
  REJECTED_REGISTRATION: 5,
};

/** Records of this class closed before the returned instant are past retention at `now` (null: never). */
export function retentionCutoff(cls: RetentionClass, now: Date): Date | null {
  const years = RETENTION_YEARS[cls];
  if (years == null) return null;
  const d = new Date(now.getTime());
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d;
}

export function isPastRetention(cls: RetentionClass, closedAt: Date | null | undefined, now: Date): boolean {
  const cutoff = retentionCutoff(cls, now);
  return cutoff != null && closedAt != null && closedAt < cutoff;
}

/** A record about a measure of this kind belongs to the prosthetics card (S4) or to the order form. */
export const retentionClassOfKind = (kind: string | null | undefined): RetentionClass =>
  kind === 'S4' ? RetentionClass.PROSTHETICS_CARD : RetentionClass.ORDER_FORM;

/**
 * The person a record points to once that person's link was anonymized at retention (004 ¶34: the
 * order form is kept 5 years): the nil UUID, so the columns stay non-null and no real person has it.
 * The people subgraph answers it with a placeholder that shows no personal data.
 */
export const ANONYMIZED_PERSON_ID = '00000000-0000-0000-0000-000000000000';
