import { describe, expect, it } from 'vitest';
import { HandoverMethod } from '../entities/index.js';
import { handoverOf } from '../domain/order-document.js';

describe('delivery or pickup (handoverOf)', () => {
  it('aids: what the offering allows, delivery by default when offered', () => {
    expect(handoverOf({ kind: 'S5', deliveryMode: 'BOTH' }, null)).toBe(HandoverMethod.DELIVERY);
    expect(handoverOf({ kind: 'S5', deliveryMode: 'BOTH' }, HandoverMethod.PICKUP)).toBe(HandoverMethod.PICKUP);
    expect(handoverOf({ kind: 'S6', deliveryMode: 'PICKUP' }, null)).toBe(HandoverMethod.PICKUP);
    expect(handoverOf({ kind: 'S4', deliveryMode: 'DELIVERY' }, HandoverMethod.DELIVERY)).toBe(HandoverMethod.DELIVERY);
    expect(() => handoverOf({ kind: 'S5', deliveryMode: 'PICKUP' }, HandoverMethod.DELIVERY)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'handover' }) }));
  });

  it('services (S1–S3) have none and refuse a choice', () => {
    expect(handoverOf({ kind: 'S1', deliveryMode: 'PICKUP' }, null)).toBeNull();
    expect(() => handoverOf({ kind: 'S3', deliveryMode: 'PICKUP' }, HandoverMethod.PICKUP)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }));
  });
});
