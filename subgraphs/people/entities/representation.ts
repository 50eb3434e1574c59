import { Entity, Enum, Property } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '@aleumet/subgraph-kit';

export enum RepresentationKind { LEGAL_REPRESENTATIVE = 'LEGAL_REPRESENTATIVE', PROXY = 'PROXY' }
registerEnumType(RepresentationKind, { name: 'RepresentationKind' });

/** A representative (legal or by proxy) may act for a principal between validFrom and validTo. */
@ObjectType()
@Entity({ tableName: 'representation' })
export class Representation extends BaseEntity<'validTo'> {
  @Property({ type: 'uuid', index: true }) representativeId!: string;
  @Property({ type: 'uuid', index: true }) principalId!: string;
  @Field(() => RepresentationKind) @Enum({ items: () => RepresentationKind }) kind!: RepresentationKind;
  @Field(() => String) @Property({ type: 'date' }) validFrom!: string;
  @Field(() => String, { nullable: true }) @Property({ type: 'date', nullable: true }) validTo?: string | null;
}
