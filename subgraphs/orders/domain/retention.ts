import type { EntityManager } from '@mikro-orm/postgresql';
import { ANONYMIZED_PERSON_ID, RetentionClass, isPastRetention, retentionCutoff } from '@aleumet/core';
import { OutboxEvent, enqueueCommand } from '@aleumet/events';
import { callSubgraph, scopeFilter, serviceIdentity, type JobScope, type SubgraphRuntime } from '@aleumet/runtime';
import { RETENTION_REMOVED_TEXT, ServiceKind, type RetentionReport } from '@aleumet/subgraph-kit';
import { JournalEntry, Order, ServiceAct, SignedDocument } from '../entities/index.js';

/**
 * Retention of the order form (seeds 004 ¶34: order form 5 years, prosthetics card permanently).
 *
 * The order form is what the recipient signed and what was recorded about it: the canonical order
 * document with the application for reimbursement, its signature, the signer's certificate and
 * IIN, the client's idempotency key, the free-text cancellation reason (it may say why: a death,
 * a move), the journal of S1/S2 services rendered under the order (places visited) and the
 * order's status events in the outbox (they carry the person). Five years after the order was
 * closed (`closedAt`: handed over, refused, expired, cancelled) these are removed or anonymized.
 *
 * What stays: the order row itself (number, measure, offering, supplier, region, kind, amounts,
 * status and dates, and the supplier's refusal reason) — the trace of what the state paid — and
 * journal dates and hours, which back the acts of services rendered (accounting records of the
 * employment department, like finance's claims and programs' measures, kept by their owners).
 *
 * The person's links go with the form (the records outlive it only as the state's accounts): the order,
 * its journal, its acts and their signed documents point to no one (the nil UUID), and the order's
 * claims and ledger lines in finance (`internalForgetOrderPerson`) and its measure in programs
 * (`internalForgetMeasurePerson`, once no other order of the measure still keeps its form) follow by
 * command from here, the one place that knows when the order closed. Amounts are never touched. An S4
 * order keeps its person: its prosthetics card is kept permanently and shown in the person's cabinet.
 *
 * Never touched: an order still open (no `closedAt`) and one closed less than 5 years ago. An S4 order's
 * form goes like any other; its prosthetics card (`ProstheticsCard`, its own table) is kept permanently
 * and never touched here. Orders placed before
 * orders stored the kind (seeded ones) take it from their measure (programs); an order whose kind
 * cannot be told is kept. Idempotent: "everything past retention as of now".
 */
const BATCH = 500;

const MEASURE_KINDS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Measure { id kind } } }`;

/** The kinds of the given measures, read from programs in one call (absent: unknown). */
async function measureKinds(runtime: SubgraphRuntime, measureIds: string[]): Promise<Map<string, string>> {
  if (!measureIds.length) return new Map();
  const data = await callSubgraph<{ _entities: ({ id: string; kind: string } | null)[] }>(
    runtime.peers.url('programs'), serviceIdentity('orders', ['programs:read']), MEASURE_KINDS,
    { r: measureIds.map((id) => ({ __typename: 'Measure', id })) },
  );
  return new Map(data._entities.flatMap((m) => (m ? [[m.id, m.kind] as const] : [])));
}

export async function applyOrderRetention(em: EntityManager, runtime: SubgraphRuntime, now: Date, scope: JobScope = {}): Promise<RetentionReport> {
  const cutoff = retentionCutoff(RetentionClass.ORDER_FORM, now)!;
  const counts = { forms: 0, journal: 0, events: 0, persons: 0 };
  let after: string | null = null;
  for (;;) {
    if (scope.signal?.aborted) break;
    const batch: Pick<Order, 'id' | 'kind' | 'measureId' | 'closedAt'>[] = await em.fork().find(Order, {
      ...scopeFilter(scope),
      closedAt: { $lt: cutoff },
      formRemovedAt: null,
      ...(after ? { id: { $gt: after } } : {}),
    }, { fields: ['id', 'kind', 'measureId', 'closedAt'], orderBy: { id: 'asc' }, limit: BATCH });
    if (!batch.length) break;
    after = batch.at(-1)!.id;
    const kinds = await measureKinds(runtime, [...new Set(batch.filter((o) => !o.kind).map((o) => o.measureId))]);
    const due = batch
      .filter((o) => {
        const kind = o.kind ?? kinds.get(o.measureId);
        return kind != null && isPastRetention(RetentionClass.ORDER_FORM, o.closedAt, now);
      })
      .map((o) => o.id);
    if (due.length) {
      const kindOf = new Map(batch.map((o) => [o.id, o.kind ?? kinds.get(o.measureId)]));
      const unlinked = due.filter((id) => kindOf.get(id) !== 'S4');
      await em.fork().transactional(async (tx) => {
        await tx.nativeUpdate(Order, { id: { $in: due }, formRemovedAt: null, cancellationReason: { $ne: null } }, { cancellationReason: RETENTION_REMOVED_TEXT });
        counts.forms += await tx.nativeUpdate(Order, { id: { $in: due }, formRemovedAt: null }, {
          signedDocument: null, signature: null, signerCertificate: null, signerIin: null, signatureEvidence: null, idempotencyKey: null,
          supplierSignedDocument: null, supplierSignature: null, supplierSignerCertificate: null, supplierSignerIin: null, supplierSignerBin: null, supplierSignatureEvidence: null,
          deliveryAddress: null, deliveryPhone: null, deliveryWindow: null, deliveryComment: null, formRemovedAt: now, updatedAt: now,
        });
        // The order's signed documents (application, supplier's answer) go with the form; the acts' stay with the acts.
        await tx.nativeDelete(SignedDocument, { orderId: { $in: due }, actId: null });
        counts.journal += await tx.nativeUpdate(JournalEntry, { orderId: { $in: due } }, { places: [] });
        counts.events += await tx.nativeDelete(OutboxEvent, { entityType: 'Order', entityId: { $in: due } });
        const anonymized = { personId: ANONYMIZED_PERSON_ID };
        counts.persons += await tx.nativeUpdate(Order, { id: { $in: unlinked } }, anonymized);
        await tx.nativeUpdate(JournalEntry, { orderId: { $in: unlinked } }, anonymized);
        await tx.nativeUpdate(ServiceAct, { orderId: { $in: unlinked } }, anonymized);
        await tx.nativeUpdate(SignedDocument, { orderId: { $in: unlinked } }, anonymized);
        // Commands already delivered about these orders are spent transport records, and some carry the person.
        await tx.execute(
          `delete from orders.outbox o using unnest(array[${due.map(() => '?').join(', ')}]::text[]) as d(id)
            where o.kind = 'command' and o.published_at is not null and d.id in (o.variables->>'orderId', o.variables->'input'->>'orderId')`, due, 'run');
        // A measure is forgotten once none of its orders keeps its form (one may have been ordered again later).
        const measures = [...new Set(batch.filter((o) => due.includes(o.id)).map((o) => o.measureId))];
        const kept = new Set((await tx.find(Order, { measureId: { $in: measures }, formRemovedAt: null }, { fields: ['measureId'] })).map((o) => o.measureId));
        // Delivered by the commands job (a first run over old data may queue thousands: not inside this request).
        for (const orderId of due) enqueueCommand(tx, 'finance', 'internalForgetOrderPerson', { orderId });
        for (const measureId of measures.filter((m) => !kept.has(m))) enqueueCommand(tx, 'programs', 'internalForgetMeasurePerson', { measureId });
      });
    }
    if (batch.length < BATCH) break;
  }
  return {
    asOf: now,
    changed: [
      { record: 'Order.form', action: 'REMOVED', count: counts.forms },
      { record: 'JournalEntry.places', action: 'ANONYMIZED', count: counts.journal },
      { record: 'OutboxEvent', action: 'REMOVED', count: counts.events },
      { record: 'Order.person', action: 'ANONYMIZED', count: counts.persons },
    ],
  };
}
