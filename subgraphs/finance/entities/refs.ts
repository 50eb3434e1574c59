import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Order is owned by the orders subgraph; finance extends it with its claim. */
@Directive('@key(fields: "id")')
@ObjectType('Order')
export class OrderRef { @Field(() => ID) id!: string; }
