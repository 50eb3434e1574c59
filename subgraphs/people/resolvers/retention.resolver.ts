import { Ctx, Mutation, Resolver } from 'type-graphql';
import { Role, requireRole } from '@aleumet/core';
import { RetentionReport } from '@aleumet/subgraph-kit';
import { applyPeopleRetention } from '../domain/retention.js';
import type { Context } from './context.js';

@Resolver()
export class RetentionResolver {
  @Mutation(() => RetentionReport, { description: 'Admin: apply the people retention rules now (the scheduler does this hourly)' })
  applyPeopleRetention(@Ctx() ctx: Context) {
    requireRole(ctx.identity, Role.ADMIN);
    return applyPeopleRetention(ctx.em, ctx.runtime.clock.now());
  }
}
