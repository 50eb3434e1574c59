import { Role, type EntityPolicy } from '@aleumet/core';
import type { AuthorizedSigner } from '../entities/index.js';

/** The register of a supplier's authorized signers: the supplier's own staff and administrators. */
export const authorizedSignerPolicy: EntityPolicy<AuthorizedSigner> = {
  type: 'AuthorizedSigner',
  limited: [],
  view: (identity, s) => (identity.role === Role.ADMIN || (identity.role === Role.SUPPLIER && identity.supplierId === s.supplierId) ? 'full' : 'none'),
};

export const policies = [authorizedSignerPolicy];
