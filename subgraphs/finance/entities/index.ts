import { GuaranteedSum } from './guaranteed-sum.js';
import { ReimbursementClaim } from './claim.js';
import { Payment } from './payment.js';

export * from './guaranteed-sum.js';
export * from './claim.js';
export * from './payment.js';
export * from './refs.js';
export const entities = [GuaranteedSum, ReimbursementClaim, Payment];
