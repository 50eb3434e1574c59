import { Ctx, Query, Resolver } from 'type-graphql';
import { requireIdentity } from '@aleumet/core';
import { StaffUser } from '../entities/index.js';
import type { Context } from './context.js';

@Resolver(() => StaffUser)
export class StaffUserResolver {
  @Query(() => StaffUser, { nullable: true, description: 'The signed-in supplier, department or admin user' })
  async myStaffProfile(@Ctx() ctx: Context): Promise<StaffUser | null> {
    const id = requireIdentity(ctx.identity);
    return ctx.loaders.staffUser.load(id.sub);
  }
}

export const staffReference = {
  StaffUser: {
    __resolveReference: (ref: { id: string }, ctx: Context) => {
      requireIdentity(ctx.identity);
      return ctx.loaders.staffUser.load(String(ref.id));
    },
  },
};
