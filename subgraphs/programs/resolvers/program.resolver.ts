import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { badInput, isUuid, notFound, requireIdentity } from '@aleumet/core';
import { ConnectionType, PageArgs, authorize, paginateLoaded } from '@aleumet/subgraph-kit';
import { SCOPE, programPolicy } from '../domain/policies.js';
import { Measure, PersonRef, RehabilitationProgram } from '../entities/index.js';
import type { Context } from './context.js';

export { SCOPE };
export const MeasureConnection = ConnectionType('Measure', Measure);
const ProgramConnection = ConnectionType('RehabilitationProgram', RehabilitationProgram);

export async function loadProgram(ctx: Context, id: string): Promise<RehabilitationProgram> {
  if (!isUuid(id)) throw badInput('Program id must be a UUID', 'id');
  const program = await ctx.loaders.program.load(id);
  if (!program) throw notFound('RehabilitationProgram', id);
  return program;
}

@Resolver(() => RehabilitationProgram)
export class ProgramResolver {
  @Query(() => RehabilitationProgram)
  async program(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    requireIdentity(ctx.identity);
    return authorize(ctx, programPolicy, await loadProgram(ctx, id));
  }

  @FieldResolver(() => MeasureConnection)
  async measures(@Root() program: RehabilitationProgram, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context) {
    return paginateLoaded(await ctx.loaders.measuresByProgram.load(program.id), page);
  }

  @FieldResolver(() => PersonRef)
  person(@Root() program: RehabilitationProgram): PersonRef {
    return { id: program.personId };
  }
}

/** Programs extends Person (owned by people) with the person's programs. */
@Resolver(() => PersonRef)
export class PersonProgramsResolver {
  @FieldResolver(() => RehabilitationProgram, { nullable: true, description: 'The current (latest) rehabilitation program' })
  async program(@Root() person: PersonRef, @Ctx() ctx: Context) {
    const programs = await ctx.loaders.programsByPerson.load(String(person.id));
    const latest = programs.reduce<RehabilitationProgram | null>((a, p) => (!a || p.issuedOn > a.issuedOn ? p : a), null);
    return latest && authorize(ctx, programPolicy, latest);
  }

  @FieldResolver(() => ProgramConnection, { description: 'All rehabilitation programs of the person, oldest first' })
  async programs(@Root() person: PersonRef, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context) {
    const programs = await ctx.loaders.programsByPerson.load(String(person.id));
    for (const p of programs) await authorize(ctx, programPolicy, p);
    return paginateLoaded(programs, page);
  }
}
