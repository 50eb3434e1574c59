import { Arg, Args, Ctx, Directive, ID, Mutation, Query, Resolver } from 'type-graphql';
import { LIMITS, Role, badInput, checkOptionalText, checkText, isUuid, requireRole } from '@aleumet/core';
import { ConnectionType, PageArgs, paginateSorted } from '@aleumet/subgraph-kit';
import { firstTime, requireService } from '@aleumet/events';
import { RefusedCommand } from '../entities/index.js';
import type { Context } from './context.js';

const RefusedCommandConnection = ConnectionType('RefusedCommand', RefusedCommand);

/** Administrators see every refusal; a department those of its region. */
@Resolver(() => RefusedCommand)
export class RefusedCommandResolver {
  @Query(() => RefusedCommandConnection, { description: 'Department (its region) and administrators: changes a service refused for good, newest first, with what was done about each' })
  refusedCommands(@Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context) {
    const identity = requireRole(ctx.identity, Role.EMPLOYMENT_DEPARTMENT, Role.ADMIN);
    const where = identity.role === Role.ADMIN ? {} : { regionCode: identity.regionCode };
    return paginateSorted(ctx.em, RefusedCommand, where, page, { direction: 'desc' });
  }

  /** Internal (every sender, @aleumet/events compensation.ts): records a refusal once per refused command. */
  @Directive('@inaccessible')
  @Mutation(() => Boolean, { description: 'Internal: record a command another service refused for good and the compensation its sender applied' })
  async internalRecordRefusal(
    @Arg('commandId', () => ID) commandId: string,
    @Arg('refusedCommandId', () => ID) refusedCommandId: string,
    @Arg('sender', () => String) sender: string,
    @Arg('target', () => String) target: string,
    @Arg('command', () => String) command: string,
    @Arg('code', () => String) code: string,
    @Arg('message', () => String) message: string,
    @Arg('entityType', () => String) entityType: string,
    @Arg('entityId', () => String) entityId: string,
    @Arg('compensation', () => String) compensation: string,
    @Arg('refusedAt', () => Date) refusedAt: Date,
    @Arg('regionCode', () => String, { nullable: true }) regionCode: string | undefined,
    @Arg('personId', () => ID, { nullable: true }) personId: string | undefined,
    @Arg('supplierId', () => ID, { nullable: true }) supplierId: string | undefined,
    @Arg('measureId', () => ID, { nullable: true }) measureId: string | undefined,
    @Arg('orderId', () => ID, { nullable: true }) orderId: string | undefined,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    requireService(ctx.identity);
    for (const [name, id] of Object.entries({ commandId, refusedCommandId, personId, supplierId, measureId, orderId })) if (id != null && !isUuid(id)) throw badInput(`${name} must be a UUID`, name);
    // The column widths: subgraph names, error codes, type names and ids are short.
    for (const [name, v] of Object.entries({ sender, target })) checkText(v, name, 20);
    for (const [name, v] of Object.entries({ code, entityType, entityId })) checkText(v, name, 40);
    checkText(command, 'command', 100);
    // The receiver's message and the sender's account are cut, not refused: a refusal is recorded whatever its words.
    const msg = checkText(message.slice(0, LIMITS.reason), 'message', LIMITS.reason, 0);
    const done = checkText(compensation.slice(0, LIMITS.reason), 'compensation', LIMITS.reason);
    const region = checkOptionalText(regionCode, 'regionCode', 8);
    if (Number.isNaN(refusedAt.getTime())) throw badInput('refusedAt must be an instant', 'refusedAt');
    return ctx.em.fork().transactional(async (tx) => {
      if (!(await firstTime(tx, commandId))) return false;
      if (await tx.findOne(RefusedCommand, { commandId: refusedCommandId })) return false;
      tx.persist(tx.create(RefusedCommand, {
        commandId: refusedCommandId, sender, target, command, code, message: msg, entityType, entityId, compensation: done, regionCode: region,
        personId: personId ?? null, supplierId: supplierId ?? null, measureId: measureId ?? null, orderId: orderId ?? null, refusedAt, createdAt: ctx.runtime.clock.now(),
      }));
      return true;
    });
  }
}
