import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Entities of other subgraphs that orders points to or extends. */
@Directive('@key(fields: "id")')
@ObjectType('Measure')
export class MeasureRef { @Field(() => ID) id!: string; }

@Directive('@key(fields: "id")')
@ObjectType('Person')
export class PersonRef { @Field(() => ID) id!: string; }

@Directive('@key(fields: "id")')
@ObjectType('Supplier')
export class SupplierRef { @Field(() => ID) id!: string; }

@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Offering')
export class OfferingRef { @Field(() => ID) id!: string; }
