import type { EntityManager } from '@mikro-orm/postgresql';
import { RetentionClass, retentionCutoff } from '@aleumet/core';
import { RETENTION_REMOVED_TEXT as REMOVED } from '@aleumet/subgraph-kit';
import { Complaint, ComplaintStatus } from '../entities/complaint.js';
import { FailureTicket, TicketStatus } from '../entities/ticket.js';

/**
 * People's retention ("everything past retention as of now"; idempotent):
 * - a complaint answered (or satisfied) more than 5 years ago is anonymized (text, answer, the person) — unless it
 *   belongs to the prosthetics card (a complaint about an S4 order), which is kept permanently;
 * - a failure ticket closed more than 5 years ago is anonymized (reporter, contact, description), and
 *   the content of its attachments removed.
 * Open complaints and tickets are never touched.
 */
export async function applyPeopleRetention(em: EntityManager, now: Date) {
  const changed: { record: string; action: string; count: number }[] = [];
  let complaints = 0;
  for (const cls of [RetentionClass.COMPLAINT, RetentionClass.ORDER_FORM, RetentionClass.PROSTHETICS_CARD]) {
    const cutoff = retentionCutoff(cls, now);
    if (!cutoff) continue; // permanent
    complaints += await em.nativeUpdate(
      Complaint,
      { retentionClass: cls, status: { $in: [ComplaintStatus.ANSWERED, ComplaintStatus.SATISFIED] }, answeredAt: { $lt: cutoff }, anonymizedAt: null },
      { personId: null, filedBy: 'anonymized', text: REMOVED, answer: REMOVED, anonymizedAt: now },
    );
  }
  changed.push({ record: 'Complaint', action: 'ANONYMIZED', count: complaints });
  const ticketCutoff = retentionCutoff(RetentionClass.FAILURE_TICKET, now)!;
  const tickets = await em.nativeUpdate(
    FailureTicket,
    { status: TicketStatus.CLOSED, closedAt: { $lt: ticketCutoff }, anonymizedAt: null },
    { reporterSub: 'anonymized', reporterPersonId: null, reporterName: 'anonymized', reporterContact: null, operatorSub: null, description: REMOVED, anonymizedAt: now },
  );
  changed.push({ record: 'FailureTicket', action: 'ANONYMIZED', count: tickets });
  // The screenshots and documents of an anonymized report go with it (they may show personal data).
  const files = await em.getConnection().execute<{ affectedRows?: number }>(
    `update people.ticket_attachment a set content = null, file_name = 'removed', purged_at = ?
     from people.failure_ticket t where t.id = a.ticket_id and t.anonymized_at is not null and a.purged_at is null`, [now], 'run');
  changed.push({ record: 'TicketAttachment', action: 'PURGED', count: files.affectedRows ?? 0 });
  return { asOf: now, changed };
}
