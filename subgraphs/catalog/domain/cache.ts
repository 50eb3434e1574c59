import { cacheTags } from '@aleumet/cache-tags';

/**
 * What catalog answers depend on besides rows (CONTRIBUTING.md, the cache contract). The catalog is
 * public: regions, item types, verified suppliers and their offerings read the same for every caller.
 * A supplier's registration details are the owner's and the admins' only.
 */
export const cache = cacheTags({
  public: [
    'Query.regions', 'Query.itemTypes', 'Query.suppliers', 'Query.offerings', 'Query.offering',
    'Region', 'ItemType', 'Offering', 'Supplier', 'SupplierDirection', 'PersonnelMember',
  ],
  caller: ['Supplier.iin', 'Supplier.headIin', 'Supplier.bankDetails', 'Supplier.registryChecks', 'Supplier.documents', 'SupplierDirection.documents'],
});
