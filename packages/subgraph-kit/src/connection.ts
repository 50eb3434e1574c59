import { Directive, Field, Int, ObjectType, ArgsType, type ClassType } from 'type-graphql';
import type { EntityManager, EntityName, FilterQuery } from '@mikro-orm/postgresql';
import { decodeCursor, encodeCursor, pageSize, isUuid, badInput } from '@aleumet/core';
import { equalityKey, readByKeys } from '@aleumet/cache-tags';

@Directive('@shareable')
@ObjectType()
export class PageInfo {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 0..200 (default 20)' }) first?: number;
  @Field(() => String, { nullable: true, description: 'Cursor of the last item already seen' }) after?: string;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
}

/** Relay-style connection type for one node type: `<Name>Connection` with edges, nodes and pageInfo. */
export function ConnectionType<T extends object>(name: string, node: ClassType<T>) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => String) cursor!: string;
    @Field(() => node) node!: T;
  }
  @ObjectType(`${name}Connection`)
  class ConnectionClass implements Connection<T> {
    @Field(() => [Edge]) edges!: Edge[];
    @Field(() => [node]) nodes!: T[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
  }
  return ConnectionClass;
}

/** Turns rows fetched with `limit + 1` into a connection (the extra row only tells there is more). */
export function toConnection<T extends object>(rows: T[], limit: number, key: keyof T & string = 'id' as never): Connection<T> {
  const nodes = rows.slice(0, limit);
  const last = nodes[nodes.length - 1];
  const cursor = (node: T) => encodeCursor(String(node[key]));
  return {
    nodes,
    edges: nodes.map((node) => ({ cursor: cursor(node), node })),
    pageInfo: { hasNextPage: rows.length > limit, endCursor: last ? cursor(last) : null },
  };
}

export function afterId(after: string | null | undefined): string | undefined {
  if (!after) return undefined;
  const id = decodeCursor(after);
  if (!isUuid(id)) throw badInput('Malformed cursor', 'after');
  return id;
}

/** Keyset pagination by a unique key (id: UUIDv7, so creation order), one query per page. */
export async function paginate<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  args: PageArgs,
  key: keyof T & string = 'id' as never,
): Promise<Connection<T>> {
  const limit = pageSize(args.first);
  const after = key === 'id' ? afterId(args.after) : args.after ? decodeCursor(args.after) : undefined;
  const cond = (after ? { $and: [where, { [key]: { $gt: after } }] } : where) as FilterQuery<T>;
  const find = () => em.find(entity, cond, { orderBy: { [key]: 'asc' } as never, limit: limit + 1 });
  // A page of one supplier's (person's, measure's…) rows depends on those rows only: row tags, not the table's.
  const by = equalityKey(em, entity, where);
  // `first: 0` still reads one row: hasNextPage tells whether any exist after `after`.
  const rows = await (by ? readByKeys(em, entity, by.field, by.values, find) : find());
  return toConnection(rows as T[], limit, key);
}

/** Paginates rows already grouped per parent by a loader (lists per parent are short). */
export function paginateLoaded<T extends { id: string }>(rows: readonly T[], args: PageArgs): Connection<T> {
  const limit = pageSize(args.first);
  const after = afterId(args.after);
  const rest = after ? rows.filter((r) => r.id > after) : rows;
  return toConnection(rest.slice(0, limit + 1), limit);
}
