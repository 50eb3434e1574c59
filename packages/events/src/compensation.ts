import type { EntityManager } from '@mikro-orm/postgresql';
import type { SubgraphName } from '@aleumet/runtime';
import { enqueueCommand } from './commands-queue.js';
import type { Commands } from './commands.generated.js';

/**
 * What happens when another subgraph refuses a command for good (commands.ts `deliverCommands`): the
 * sender's change cannot be carried through, so it must not stay as if it had been. In one transaction of
 * the sender, together with marking the command failed:
 *   1. the sender's compensation for that command runs (registered per command with `registerCompensation`):
 *      it undoes the originating change or moves it to a state that says what happened, and says which
 *      record it was, whose region and which people it concerns;
 *   2. the refusal is recorded in the people subgraph's list of refused commands (`internalRecordRefusal`):
 *      the department of the region and administrators see it, with the record, the code and the message;
 *   3. the people concerned (the person, the supplier) and the department are notified through the
 *      notification pipeline (`internalNotify`, template COMMAND_REFUSED).
 * Both messages are commands of the outbox, so they survive a crash like any other. A refusal of those two
 * commands themselves is only logged (reporting a refused report would never end).
 */
export interface Refusal {
  /** The refused command's id (its outbox row). */
  commandId: string;
  target: string;
  command: string;
  /** The receiver's error code (INVALID_TRANSITION, NOT_FOUND, BAD_USER_INPUT, FORBIDDEN, CONFLICT, …). */
  code: string;
  message: string;
  refusedAt: Date;
}

/** What the sender's compensation did, and whom it concerns. */
export interface Compensated {
  /** The record whose change caused the command (Order, Measure, ReimbursementClaim, Supplier, …). */
  entityType: string;
  entityId: string;
  /** The department that sees the refusal; null: administrators only. */
  regionCode: string | null;
  /** What was done, in words for the department ("order cancelled", "nothing to undo: …"). */
  action: string;
  personId?: string | null;
  supplierId?: string | null;
  measureId?: string | null;
  orderId?: string | null;
  /** Tell the person and the supplier (in-app, SMS, e-mail by their settings) and the department: a number and an item for the texts. Absent: the list only. */
  notify?: { number: string; item: string } | null;
  /** Commands the compensation itself queued (e.g. the consequences of cancelling an order): delivered right after. */
  commandIds?: string[];
}

export type Compensation<A> = (tx: EntityManager, args: A, refusal: Refusal) => Promise<Compensated>;

const registry = new Map<string, Compensation<never>>();
const keyOf = (sender: string, target: string, command: string) => `${sender}>${target}.${command}`;

/**
 * Registers what `sender` does when `target` refuses its command `command` for good. Registered once per
 * process at module load (the sender's domain/compensations.ts); several subgraphs may share a process,
 * so the sender is part of the key.
 */
export function registerCompensation<T extends keyof Commands, N extends keyof Commands[T] & string>(
  sender: SubgraphName, target: T, command: N, compensation: Compensation<Commands[T][N]>,
): void {
  registry.set(keyOf(sender, target, command), compensation as Compensation<never>);
}

/** Every registered compensation (sender, target, command), in registration order: what tests must cover. */
export function registeredCompensations(): { sender: string; target: string; command: string }[] {
  return [...registry.keys()].map((key) => {
    const [sender, rest] = key.split('>') as [string, string];
    const dot = rest.indexOf('.');
    return { sender, target: rest.slice(0, dot), command: rest.slice(dot + 1) };
  });
}

export function compensationFor(sender: string, target: string, command: string): Compensation<Record<string, unknown>> | undefined {
  return registry.get(keyOf(sender, target, command)) as Compensation<Record<string, unknown>> | undefined;
}

/** Commands whose refusal is not reported again (they are the report). */
const REPORTS = new Set(['people.internalRecordRefusal', 'people.internalNotify']);

/**
 * Runs the compensation of a refused command (if one is registered) and queues its report and the
 * notification, in `tx`; returns the ids of the queued commands. Without a compensation (or when it
 * failed: `broken`) the refusal is still recorded, for administrators (no region is known).
 */
export async function compensate(tx: EntityManager, sender: SubgraphName, variables: Record<string, unknown>, refusal: Refusal, broken?: Error): Promise<string[]> {
  const key = `${refusal.target}.${refusal.command}`;
  if (key === 'people.internalRecordRefusal') return [];
  const fn = broken ? undefined : compensationFor(sender, refusal.target, refusal.command);
  const action = broken ? `compensation failed (${broken.message.slice(0, 200)}): recorded only` : 'no compensation: recorded only';
  const done: Compensated = fn
    ? await fn(tx, variables, refusal)
    : { entityType: 'Command', entityId: refusal.commandId, regionCode: typeof variables.regionCode === 'string' ? variables.regionCode : null, action };
  const ids = [
    ...(done.commandIds ?? []),
    enqueueCommand(tx, 'people', 'internalRecordRefusal', {
      refusedCommandId: refusal.commandId, sender, target: refusal.target, command: refusal.command, code: refusal.code, message: refusal.message.slice(0, 1000),
      entityType: done.entityType, entityId: done.entityId, compensation: done.action.slice(0, 1000), refusedAt: refusal.refusedAt.toISOString(),
      regionCode: done.regionCode, personId: done.personId ?? null, supplierId: done.supplierId ?? null, measureId: done.measureId ?? null, orderId: done.orderId ?? null,
    }).id,
  ];
  if (done.notify && done.regionCode && !REPORTS.has(key) && (done.personId || done.supplierId)) {
    ids.push(enqueueCommand(tx, 'people', 'internalNotify', {
      source: `${sender}:refused:${refusal.commandId}`, template: 'COMMAND_REFUSED', regionCode: done.regionCode,
      personId: done.personId ?? null, supplierId: done.supplierId ?? null, measureId: done.measureId ?? null, orderId: done.orderId ?? null,
      params: JSON.stringify({ number: done.notify.number, item: done.notify.item }),
    }).id);
  }
  return ids;
}
