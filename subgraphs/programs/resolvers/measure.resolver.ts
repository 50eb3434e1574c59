import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { badInput, forbidden, isUuid, listScope, notFound, requireIdentity, scopeWhere } from '@aleumet/core';
import { PageArgs, ServiceKind, authorize, paginate } from '@aleumet/subgraph-kit';
import { measurePolicy } from '../domain/policies.js';
import { ItemTypeRef, Measure, MeasureStatus, PersonRef, RehabilitationProgram } from '../entities/index.js';
import { SCOPE, MeasureConnection } from './program.resolver.js';
import type { Context } from './context.js';

const DAY = 86_400_000;

@Resolver(() => Measure)
export class MeasureResolver {
  @Query(() => Measure)
  async measure(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    requireIdentity(ctx.identity);
    if (!isUuid(id)) throw badInput('Measure id must be a UUID', 'id');
    const measure = await ctx.loaders.measure.load(id);
    if (!measure) throw notFound('Measure', id);
    return authorize(ctx, measurePolicy, measure);
  }

  @Query(() => MeasureConnection, { description: "Measures visible to the caller: own (recipient), region's (department), all (admin, integrator)" })
  async measures(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('status', () => MeasureStatus, { nullable: true }) status: MeasureStatus | undefined,
    @Arg('kind', () => ServiceKind, { nullable: true }) kind: ServiceKind | undefined,
    @Ctx() ctx: Context,
  ) {
    const scope = listScope(ctx.identity, SCOPE);
    if ('supplierId' in scope) throw forbidden('Suppliers see measures through their orders');
    return paginate(ctx.em, Measure, { ...scopeWhere(scope), ...(status ? { status } : {}), ...(kind ? { kind } : {}) }, page);
  }

  @FieldResolver(() => RehabilitationProgram)
  async program(@Root() m: Measure, @Ctx() ctx: Context) {
    return ctx.loaders.program.load(m.program.id);
  }

  @FieldResolver(() => PersonRef)
  person(@Root() m: Measure): PersonRef {
    return { id: m.personId };
  }

  @FieldResolver(() => ItemTypeRef)
  itemType(@Root() m: Measure): ItemTypeRef {
    return { code: m.itemTypeCode };
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Whole days left to choose a supplier (null once ordered or closed)' })
  daysLeftToChoose(@Root() m: Measure, @Ctx() ctx: Context): number | null {
    if (m.status !== MeasureStatus.PUBLISHED && m.status !== MeasureStatus.AWAITING_CHOICE) return null;
    return Math.max(0, Math.ceil((m.choiceDeadline.getTime() - ctx.runtime.clock.now().getTime()) / DAY));
  }
}
