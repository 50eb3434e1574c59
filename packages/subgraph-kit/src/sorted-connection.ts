import { registerEnumType } from 'type-graphql';
import type { EntityManager, EntityName, FilterQuery } from '@mikro-orm/postgresql';
import { badInput, decodeCursor, encodeCursor, isUuid, pageSize } from '@aleumet/core';
import { toConnection, type Connection, type PageArgs } from './connection.js';
import { equalityKey, readByKeys } from '@aleumet/cache-tags';

/** Oldest first (creation order, the default of every list) or newest first. */
export enum ListOrder { OLDEST_FIRST = 'OLDEST_FIRST', NEWEST_FIRST = 'NEWEST_FIRST' }
registerEnumType(ListOrder, { name: 'ListOrder', description: 'OLDEST_FIRST (creation order) or NEWEST_FIRST' });

export interface SortSpec<T> {
  /** A whole-number column sorted first (ties broken by id); none: by id alone. */
  field?: keyof T & string;
  direction: 'asc' | 'desc';
}

/** Cursor of a row in a sorted list: the sort value and the id (ids are UUIDv7, so ties keep creation order). */
function cursorOf<T extends { id: string }>(row: T, field: (keyof T & string) | undefined): string {
  return encodeCursor(field ? `${String(row[field])}~${row.id}` : row.id);
}

function parseCursor(after: string, withValue: boolean): { value?: number; id: string } {
  const raw = decodeCursor(after);
  const [value, id] = withValue ? raw.split('~') : [undefined, raw];
  if (!id || !isUuid(id) || (withValue && !/^-?\d+$/.test(value ?? ''))) throw badInput('Malformed cursor', 'after');
  return { value: value === undefined ? undefined : Number(value), id };
}

/**
 * Keyset pagination in a stable order: by a whole-number field, then id (e.g. price ascending), or by id
 * alone in either direction. One query per page; the cursor carries the last row's sort value and id.
 */
export async function paginateSorted<T extends { id: string }>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  args: PageArgs,
  sort: SortSpec<T>,
): Promise<Connection<T>> {
  const limit = pageSize(args.first);
  const { field, direction } = sort;
  const beyond = direction === 'asc' ? '$gt' : '$lt';
  let cond = where;
  if (args.after) {
    const at = parseCursor(args.after, !!field);
    const next = field
      ? { $or: [{ [field]: { [beyond]: at.value } }, { [field]: at.value, id: { [beyond]: at.id } }] }
      : { id: { [beyond]: at.id } };
    cond = { $and: [where, next] } as FilterQuery<T>;
  }
  const orderBy = (field ? { [field]: direction, id: direction } : { id: direction }) as never;
  const find = () => em.find(entity, cond, { orderBy, limit: limit + 1 });
  const by = equalityKey(em, entity, where);
  const rows = (await (by ? readByKeys(em, entity, by.field, by.values, find) : find())) as T[];
  const page = toConnection(rows, limit);
  // toConnection writes id cursors; a sorted list needs the sort value in them.
  page.edges = page.nodes.map((node) => ({ node, cursor: cursorOf(node, field) }));
  const last = page.nodes.at(-1);
  page.pageInfo.endCursor = last ? cursorOf(last, field) : null;
  return page;
}
