import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ObjectType, registerEnumType } from 'type-graphql';
import { ServiceKind } from '@aleumet/subgraph-kit';

export enum Unit { PIECE = 'PIECE', PAIR = 'PAIR', SET = 'SET', HOUR = 'HOUR', DAY = 'DAY' }
registerEnumType(Unit, { name: 'Unit' });

/** A kind of aid or service that measures and offerings refer to. */
@Directive('@key(fields: "code")')
@ObjectType({ description: 'A type of rehabilitation aid or social service' })
@Entity({ tableName: 'item_type' })
export class ItemType {
  @Field(() => String) @PrimaryKey({ type: 'string', length: 40 }) code!: string;
  @Field(() => ServiceKind) @Enum({ items: () => ServiceKind }) kind!: ServiceKind;
  @Field(() => Unit) @Enum({ items: () => Unit }) unit!: Unit;
  @Field(() => String) @Property({ type: 'string' }) nameKk!: string;
  @Field(() => String) @Property({ type: 'string' }) nameRu!: string;
  @Field(() => String) @Property({ type: 'string' }) nameEn!: string;
}
