import type { EntityManager } from '@mikro-orm/postgresql';
import { LIMITS, Role, badInput, checkCalendarDate, checkText, forbidden, type Identity } from '@aleumet/core';
import { localDate } from '@aleumet/calendar';
import type { JobScope } from '@aleumet/runtime';
import { Representation, RepresentationBasis, RepresentationStatus } from '../entities/index.js';

/** Which representations let their representative act today (Almaty date). */
export const actingFilter = (today: string) => ({
  status: RepresentationStatus.ACTIVE,
  validFrom: { $lte: today },
  $or: [{ validTo: null }, { validTo: { $gte: today } }],
});

export const isActing = (r: Representation, today: string) =>
  r.status === RepresentationStatus.ACTIVE && r.validFrom <= today && (r.validTo == null || r.validTo >= today);

export interface DocumentFields {
  basis: RepresentationBasis;
  documentType: string;
  documentNumber: string;
  documentDate: string;
  documentIssuer: string;
  validFrom: string;
  validTo?: string | null;
}

/** Bounds and dates of a request, before anything is read or written. */
export function checkRequest(input: DocumentFields, today: string): Required<DocumentFields> {
  const documentType = checkText(input.documentType, 'documentType', LIMITS.name, 2);
  const documentNumber = checkText(input.documentNumber, 'documentNumber', LIMITS.name);
  const documentIssuer = checkText(input.documentIssuer, 'documentIssuer', LIMITS.name, 2);
  const documentDate = checkCalendarDate(input.documentDate, 'documentDate');
  const validFrom = checkCalendarDate(input.validFrom, 'validFrom');
  const validTo = input.validTo == null ? null : checkCalendarDate(input.validTo, 'validTo');
  if (documentDate > today) throw badInput('The document date is in the future', 'documentDate');
  if (validFrom < documentDate) throw badInput('The term cannot start before the document was issued', 'validFrom');
  // A power of attorney always names its term (Civil Code of RK art. 170: three years when it does not).
  if (input.basis === RepresentationBasis.POWER_OF_ATTORNEY && !validTo) throw badInput('A power of attorney has a term: give validTo', 'validTo');
  if (validTo && validTo < validFrom) throw badInput('The term ends before it starts', 'validTo');
  if (validTo && validTo < today) throw badInput('The term of this document is already over', 'validTo');
  return { basis: input.basis, documentType, documentNumber, documentIssuer, documentDate, validFrom, validTo };
}

/** The department of the person's region (or an admin) decides on a request. */
export function assertDecider(identity: Identity, r: Representation): void {
  if (identity.role === Role.ADMIN) return;
  if (identity.role === Role.EMPLOYMENT_DEPARTMENT && identity.regionCode && identity.regionCode === r.regionCode) return;
  throw forbidden("Only the employment department of the person's region verifies a representative");
}

/**
 * Ends every representation whose term is over (the day after validTo, Almaty), active or still pending:
 * the representative can no longer act through it. Returns how many ended.
 */
export async function expireRepresentations(em: EntityManager, now: Date, scope: JobScope = {}): Promise<number> {
  const today = localDate(now);
  return em.nativeUpdate(
    Representation,
    { ...(scope.personIds ? { principalId: { $in: scope.personIds } } : {}), status: { $in: [RepresentationStatus.ACTIVE, RepresentationStatus.PENDING] }, validTo: { $lt: today } },
    { status: RepresentationStatus.EXPIRED, endedAt: now, endedBy: 'system', endReason: 'TERM_OVER', updatedAt: now },
  );
}
