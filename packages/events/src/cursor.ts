import type { LiveEvent } from './hub.js';

/**
 * A subscription's resume cursor is an event's place in the order the relay hands events on (its
 * `position`, relay.ts), not its id: ids are taken when events are created, so a transaction can commit
 * an event with a smaller id after another one was handed on, and a cursor by id would skip it.
 *
 * The cursor keeps the shape of a UUID (clients store it as one and `since` is checked as one) and grows
 * with the position as a string. The constant prefix puts every such cursor above the event ids earlier
 * releases handed out as cursors, so clients that compare cursors as strings keep working across the change.
 */
const PREFIX = 'ffffffff-ffff-7fff-bfff-';
const DIGITS = 12;
const PATTERN = /^ffffffff-ffff-7fff-bfff-([0-9a-f]{12})$/;

/** The cursor of the event at this position. */
export function positionCursor(position: number): string {
  if (!Number.isSafeInteger(position) || position < 0 || position >= 16 ** DIGITS) throw new RangeError(`Outbox position out of range: ${position}`);
  return PREFIX + position.toString(16).padStart(DIGITS, '0');
}

/** The position a cursor names, or undefined for a cursor of another kind (an event id, a time). */
export function cursorPosition(cursor: string): number | undefined {
  const m = PATTERN.exec(cursor.toLowerCase());
  return m ? Number.parseInt(m[1]!, 16) : undefined;
}

/** The resume cursor of a relayed event (its id when it has no position, e.g. built by hand in a test). */
export function eventCursor(event: Pick<LiveEvent, 'id' | 'position'>): string {
  return event.position === undefined ? event.id : positionCursor(event.position);
}
