import type { GraphQLObjectType, GraphQLSchema } from 'graphql';

/**
 * What a subgraph's reads depend on besides rows, declared by the subgraph (its `domain/cache.ts`) in
 * schema coordinates: `Type` (every field of the type) or `Type.field`.
 *   - `public`: the value is the same for every caller (reference data, the public catalog). Any other
 *     resolved field makes the answer the caller's own: it is never shared with another caller.
 *   - `caller`: fields of a public type whose value still depends on the caller (an owner-only detail).
 *   - `time`: the value depends on the time (computed from the clock): the answer is never stored.
 * Nothing is observed at run time: the resolved fields of a request are compared with these lists.
 */
export interface CacheHints {
  public?: readonly string[];
  caller?: readonly string[];
  time?: readonly string[];
}

/**
 * Fields that only pass on what their parent field returned: a connection's `nodes`/`edges`/`pageInfo`,
 * an edge's `node`/`cursor` (subgraph-kit connection.ts). They add no dependence of their own.
 */
const TRANSPARENT_TYPE = /(?:Connection|Edge)$|^PageInfo$/;
/** Federation's own root fields: `_entities` is judged by the fields of the entities it resolves. */
const FEDERATION_ROOT = new Set(['Query._entities', 'Query._service']);

export type FieldDependence = 'none' | 'caller' | 'time';

export class DependenceTable {
  private readonly publicTypes: Set<string>;
  private readonly publicFields: Set<string>;
  private readonly caller: Set<string>;
  private readonly timeTypes: Set<string>;
  private readonly timeFields: Set<string>;
  private readonly memo = new Map<string, FieldDependence>();
  /** Whether any field depends on the time (else, once an answer is the caller's own, nothing more can change). */
  readonly hasTime: boolean;

  constructor(readonly hints: CacheHints) {
    const split = (list: readonly string[] = []) => [new Set(list.filter((c) => !c.includes('.'))), new Set(list.filter((c) => c.includes('.')))] as const;
    [this.publicTypes, this.publicFields] = split(hints.public);
    [this.timeTypes, this.timeFields] = split(hints.time);
    this.caller = new Set(hints.caller);
    this.hasTime = Boolean(hints.time?.length);
  }

  /** What one resolved field of `type` adds to the answer's dependence. */
  of(type: string, field: string): FieldDependence {
    const coordinate = `${type}.${field}`;
    let d = this.memo.get(coordinate);
    if (d === undefined) {
      if (field.startsWith('__') || FEDERATION_ROOT.has(coordinate) || TRANSPARENT_TYPE.test(type)) d = 'none';
      else if (this.timeFields.has(coordinate) || this.timeTypes.has(type)) d = 'time';
      else if (this.caller.has(coordinate)) d = 'caller';
      else d = this.publicFields.has(coordinate) || this.publicTypes.has(type) ? 'none' : 'caller';
      this.memo.set(coordinate, d);
    }
    return d;
  }

  /**
   * Refuses hints that name nothing in the schema (a renamed field would silently change what is shared)
   * and public types that have an entity policy (a guarded type's fields depend on the caller).
   */
  check(schema: GraphQLSchema, guardedTypes: readonly string[] = []): void {
    const all = [...(this.hints.public ?? []), ...(this.hints.caller ?? []), ...(this.hints.time ?? [])];
    for (const coordinate of all) {
      const [type, field] = coordinate.split('.');
      const t = schema.getType(type!) as GraphQLObjectType | undefined;
      if (!t || !('getFields' in t)) throw new Error(`cache hints: no object type ${type}`);
      if (field !== undefined && !t.getFields()[field]) throw new Error(`cache hints: no field ${coordinate}`);
    }
    for (const coordinate of this.hints.public ?? []) {
      if (guardedTypes.includes(coordinate.split('.')[0]!)) throw new Error(`cache hints: ${coordinate} has an entity policy, so it depends on the caller`);
    }
    for (const coordinate of this.hints.caller ?? []) {
      if (!this.publicTypes.has(coordinate.split('.')[0]!)) throw new Error(`cache hints: caller field ${coordinate} is not of a public type`);
    }
  }
}
