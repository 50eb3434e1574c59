import { Arg, Ctx, Directive, ID, Mutation, Query, Resolver } from 'type-graphql';
import { badInput, isUuid, isValidIin, requireIdentity } from '@aleumet/core';
import { firstTime, requireService } from '@aleumet/events';
import { StaffRole, StaffUser } from '../entities/index.js';
import type { Context } from './context.js';

@Resolver(() => StaffUser)
export class StaffUserResolver {
  @Query(() => StaffUser, { nullable: true, description: 'The signed-in supplier, department or admin user' })
  async myStaffProfile(@Ctx() ctx: Context): Promise<StaffUser | null> {
    const id = requireIdentity(ctx.identity);
    return ctx.loaders.staffUser.load(id.sub);
  }

  /** Orders, checking a department officer's EDS signature: the IIN the signature must name. */
  @Directive('@inaccessible')
  @Query(() => String, { nullable: true, description: 'Internal (orders): the IIN of a staff account' })
  async internalStaffIin(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<string | null> {
    requireService(ctx.identity);
    if (!isUuid(id)) throw badInput('id must be a UUID', 'id');
    return (await ctx.em.findOne(StaffUser, id))?.iin ?? null;
  }

  /**
   * Catalog, when an administrator verifies a supplier: its head (or the personal assistant) gets a
   * supplier staff account, so they sign in with their EDS (IIN) and receive orders. Once per
   * command id; an account that already exists for this supplier is kept (true only when created).
   * An IIN that already has a staff account elsewhere is refused for good (BAD_USER_INPUT: the
   * command is kept as failed for operators; one IIN, one staff account).
   */
  @Directive('@inaccessible')
  @Mutation(() => Boolean, { description: 'Internal (catalog): create the staff account of a newly verified supplier' })
  async internalCreateSupplierStaff(
    @Arg('commandId', () => ID) commandId: string,
    @Arg('supplierId', () => ID) supplierId: string,
    @Arg('iin', () => String) iin: string,
    @Arg('fullName', () => String) fullName: string,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    requireService(ctx.identity);
    if (!isUuid(commandId) || !isUuid(supplierId)) throw badInput('commandId and supplierId must be UUIDs');
    if (!isValidIin(iin)) throw badInput('IIN must be 12 digits with a valid check digit and birth date', 'iin');
    if (!fullName.trim()) throw badInput('A name is required', 'fullName');
    return ctx.em.fork().transactional(async (tx) => {
      if (!(await firstTime(tx, commandId))) return false;
      const existing = await tx.findOne(StaffUser, { iin });
      if (existing) {
        if (existing.role === StaffRole.SUPPLIER && existing.supplierId === supplierId) return false;
        throw badInput('This IIN already has a staff account of another organization', 'iin');
      }
      tx.create(StaffUser, { iin, fullName: fullName.trim(), role: StaffRole.SUPPLIER, supplierId, regionCode: null });
      return true;
    });
  }
}
