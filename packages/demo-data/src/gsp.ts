import { GSP_KINDS, seedId, type GspKindCode, type GspStatusCode } from '@aleumet/core';
import { DAY } from './generators.js';
import type { DemoGspEntitlement, DemoPerson, DemoRepresentation } from './types.js';

/** How many seeded recipients receive the guaranteed social package. */
export const GSP_RECIPIENTS = 6;

const unitOf = (kind: GspKindCode) => GSP_KINDS.find((k) => k.code === kind)!.unit;

/**
 * Recipients of the guaranteed social package (seeds 002 ¶1: its recipients are participants of the portal and
 * see its kinds, volumes and statuses in the cabinet). The generated recipients are all born by 2018, so these
 * are schoolchildren (7–17 on the world's day) with the school kinds for the current school year: three with a
 * legal representative (a parent acts for them), three without. Appended without the random stream, so every
 * other record stays as it was. (The food and hygiene sets of children aged 1–6 come only through publications.)
 */
export function gspEntitlements(persons: DemoPerson[], nRecipients: number, representations: DemoRepresentation[], now: Date): DemoGspEntitlement[] {
  const year = now.getUTCFullYear();
  const schoolYear = now.getUTCMonth() >= 7 ? year : year - 1; // from August: the school year starting this September
  const startsOn = `${schoolYear}-09-01`;
  const endsOn = `${schoolYear + 1}-05-25`;
  const today = now.toISOString().slice(0, 10);
  const ageOn = (p: DemoPerson) => Number(today.slice(0, 4)) - Number(p.birthDate.slice(0, 4)) - (today.slice(5) < p.birthDate.slice(5) ? 1 : 0);
  const parented = new Set(representations.filter((r) => r.kind === 'LEGAL_REPRESENTATIVE').map((r) => r.principalId));
  const pupils = persons.slice(0, nRecipients).filter((p) => p.category !== 'NONE' && ageOn(p) >= 7 && ageOn(p) <= 17);
  const chosen = [...pupils.filter((p) => parented.has(p.id)).slice(0, GSP_RECIPIENTS / 2), ...pupils.filter((p) => !parented.has(p.id)).slice(-GSP_RECIPIENTS / 2)];
  const publishedAt = new Date(Date.parse(`${startsOn}T00:00:00Z`) - 10 * DAY);
  const out: DemoGspEntitlement[] = [];
  chosen.forEach((p, n) => {
    const rows: [GspKindCode, number, GspStatusCode, string | null][] = [
      ['SCHOOL_MEALS', 1, today >= startsOn ? 'BEING_PROVIDED' : 'ASSIGNED', null],
      ['SCHOOL_UNIFORM', 1, 'PROVIDED', null],
      ['SCHOOL_SUPPLIES', 1, 'PROVIDED', null],
      // The last one's family no longer receives targeted social assistance: travel stopped.
      ['PUBLIC_TRANSPORT', 9, n === chosen.length - 1 ? 'STOPPED' : 'ASSIGNED', n === chosen.length - 1 ? 'Семья больше не получает адресную социальную помощь' : null],
    ];
    for (const [kind, quantity, status, statusReason] of rows) {
      out.push({
        id: seedId('gsp-entitlement', out.length), personId: p.id, regionCode: p.regionCode, kind, quantity, unit: unitOf(kind), startsOn, endsOn,
        sourceId: `GSP-${schoolYear}-${String(n + 1).padStart(4, '0')}-${kind}`, sourceVersion: 1, status, publishedAt,
        statusChangedAt: status === 'ASSIGNED' ? publishedAt : new Date(Date.parse(`${startsOn}T00:00:00Z`) + 2 * DAY), statusReason,
      });
    }
  });
  return out;
}
