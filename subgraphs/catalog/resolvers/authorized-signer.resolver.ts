import { Arg, Args, Ctx, Directive, Field, ID, InputType, Mutation, Query, Resolver } from 'type-graphql';
import { LIMITS, Role, badInput, checkCalendarDate, checkText, forbidden, isUuid, isValidIin, notFound, requireIdentity, type Identity } from '@aleumet/core';
import { requireService } from '@aleumet/events';
import { localDate } from '@aleumet/calendar';
import { ConnectionType, PageArgs, paginate } from '@aleumet/subgraph-kit';
import { AuthorizedSigner, AuthorizedSignerRole, Supplier, SupplierKind } from '../entities/index.js';
import type { Context } from './context.js';

const SignerConnection = ConnectionType('AuthorizedSigner', AuthorizedSigner);

@InputType({ description: 'An employee authorized to sign for the supplier' })
class AuthorizedSignerInput {
  @Field(() => ID) supplierId!: string;
  @Field(() => String) iin!: string;
  @Field(() => String) fullName!: string;
  @Field(() => AuthorizedSignerRole) role!: AuthorizedSignerRole;
  @Field(() => String, { description: 'YYYY-MM-DD' }) validFrom!: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; omit for open-ended' }) validTo?: string | null;
}

/** The register is kept by the supplier's own account (its head) and by administrators. */
function assertManager(identity: Identity, supplierId: string) {
  if (identity.role === Role.ADMIN) return;
  if (identity.role === Role.SUPPLIER && identity.supplierId === supplierId) return;
  throw forbidden("Only the supplier's head or an administrator keeps its register of authorized signers");
}

async function organization(ctx: Context, supplierId: string): Promise<Supplier> {
  if (!isUuid(supplierId)) throw badInput('supplierId must be a UUID', 'supplierId');
  const s = await ctx.em.findOne(Supplier, supplierId);
  if (!s) throw notFound('Supplier', supplierId);
  return s;
}

@Resolver(() => AuthorizedSigner)
export class AuthorizedSignerResolver {
  @Query(() => SignerConnection, { description: "The supplier's register of employees authorized to sign with the organization's EDS (the supplier's staff, administrators)" })
  async authorizedSigners(@Arg('supplierId', () => ID) supplierId: string, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context) {
    const identity = requireIdentity(ctx.identity);
    assertManager(identity, supplierId);
    await organization(ctx, supplierId);
    return paginate(ctx.em, AuthorizedSigner, { supplierId }, page);
  }

  @Mutation(() => AuthorizedSigner, { description: "Supplier's head or administrator: authorize an employee to sign the supplier's acceptances, refusals and acts with the organization's EDS" })
  async addAuthorizedSigner(@Arg('input', () => AuthorizedSignerInput) input: AuthorizedSignerInput, @Ctx() ctx: Context) {
    const identity = requireIdentity(ctx.identity);
    assertManager(identity, input.supplierId);
    if (!isValidIin(input.iin)) throw badInput('IIN must be 12 digits with a valid check digit and birth date', 'iin');
    const fullName = checkText(input.fullName, 'fullName', LIMITS.name);
    const validFrom = checkCalendarDate(input.validFrom, 'validFrom');
    const validTo = input.validTo == null ? null : checkCalendarDate(input.validTo, 'validTo');
    if (validTo && validTo < validFrom) throw badInput('The last day is before the first', 'validTo');
    const supplier = await organization(ctx, input.supplierId);
    if (supplier.kind !== SupplierKind.ORGANIZATION) throw badInput('A personal assistant signs alone: there is no one to authorize', 'supplierId');
    if (supplier.headIin === input.iin) throw badInput('The first head signs without being registered', 'iin');
    const row = ctx.em.create(AuthorizedSigner, { supplierId: supplier.id, iin: input.iin, fullName, role: input.role, validFrom, validTo, createdBy: identity.sub });
    await ctx.em.persist(row).flush();
    return row;
  }

  @Mutation(() => AuthorizedSigner, { description: 'Supplier’s head or administrator: end an authorization (the last day becomes yesterday, or stays if earlier); signatures made before stay valid' })
  async endAuthorizedSigner(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    const identity = requireIdentity(ctx.identity);
    if (!isUuid(id)) throw badInput('id must be a UUID', 'id');
    const row = await ctx.em.findOne(AuthorizedSigner, id);
    if (!row) throw notFound('AuthorizedSigner', id);
    assertManager(identity, row.supplierId);
    const yesterday = localDate(new Date(ctx.runtime.clock.now().getTime() - 86_400_000));
    if (!row.validTo || row.validTo > yesterday) row.validTo = yesterday < row.validFrom ? row.validFrom : yesterday;
    await ctx.em.flush();
    return row;
  }

  @Directive('@inaccessible')
  @Query(() => Boolean, { description: "Internal (orders): whether this IIN may sign for the supplier on the day of `at` (its head on the card, or a registered employee)" })
  async internalSignerAuthorized(
    @Arg('supplierId', () => ID) supplierId: string, @Arg('iin', () => String) iin: string, @Arg('at', () => Date) at: Date, @Ctx() ctx: Context,
  ): Promise<boolean> {
    requireService(ctx.identity);
    const supplier = await organization(ctx, supplierId);
    if (!/^\d{12}$/.test(iin)) throw badInput('IIN must be 12 digits', 'iin');
    if (supplier.headIin === iin) return true;
    const day = localDate(at);
    const n = await ctx.em.count(AuthorizedSigner, { supplierId, iin, validFrom: { $lte: day }, $or: [{ validTo: null }, { validTo: { $gte: day } }] });
    return n > 0;
  }
}
