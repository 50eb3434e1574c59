import { BigIntType, Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { SafeIntResolver } from 'graphql-scalars';
import { uuidv7 } from '@aleumet/core';
import { ServiceKind } from '@aleumet/subgraph-kit';

/**
 * Double-entry ledger of the reimbursement budget. Accounts:
 *   BUDGET:<region>        the region's budget for reimbursements (source of commitments)
 *   COMMITMENT:<measure>   state part reserved for a measure (order signed / act approved)
 *   PAYABLE:<supplier>     owed to a supplier (handover confirmed / act approved)
 *   PAID:<region>          paid out to suppliers
 * Postings: sign → BUDGET Dr / COMMITMENT Cr; approve → COMMITMENT Dr / PAYABLE Cr;
 * pay → PAYABLE Dr / PAID Cr; cancel → COMMITMENT Dr / BUDGET Cr. Every posting balances.
 */
export enum AccountType { BUDGET = 'BUDGET', COMMITMENT = 'COMMITMENT', PAYABLE = 'PAYABLE', PAID = 'PAID' }
registerEnumType(AccountType, { name: 'AccountType' });

@ObjectType({ description: 'One line of a balanced ledger posting (amounts in tiyn)' })
@Entity({ tableName: 'ledger_entry' })
@Index({ properties: ['accountType', 'account'] })
@Index({ properties: ['supplierId', 'period'] })
@Index({ properties: ['regionCode', 'kind'] })
export class LedgerEntry {
  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id: string = uuidv7();
  /** Lines of one posting share it; their debits and credits are equal. */
  @Field(() => ID) @Property({ type: 'uuid', index: true }) postingId!: string;
  @Field(() => String) @Property({ type: 'string' }) account!: string;
  @Field(() => AccountType) @Enum({ items: () => AccountType }) accountType!: AccountType;
  @Field(() => SafeIntResolver) @Property({ type: new BigIntType('number') }) debit!: number;
  @Field(() => SafeIntResolver) @Property({ type: new BigIntType('number') }) credit!: number;
  @Field(() => ID) @Property({ type: 'uuid', index: true }) claimId!: string;
  @Property({ type: 'uuid' }) supplierId!: string;
  @Property({ type: 'uuid' }) personId!: string;
  @Field(() => String) @Property({ type: 'string', length: 8 }) regionCode!: string;
  @Field(() => ServiceKind, { nullable: true }) @Enum({ items: () => ServiceKind, nullable: true }) kind?: ServiceKind | null;
  /** Accounting month, YYYY-MM (Asia/Almaty). */
  @Field(() => String) @Property({ type: 'string', length: 7 }) period!: string;
  @Field(() => String) @Property({ type: 'string' }) memo!: string;
  @Field(() => Date) @Property({ type: 'datetime' }) postedAt!: Date;
}
