import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Entities owned by other subgraphs that this one extends with fields or points to. */
@Directive('@key(fields: "id")')
@ObjectType('Person')
export class PersonRef {
  @Field(() => ID) id!: string;
}

@Directive('@key(fields: "code", resolvable: false)')
@ObjectType('ItemType')
export class ItemTypeRef {
  @Field(() => String) code!: string;
}

@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Order')
export class OrderRef {
  @Field(() => ID) id!: string;
}
