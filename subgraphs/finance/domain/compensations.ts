import { registerCompensation } from '@aleumet/events';
import { ReimbursementClaim } from '../entities/index.js';

/**
 * What finance does when another subgraph refuses one of its commands for good (@aleumet/events
 * compensation.ts). A payment is money already sent: it is never undone here; the claim stays PAID and
 * the refusal is listed for the claim's department and told to the supplier, so the act is settled by hand.
 */
export function registerFinanceCompensations(): void {
  registerCompensation('finance', 'orders', 'internalActPaid', async (tx, a) => {
    const c = await tx.findOne(ReimbursementClaim, { actId: a.actId });
    const action = 'claim stays PAID; the act was not marked paid: the department settles it with the supplier';
    if (!c) return { entityType: 'ServiceAct', entityId: a.actId, regionCode: null, action };
    return {
      entityType: 'ReimbursementClaim', entityId: c.id, regionCode: c.regionCode, personId: c.personId, supplierId: c.supplierId, measureId: c.measureId, orderId: c.orderId,
      action, notify: { number: c.period ?? c.id.slice(-8), item: c.kind ?? '' },
    };
  });
}
