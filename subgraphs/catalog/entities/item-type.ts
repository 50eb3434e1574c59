import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { wheelchairRuleByCode } from '@aleumet/core';
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

  // Wheelchairs (S6): indications and contraindications per type (seeds 004, annex 9); reference data, not rows.
  @Field(() => String, { nullable: true, description: 'S6: medical and social indications for this wheelchair type (Kazakh)' })
  get indicationsKk(): string | null { return wheelchairRuleByCode.get(this.code)?.indications.kk ?? null; }
  @Field(() => String, { nullable: true, description: 'S6: indications (Russian)' })
  get indicationsRu(): string | null { return wheelchairRuleByCode.get(this.code)?.indications.ru ?? null; }
  @Field(() => String, { nullable: true, description: 'S6: indications (English)' })
  get indicationsEn(): string | null { return wheelchairRuleByCode.get(this.code)?.indications.en ?? null; }
  @Field(() => String, { nullable: true, description: 'S6: contraindications (Kazakh)' })
  get contraindicationsKk(): string | null { return wheelchairRuleByCode.get(this.code)?.contraindications.kk ?? null; }
  @Field(() => String, { nullable: true, description: 'S6: contraindications (Russian)' })
  get contraindicationsRu(): string | null { return wheelchairRuleByCode.get(this.code)?.contraindications.ru ?? null; }
  @Field(() => String, { nullable: true, description: 'S6: contraindications (English)' })
  get contraindicationsEn(): string | null { return wheelchairRuleByCode.get(this.code)?.contraindications.en ?? null; }
  @Field(() => Int, { nullable: true, description: 'Not ordered for a recipient younger than this, in full years (electric wheelchair: 6)' })
  get minAgeYears(): number | null { return wheelchairRuleByCode.get(this.code)?.minAgeYears ?? null; }
}
