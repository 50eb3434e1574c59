import { Ctx, Mutation, Resolver } from 'type-graphql';
import { Role, requireRole } from '@aleumet/core';
import { RetentionReport } from '@aleumet/subgraph-kit';
import { applyOrderRetention } from '../domain/retention.js';
import type { Context } from './context.js';

@Resolver()
export class OrderRetentionResolver {
  @Mutation(() => RetentionReport, {
    description: 'Admin: apply the order-form retention now (5 years after closing; never S4, the prosthetics card); the scheduler does this hourly',
  })
  applyOrderRetention(@Ctx() ctx: Context): Promise<RetentionReport> {
    requireRole(ctx.identity, Role.ADMIN);
    return applyOrderRetention(ctx.em, ctx.runtime, ctx.runtime.clock.now());
  }
}
