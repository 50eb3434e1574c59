import type { LegalEntity } from '@aleumet/registries';
import { LegalForm, type Supplier } from '../entities/index.js';

/**
 * A supplier's card against the legal-entity registry (ГБД ЮЛ) at verification. The card was filled from
 * the registry when the registration started (003 ¶12: the legal address, full and short name, head,
 * founders, activity codes and ownership form come "from the information systems through the
 * e-government gateway"), then edited by the applicant, and the organization may have changed since.
 */

/** One field where the card and the registry disagree (shown to the owner and administrators). */
export interface CardDifference {
  /** name, legalForm, headName, headIin, founders, legalAddress, actualAddress, okedCodes */
  field: string;
  card: string;
  registry: string;
}

const norm = (s: string | null | undefined) => (s ?? '').normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('ru');
const sameText = (a: string | null | undefined, b: string | null | undefined) => norm(a) === norm(b);
const sameSet = (a: readonly string[], b: readonly string[]) => {
  const x = [...new Set(a.map(norm))].sort();
  const y = [...new Set(b.map(norm))].sort();
  return x.length === y.length && x.every((v, i) => v === y[i]);
};
const listText = (l: readonly string[]) => l.join('; ');

export const legalFormOf = (ownershipForm: string): LegalForm | null =>
  (Object.values(LegalForm) as string[]).includes(ownershipForm) ? (ownershipForm as LegalForm) : null;

/** Where the card differs from what the registry holds now. */
export function compareWithRegistry(s: Supplier, e: LegalEntity): CardDifference[] {
  const out: CardDifference[] = [];
  // The card's name is the short name (the registration form fills it so); the full name is accepted too.
  if (!sameText(s.name, e.shortName) && !sameText(s.name, e.name)) out.push({ field: 'name', card: s.name, registry: e.shortName });
  if ((s.legalForm ?? '') !== (legalFormOf(e.ownershipForm) ?? '')) out.push({ field: 'legalForm', card: s.legalForm ?? '', registry: e.ownershipForm });
  if (!sameText(s.headName, e.head.fullName)) out.push({ field: 'headName', card: s.headName, registry: e.head.fullName });
  if (e.head.iin && s.headIin !== e.head.iin) out.push({ field: 'headIin', card: s.headIin ?? '', registry: e.head.iin });
  const founders = e.founders.map((f) => f.name);
  if (!sameSet(s.founders ?? [], founders)) out.push({ field: 'founders', card: listText(s.founders ?? []), registry: listText(founders) });
  if (!sameText(s.legalAddress, e.legalAddress)) out.push({ field: 'legalAddress', card: s.legalAddress, registry: e.legalAddress });
  // The registry often holds no actual address: then the supplier's own stands.
  if (e.actualAddress && !sameText(s.actualAddress, e.actualAddress)) out.push({ field: 'actualAddress', card: s.actualAddress, registry: e.actualAddress });
  if (!sameSet(s.okedCodes, e.okedCodes)) out.push({ field: 'okedCodes', card: listText(s.okedCodes), registry: listText(e.okedCodes) });
  return out;
}

/**
 * Did the head change? The head signs in for the supplier (its staff account is the head's IIN), so a
 * new head means a new registration decision, never a silent update. By IIN when both have one.
 */
export function headChanged(s: Supplier, e: LegalEntity): boolean {
  if (e.head.iin && s.headIin) return e.head.iin !== s.headIin;
  return !sameText(s.headName, e.head.fullName);
}

/** The card's fields that come from the registry, as it holds them now (contacts, regions, bank details stay). */
export function registryFields(s: Supplier, e: LegalEntity): Partial<Supplier> {
  return {
    name: e.shortName,
    legalForm: legalFormOf(e.ownershipForm) ?? s.legalForm ?? null,
    headName: e.head.fullName,
    headIin: e.head.iin ?? s.headIin ?? null,
    founders: e.founders.map((f) => f.name),
    legalAddress: e.legalAddress,
    actualAddress: e.actualAddress ?? s.actualAddress,
    okedCodes: [...new Set(e.okedCodes)],
  };
}

/** What verification checks of an organization against the registry, besides that it is there (BUSINESS_REGISTERED). */
export const CardCheck = {
  NOT_LIQUIDATED: 'NOT_LIQUIDATED',
  HEAD_UNCHANGED: 'HEAD_UNCHANGED',
  OKED_REGISTERED: 'OKED_REGISTERED',
} as const;

/**
 * The checks of a card the registry holds: not liquidated; the same head; every direction on an OKED
 * code the registry lists (the directions follow from the activity codes, 003 ¶13).
 */
export function cardChecks(s: Supplier, e: LegalEntity, directionCodes: readonly string[]): { check: string; passed: boolean; reason: string | null }[] {
  const unlisted = [...new Set(directionCodes)].filter((c) => !e.okedCodes.includes(c));
  return [
    {
      check: CardCheck.NOT_LIQUIDATED, passed: !e.liquidatedOn,
      reason: e.liquidatedOn ? `The legal-entity registry records the organization as liquidated on ${e.liquidatedOn}` : null,
    },
    {
      check: CardCheck.HEAD_UNCHANGED, passed: !headChanged(s, e),
      reason: headChanged(s, e) ? `The legal-entity registry names another head: ${e.head.fullName}; the registration must name the current head (correct it and submit again)` : null,
    },
    {
      check: CardCheck.OKED_REGISTERED, passed: unlisted.length === 0,
      reason: unlisted.length ? `Directions rest on OKED codes the registry no longer lists for the organization: ${unlisted.join(', ')}` : null,
    },
  ];
}
