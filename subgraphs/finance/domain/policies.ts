import { ownerPolicy } from '@aleumet/core';
import type { ReimbursementClaim } from '../entities/index.js';

export const SCOPE = 'finance:read';

/** Claims: the person and representatives, the claim's supplier, the region's department, admins, integrators with finance:read. */
export const claimPolicy = ownerPolicy<ReimbursementClaim>('ReimbursementClaim', SCOPE);

export const policies = [claimPolicy];
