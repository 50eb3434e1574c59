import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { Role, badInput, isUuid, requireRole } from '@aleumet/core';
import { RetentionReport } from '@aleumet/subgraph-kit';
import { applyOrderRetention } from '../domain/retention.js';
import type { Context } from './context.js';

@Resolver()
export class OrderRetentionResolver {
  @Mutation(() => RetentionReport, {
    description: 'Admin: apply the order-form retention now (5 years after closing; never S4, the prosthetics card); the scheduler does this hourly',
  })
  applyOrderRetention(
    @Arg('personIds', () => [ID], { nullable: true, description: "Only these persons' orders (at most 100); everyone's when omitted" }) personIds: string[] | null | undefined,
    @Ctx() ctx: Context,
  ): Promise<RetentionReport> {
    requireRole(ctx.identity, Role.ADMIN);
    if (personIds != null && (personIds.length > 100 || !personIds.every(isUuid))) throw badInput('Give at most 100 person ids (UUIDs)', 'personIds');
    return applyOrderRetention(ctx.em, ctx.runtime, ctx.runtime.clock.now(), personIds ? { personIds } : {});
  }
}
