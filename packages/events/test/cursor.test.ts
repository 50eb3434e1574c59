import { expect, it } from 'vitest';
import { isUuid, uuidv7 } from '@aleumet/core';
import { cursorPosition, eventCursor, positionCursor } from '@aleumet/events';

it('a cursor names a position, has the shape of a UUID, and grows with the position as a string', () => {
  const positions = [0, 1, 9, 10, 15, 16, 255, 256, 4_095, 65_536, 2 ** 40, 2 ** 48 - 1];
  const cursors = positions.map(positionCursor);
  expect(cursors.every(isUuid)).toBe(true);
  expect([...cursors].sort()).toEqual(cursors);
  expect(cursors.map(cursorPosition)).toEqual(positions);
  expect(cursorPosition(cursors[3]!.toUpperCase())).toBe(10);
  expect(() => positionCursor(2 ** 48)).toThrow(RangeError);
  expect(() => positionCursor(-1)).toThrow(RangeError);
});

it('every cursor sorts above the event ids handed out as cursors before; an id or a time is not a position', () => {
  const id = uuidv7();
  expect(positionCursor(0) > id).toBe(true);
  // Up to the last millisecond but one a UUIDv7 can name (in the year 10889).
  expect(positionCursor(0) > uuidv7(2 ** 48 - 2)).toBe(true);
  expect(cursorPosition(id)).toBeUndefined();
  expect(cursorPosition('0190a0b0-c0d0-7000-8000-000000000000')).toBeUndefined();
  expect(eventCursor({ id, position: 5 })).toBe(positionCursor(5));
  expect(eventCursor({ id })).toBe(id);
});
