import { Arg, Ctx, Directive, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { isUuid } from '@aleumet/core';
import { requireService } from '@aleumet/events';
import { localDate } from '@aleumet/calendar';
import { Representation } from '../entities/index.js';
import { actingFilter } from '../domain/representations.js';
import type { Context } from './context.js';

@Directive('@inaccessible')
@ObjectType({ description: 'Internal (gateway): for whom a person may act right now' })
class DirectoryRepresentations {
  @Field(() => [ID], { description: 'Principals of the representations in force today (verified, term not over, not revoked)' }) principalIds!: string[];
}

/**
 * The gateway narrows a caller's `represents` (carried in a token valid up to 12 hours) to this answer
 * on every request and every subscription event, so a revoked, withdrawn or expired representation stops
 * at once (gateway security/representations.ts). Asked fresh each time: the term ends by this
 * subgraph's clock, with or without the expiry job having written it.
 */
@Resolver()
export class RepresentationDirectoryResolver {
  @Directive('@inaccessible')
  @Query(() => DirectoryRepresentations, { description: 'Internal (gateway): the representations of a representative in force now' })
  async internalRepresentations(@Arg('personId', () => ID) personId: string, @Ctx() ctx: Context): Promise<DirectoryRepresentations> {
    requireService(ctx.identity);
    if (!isUuid(personId)) return { principalIds: [] };
    const today = localDate(ctx.runtime.clock.now());
    const links = await ctx.em.find(Representation, { representativeId: personId, ...actingFilter(today) }, { fields: ['principalId'] });
    return { principalIds: [...new Set(links.map((l) => l.principalId))] };
  }
}
