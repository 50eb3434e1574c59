import { registerCompensation } from '@aleumet/events';
import { Measure } from '../entities/index.js';

/**
 * What programs does when another subgraph refuses one of its commands for good (@aleumet/events
 * compensation.ts). Programs' commands follow a measure's closing or a death already registered by an
 * authority: the measure stays as the authority decided, so nothing here is undone; the refusal is
 * listed for the measure's department, which finishes by hand what the other service would not.
 */
export function registerProgramCompensations(): void {
  // The measure closed (IPR term over, death) but its order was not cancelled: the department cancels it, the person and supplier are told.
  registerCompensation('programs', 'orders', 'internalCancelOrder', async (tx, a) => {
    const m = await tx.findOne(Measure, { activeOrderId: a.orderId });
    const action = `measure stays closed (${a.reason}); its order was not cancelled: the department cancels it`;
    if (!m) return { entityType: 'Order', entityId: a.orderId, regionCode: null, orderId: a.orderId, action };
    return { entityType: 'Measure', entityId: m.id, regionCode: m.regionCode, personId: m.personId, measureId: m.id, orderId: a.orderId, action, notify: { number: a.orderId.slice(-8), item: m.itemTypeCode } };
  });
  // The measures are closed; people did not record the death: the list only (no one to tell).
  registerCompensation('programs', 'people', 'internalRegisterDeath', async (tx, a) => {
    const m = await tx.findOne(Measure, { personId: a.personId }, { orderBy: { id: 'desc' } });
    return { entityType: 'Person', entityId: a.personId, regionCode: m?.regionCode ?? null, personId: a.personId, action: `measures closed; the death (${a.diedOn}) was not recorded in the person's record: an administrator records it` };
  });
  // A notice not made: the list only, for the department to inform the person otherwise (003 ¶9).
  registerCompensation('programs', 'people', 'internalNotify', async (_tx, a) => ({
    entityType: a.measureId ? 'Measure' : 'Notification', entityId: (a.measureId ?? a.source).slice(0, 40), regionCode: a.regionCode,
    personId: a.personId ?? null, measureId: a.measureId ?? null, action: `the notice ${a.template} was not made: the department informs the person otherwise`,
  }));
}
