import { describe, expect, it } from 'vitest';
import { compensationFor, registerCompensation, registeredCompensations } from '../src/compensation.js';

/** The registry the end-to-end test of every compensation reads: what was registered, once per (sender, target, command). */
describe('registered compensations', () => {
  it('lists each (sender, target, command) once, and finds its function', () => {
    const fn = async () => ({ entityType: 'Order', entityId: 'o1', regionCode: null, action: 'flagged' });
    registerCompensation('orders', 'people', 'internalNotify', fn);
    registerCompensation('programs', 'people', 'internalNotify', fn);
    registerCompensation('orders', 'people', 'internalNotify', fn);
    expect(registeredCompensations()).toEqual([
      { sender: 'orders', target: 'people', command: 'internalNotify' },
      { sender: 'programs', target: 'people', command: 'internalNotify' },
    ]);
    expect(compensationFor('orders', 'people', 'internalNotify')).toBe(fn);
    expect(compensationFor('catalog', 'people', 'internalNotify')).toBeUndefined();
  });
});
