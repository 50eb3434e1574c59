import { GuaranteedSum } from './guaranteed-sum.js';
import { ReimbursementClaim } from './claim.js';
import { Payment } from './payment.js';
import { LedgerEntry } from './ledger.js';
import { OUTBOX_ENTITIES, ProcessedCommand } from '@aleumet/events';

export * from './guaranteed-sum.js';
export * from './claim.js';
export * from './payment.js';
export * from './refs.js';
export * from './ledger.js';
export const entities = [GuaranteedSum, ReimbursementClaim, Payment, LedgerEntry, ...OUTBOX_ENTITIES, ProcessedCommand];
