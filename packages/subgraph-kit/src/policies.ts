import { defaultFieldResolver, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { notePerson } from './persons-read.js';
import { mayRead, policyRefusal, requireIdentity, type EntityPolicy, type Identity, type View } from '@aleumet/core';

/**
 * Entity policies applied where records leave a subgraph: every field of a guarded type asks the
 * type's policy for the caller's view of the record it belongs to, so a root query, a nested field
 * (`Order.measure` → `Measure.program`) and an `_entities` reference are refused alike. The view is
 * worked out once per record and caller in a request.
 */

interface PolicyContext {
  identity: Identity | null;
  /** A callers batch's caller: the persons of the records it was shown (see persons-read.ts). */
  personsSeen?: Set<string>;
}

/** Views already worked out, per request context (one per caller, also in a callers batch) and record. */
const views = new WeakMap<object, WeakMap<object, View | Promise<View>>>();

export function viewOf<T extends object>(ctx: PolicyContext, policy: EntityPolicy<T>, record: T): View | Promise<View> {
  let byRecord = views.get(ctx);
  if (!byRecord) views.set(ctx, (byRecord = new WeakMap()));
  const known = byRecord.get(record);
  if (known !== undefined) return known;
  const identity = requireIdentity(ctx.identity);
  if (ctx.personsSeen) notePerson(record, ctx.personsSeen);
  const view = policy.view(identity, record, ctx);
  byRecord.set(record, view);
  if (view instanceof Promise) view.then((v) => byRecord.set(record, v), () => byRecord.delete(record));
  return view;
}

/** For root queries and references: the record, or FORBIDDEN when the caller may see nothing of it. */
export async function authorize<T extends object>(ctx: PolicyContext, policy: EntityPolicy<T>, record: T): Promise<T> {
  if ((await viewOf(ctx, policy, record)) === 'none') throw policyRefusal(policy, requireIdentity(ctx.identity));
  return record;
}

/** For lists: only the records the caller may see something of. */
export async function visibleOnly<T extends object>(ctx: PolicyContext, policy: EntityPolicy<T>, records: readonly T[]): Promise<T[]> {
  const seen = await Promise.all(records.map((r) => viewOf(ctx, policy, r)));
  return records.filter((_, i) => seen[i] !== 'none');
}

/** Wraps each `__resolveReference` of a guarded type: a reference the caller may not see is refused. */
export function guardReference<R extends (ref: any, ctx: any, info?: any) => unknown>(policy: EntityPolicy, resolve: R) {
  return async (ref: unknown, ctx: PolicyContext, info?: unknown) => {
    const record = (await resolve(ref, ctx, info)) as object | null | undefined;
    return record ? authorize(ctx, policy, record) : record;
  };
}

/** Every field of every guarded type checks the caller's view of its parent record first. */
export function applyPolicies(schema: GraphQLSchema, policies: readonly EntityPolicy[]): GraphQLSchema {
  for (const policy of policies) {
    // Not `instanceof`: @apollo/subgraph builds the schema with the CommonJS copy of graphql.
    const type = schema.getType(policy.type) as GraphQLObjectType | undefined;
    if (!type || type.astNode?.kind !== 'ObjectTypeDefinition') throw new Error(`Policy for ${policy.type}: no such object type in this subgraph`);
    for (const name of policy.limited) {
      if (!type.getFields()[name]) throw new Error(`Policy for ${policy.type}: limited field ${name} does not exist`);
    }
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (root, args, ctx: PolicyContext, info) => {
        const check = (view: View) => {
          if (!mayRead(view, policy, field.name)) throw policyRefusal(policy, requireIdentity(ctx.identity), field.name);
          return resolve(root, args, ctx, info);
        };
        const view = viewOf(ctx, policy, root);
        return view instanceof Promise ? view.then(check) : check(view);
      };
    }
  }
  return schema;
}
