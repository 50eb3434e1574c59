import { registerCompensation } from '@aleumet/events';

/**
 * What the catalog does when another subgraph refuses one of its commands for good (@aleumet/events
 * compensation.ts). A verified supplier whose staff account people refused (the IIN belongs to another
 * organization's staff) stays verified: the verification is the registries' answer, right on its own.
 * The refusal is listed for administrators (they verify suppliers and create staff accounts by hand).
 */
export function registerCatalogCompensations(): void {
  registerCompensation('catalog', 'people', 'internalCreateSupplierStaff', async (_tx, a) => ({
    entityType: 'Supplier', entityId: a.supplierId, regionCode: null, supplierId: a.supplierId,
    action: 'supplier stays verified; its staff account was not created: an administrator creates it',
  }));
}
