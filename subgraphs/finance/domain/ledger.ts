import type { EntityManager } from '@mikro-orm/postgresql';
import { uuidv7 } from '@aleumet/core';
import { localDate } from '@aleumet/calendar';
import { AccountType, LedgerEntry, type ReimbursementClaim } from '../entities/index.js';

export const account = {
  budget: (region: string) => ({ account: `BUDGET:${region}`, accountType: AccountType.BUDGET }),
  commitment: (measureId: string) => ({ account: `COMMITMENT:${measureId}`, accountType: AccountType.COMMITMENT }),
  payable: (supplierId: string) => ({ account: `PAYABLE:${supplierId}`, accountType: AccountType.PAYABLE }),
  paid: (region: string) => ({ account: `PAID:${region}`, accountType: AccountType.PAID }),
};
type Account = ReturnType<typeof account.budget>;

/** One balanced posting (debit one account, credit another, same amount) in the caller's unit of work. */
export function post(tx: EntityManager, claim: ReimbursementClaim, debit: Account, credit: Account, amount: number, memo: string, at: Date): void {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError('ledger amounts are non-negative integer tiyn');
  if (amount === 0) return;
  const postingId = uuidv7();
  const common = {
    postingId, claimId: claim.id, supplierId: claim.supplierId, personId: claim.personId, regionCode: claim.regionCode,
    kind: claim.kind ?? null, period: localDate(at).slice(0, 7), memo, postedAt: at,
  };
  tx.persist(tx.create(LedgerEntry, { ...common, ...debit, debit: amount, credit: 0 }));
  tx.persist(tx.create(LedgerEntry, { ...common, ...credit, debit: 0, credit: amount }));
}

export const postCommit = (tx: EntityManager, c: ReimbursementClaim, at: Date) =>
  post(tx, c, account.budget(c.regionCode), account.commitment(c.measureId), c.statePart, 'state part committed', at);
export const postApprove = (tx: EntityManager, c: ReimbursementClaim, at: Date) =>
  post(tx, c, account.commitment(c.measureId), account.payable(c.supplierId), c.statePart, 'payable to supplier', at);
export const postCancel = (tx: EntityManager, c: ReimbursementClaim, at: Date) =>
  post(tx, c, account.commitment(c.measureId), account.budget(c.regionCode), c.statePart, 'commitment released', at);
export const postPay = (tx: EntityManager, c: ReimbursementClaim, amount: number, at: Date) =>
  post(tx, c, account.payable(c.supplierId), account.paid(c.regionCode), amount, 'paid to supplier', at);
