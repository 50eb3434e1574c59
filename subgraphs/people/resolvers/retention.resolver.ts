import { Ctx, Field, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import { Role, requireRole } from '@aleumet/core';
import { applyPeopleRetention } from './retention.js';
import type { Context } from './context.js';

@ObjectType()
class PeopleRetentionCount {
  @Field(() => String) record!: string;
  @Field(() => String, { description: 'REMOVED or ANONYMIZED' }) action!: string;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'What one run of the people retention job changed' })
class PeopleRetentionReport {
  @Field(() => Date) asOf!: Date;
  @Field(() => [PeopleRetentionCount]) changed!: PeopleRetentionCount[];
}

@Resolver()
export class RetentionResolver {
  @Mutation(() => PeopleRetentionReport, { description: 'Admin: apply the people retention rules now (the scheduler does this hourly)' })
  applyPeopleRetention(@Ctx() ctx: Context) {
    requireRole(ctx.identity, Role.ADMIN);
    return applyPeopleRetention(ctx.em, ctx.runtime.clock.now());
  }
}

/** The scheduler's job: at most hourly by the (injectable) clock. */
export function peopleRetentionJob(run: (now: Date) => Promise<unknown>) {
  let last = -Infinity;
  return async (now: Date) => {
    if (Math.abs(now.getTime() - last) < 3_600_000) return;
    last = now.getTime();
    await run(now);
  };
}
