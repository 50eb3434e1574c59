import {
  Kind, parse, print, visit,
  type ArgumentNode, type DocumentNode, type FieldNode, type InlineFragmentNode, type OperationDefinitionNode,
  type SelectionNode, type SelectionSetNode,
} from 'graphql';
import type { FetchNode, PlanNode, QueryPlan } from './apollo-internals.js';

/**
 * Corrections to query plans of @apollo/gateway 2.14 where its planner is wrong, applied once per plan
 * before it is cached (gateway/test/federation covers each; the plain gateway is asserted to still be wrong).
 *
 * 1. One field required with different arguments by two fields (`usd @requires(fields: "price(currency: \"USD\")")`,
 *    `eur @requires(fields: "price(currency: \"EUR\")")`): the planner fetches one of them and hands it to both.
 *    We fetch every variant under its own alias wherever the field is fetched, and split the requiring fetch
 *    so each field gets a representation carrying its own variant (renamed back to the field's name).
 *    Only requirements on the entity's own fields (not nested selections) are corrected.
 * 3. A field no fetch of the plan asks for (e.g. a field of an `@interfaceObject` whose keys are all marked
 *    `resolvable: false`, in a supergraph composed without the satisfiability check): the plain gateway answers it
 *    null without an error. We refuse such a plan (`unplannedFields`), and the planner's own failures, with
 *    `QUERY_PLANNING_FAILED` naming the field, as the client's error rather than an internal one.
 * 2. A key marked `resolvable: false` used to enter a subgraph (typically returning to a subgraph after fetching
 *    a `@requires` elsewhere): the subgraph cannot resolve it and the entity comes back null. We add the fields
 *    of one of its resolvable keys to the representation, fetched by an earlier fetch of the same entity from
 *    a subgraph that has them.
 */

// --- what the supergraph says -------------------------------------------------------------------
interface KeyDef { fields: SelectionSetNode; resolvable: boolean }
interface Variant { alias: string; args: readonly ArgumentNode[] }

export interface SupergraphFacts {
  /** Subgraph (service) name → join__Graph enum value. */
  graphOf: Map<string, string>;
  /** `Type` → graph enum value → keys. */
  keys: Map<string, Map<string, KeyDef[]>>;
  /** `Type.field` → graph enum values that resolve it. */
  fieldGraphs: Map<string, Set<string>>;
  /** `Type` → graphs that declare the type. */
  typeGraphs: Map<string, Set<string>>;
  /** `Type.field` → its named return type. */
  fieldTypes: Map<string, string>;
  /** `Type.field` required with different arguments: every variant. */
  variants: Map<string, Variant[]>;
  /** `Type.requiringField` → the variants (by `Type.field`) its requirement uses. */
  requirementVariants: Map<string, Map<string, Variant>>;
  queryType: string;
  mutationType: string;
}

const stringArg = (args: readonly ArgumentNode[] | undefined, name: string) => {
  const a = args?.find((x) => x.name.value === name);
  return a?.value.kind === Kind.STRING || a?.value.kind === Kind.ENUM ? a.value.value : undefined;
};
const boolArg = (args: readonly ArgumentNode[] | undefined, name: string) => {
  const a = args?.find((x) => x.name.value === name);
  return a?.value.kind === Kind.BOOLEAN ? a.value.value : undefined;
};
const selectionOf = (fields: string): SelectionSetNode =>
  (parse(`{ ${fields} }`).definitions[0] as OperationDefinitionNode).selectionSet;
const argsKey = (args: readonly ArgumentNode[]) => args.map((a) => print(a)).sort().join(',');

export function supergraphFacts(supergraphSdl: string): SupergraphFacts {
  const doc = parse(supergraphSdl);
  const facts: SupergraphFacts = {
    graphOf: new Map(), keys: new Map(), fieldGraphs: new Map(), typeGraphs: new Map(), fieldTypes: new Map(),
    variants: new Map(), requirementVariants: new Map(), queryType: 'Query', mutationType: 'Mutation',
  };
  const requires: { type: string; field: string; selection: SelectionSetNode }[] = [];
  for (const def of doc.definitions) {
    if (def.kind === Kind.SCHEMA_DEFINITION) {
      for (const op of def.operationTypes) {
        if (op.operation === 'query') facts.queryType = op.type.name.value;
        if (op.operation === 'mutation') facts.mutationType = op.type.name.value;
      }
    }
    if (def.kind === Kind.ENUM_TYPE_DEFINITION && def.name.value === 'join__Graph') {
      for (const v of def.values ?? []) {
        const name = stringArg(v.directives?.find((d) => d.name.value === 'join__graph')?.arguments, 'name');
        if (name) facts.graphOf.set(name, v.name.value);
      }
    }
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.INTERFACE_TYPE_DEFINITION) continue;
    const type = def.name.value;
    const graphs = new Set<string>();
    const keys = new Map<string, KeyDef[]>();
    for (const d of def.directives ?? []) {
      if (d.name.value !== 'join__type') continue;
      const graph = stringArg(d.arguments, 'graph');
      if (!graph) continue;
      graphs.add(graph);
      const key = stringArg(d.arguments, 'key');
      if (key) {
        const list = keys.get(graph) ?? [];
        list.push({ fields: selectionOf(key), resolvable: boolArg(d.arguments, 'resolvable') !== false });
        keys.set(graph, list);
      }
    }
    facts.typeGraphs.set(type, graphs);
    facts.keys.set(type, keys);
    for (const field of def.fields ?? []) {
      const coord = `${type}.${field.name.value}`;
      let t = field.type;
      while (t.kind !== Kind.NAMED_TYPE) t = t.type;
      facts.fieldTypes.set(coord, t.name.value);
      const joins = (field.directives ?? []).filter((d) => d.name.value === 'join__field');
      const resolving = new Set<string>();
      if (!joins.length) graphs.forEach((g) => resolving.add(g));
      for (const j of joins) {
        const graph = stringArg(j.arguments, 'graph');
        if (graph && boolArg(j.arguments, 'external') !== true) resolving.add(graph);
        const req = stringArg(j.arguments, 'requires');
        if (req) {
          try {
            requires.push({ type, field: field.name.value, selection: selectionOf(req) });
          } catch {
            // Unreadable requirement: left to the planner.
          }
        }
      }
      facts.fieldGraphs.set(coord, resolving);
    }
  }
  // Fields required with arguments, and by how many distinct argument sets.
  const seen = new Map<string, Map<string, readonly ArgumentNode[]>>();
  for (const r of requires) {
    for (const sel of r.selection.selections) {
      if (sel.kind !== Kind.FIELD || !sel.arguments?.length) continue;
      const coord = `${r.type}.${sel.name.value}`;
      const m = seen.get(coord) ?? new Map<string, readonly ArgumentNode[]>();
      m.set(argsKey(sel.arguments), sel.arguments);
      seen.set(coord, m);
    }
  }
  for (const [coord, m] of seen) {
    if (m.size < 2) continue;
    const field = coord.split('.')[1]!;
    facts.variants.set(coord, [...m.values()].map((args, i) => ({ alias: `aleumet__v${i}__${field}`, args })));
  }
  for (const r of requires) {
    for (const sel of r.selection.selections) {
      if (sel.kind !== Kind.FIELD || !sel.arguments?.length) continue;
      const coord = `${r.type}.${sel.name.value}`;
      const variant = facts.variants.get(coord)?.find((v) => argsKey(v.args) === argsKey(sel.arguments!));
      if (!variant) continue;
      const own = `${r.type}.${r.field}`;
      const m = facts.requirementVariants.get(own) ?? new Map<string, Variant>();
      m.set(coord, variant);
      facts.requirementVariants.set(own, m);
    }
  }
  return facts;
}

/** True when some fix can apply to this supergraph (so plans of other supergraphs are left untouched). */
export function needsPlanFixes(facts: SupergraphFacts): boolean {
  if (facts.variants.size) return true;
  for (const byGraph of facts.keys.values()) {
    for (const keys of byGraph.values()) if (keys.some((k) => !k.resolvable)) return true;
  }
  return false;
}

// --- plan walking -------------------------------------------------------------------------------
type Path = (string | number)[];

function entitiesFragments(doc: DocumentNode): InlineFragmentNode[] {
  const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const entities = op?.selectionSet.selections.find((s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === '_entities');
  return (entities?.selectionSet?.selections ?? []).filter((s): s is InlineFragmentNode => s.kind === Kind.INLINE_FRAGMENT);
}

const field = (name: string, alias?: string, args?: readonly ArgumentNode[], selectionSet?: SelectionSetNode): FieldNode => ({
  kind: Kind.FIELD,
  name: { kind: Kind.NAME, value: name },
  ...(alias ? { alias: { kind: Kind.NAME, value: alias } } : {}),
  ...(args?.length ? { arguments: args } : {}),
  ...(selectionSet ? { selectionSet } : {}),
});

function withFetch(fetch: FetchNode, doc: DocumentNode): FetchNode {
  const operation = print(doc);
  return { ...fetch, operation, operationDocumentNode: fetch.operationDocumentNode ? doc : undefined };
}

/** Adds every variant (aliased) next to each fetched field that is required with several argument sets. */
function fetchAllVariants(fetch: FetchNode, facts: SupergraphFacts): FetchNode {
  if (!facts.variants.size) return fetch;
  const doc = parse(fetch.operation);
  let changed = false;
  const rewriteSet = (set: SelectionSetNode, type: string | undefined): SelectionSetNode => {
    const out: SelectionNode[] = [];
    for (const sel of set.selections) {
      if (sel.kind === Kind.INLINE_FRAGMENT) {
        out.push({ ...sel, selectionSet: rewriteSet(sel.selectionSet, sel.typeCondition?.name.value ?? type) });
        continue;
      }
      if (sel.kind !== Kind.FIELD) {
        out.push(sel);
        continue;
      }
      const coord = type ? `${type}.${sel.name.value}` : undefined;
      const childType = coord ? facts.fieldTypes.get(coord) : undefined;
      out.push(sel.selectionSet ? { ...sel, selectionSet: rewriteSet(sel.selectionSet, childType) } : sel);
      const variants = coord ? facts.variants.get(coord) : undefined;
      if (variants && !sel.alias) {
        const present = new Set(set.selections.map((s) => (s.kind === Kind.FIELD ? (s.alias ?? s.name).value : '')));
        for (const v of variants) {
          if (present.has(v.alias)) continue;
          out.push(field(sel.name.value, v.alias, v.args, sel.selectionSet));
          changed = true;
        }
      }
    }
    return { ...set, selections: out };
  };
  const rewritten = visit(doc, {
    OperationDefinition(op) {
      const root = op.operation === 'mutation' ? facts.mutationType : facts.queryType;
      return { ...op, selectionSet: rewriteSet(op.selectionSet, root) };
    },
  });
  return changed ? withFetch(fetch, rewritten) : fetch;
}

/** Splits a requiring fetch so that each group of fields gets the variant of the required field it asked for. */
function splitByVariant(fetch: FetchNode, facts: SupergraphFacts): FetchNode[] {
  if (!fetch.requires || !facts.requirementVariants.size) return [fetch];
  const doc = parse(fetch.operation);
  const fragments = entitiesFragments(doc);
  // group key → (type → selections)
  const groups = new Map<string, { variants: Map<string, Variant>; byType: Map<string, SelectionNode[]> }>();
  let any = false;
  for (const frag of fragments) {
    const type = frag.typeCondition?.name.value;
    if (!type) continue;
    for (const sel of frag.selectionSet.selections) {
      const variants = sel.kind === Kind.FIELD ? facts.requirementVariants.get(`${type}.${sel.name.value}`) : undefined;
      if (variants?.size) any = true;
      const key = variants ? [...variants.entries()].map(([c, v]) => `${c}=${v.alias}`).sort().join(';') : '';
      const g = groups.get(key) ?? { variants: variants ?? new Map<string, Variant>(), byType: new Map<string, SelectionNode[]>() };
      const list = g.byType.get(type) ?? [];
      list.push(sel);
      g.byType.set(type, list);
      groups.set(key, g);
    }
  }
  if (!any) return [fetch];
  // Fields with no conflicting requirement ride along with the first group that has one.
  const plain = groups.get('');
  groups.delete('');
  const list = [...groups.values()];
  if (plain) {
    for (const [type, sels] of plain.byType) list[0]!.byType.set(type, [...(list[0]!.byType.get(type) ?? []), ...sels]);
  }
  return list.map((g) => {
    const rewritten = visit(doc, {
      InlineFragment(node) {
        const type = node.typeCondition?.name.value;
        if (!type || !fragments.includes(node)) return undefined;
        const sels = g.byType.get(type);
        return sels ? { ...node, selectionSet: { ...node.selectionSet, selections: sels } } : null;
      },
    });
    const inputRewrites = [...(fetch.inputRewrites ?? [])];
    const requires = fetch.requires!.map((node) => {
      if (node.kind !== Kind.INLINE_FRAGMENT || !node.typeCondition) return node;
      const type = node.typeCondition;
      return {
        ...node,
        selections: node.selections.map((s) => {
          const v = s.kind === Kind.FIELD ? g.variants.get(`${type}.${s.name}`) : undefined;
          if (!v || s.kind !== Kind.FIELD) return s;
          inputRewrites.push({ kind: 'KeyRenamer' as const, path: [`... on ${type}`, v.alias], renameKeyTo: s.name });
          return { ...s, alias: v.alias };
        }),
      };
    });
    return { ...withFetch(fetch, rewritten), requires, inputRewrites };
  });
}

/** Field names of a key (top level). */
const keyFieldNames = (k: KeyDef) => k.fields.selections.filter((s): s is FieldNode => s.kind === Kind.FIELD).map((s) => s.name.value);

/**
 * For a fetch entering its subgraph with a key it cannot resolve: the resolvable key to use instead
 * (per entity type), or nothing to change.
 */
function missingResolvableKeys(fetch: FetchNode, facts: SupergraphFacts): Map<string, KeyDef> {
  const out = new Map<string, KeyDef>();
  const graph = facts.graphOf.get(fetch.serviceName);
  if (!fetch.requires || !graph) return out;
  for (const node of fetch.requires) {
    if (node.kind !== Kind.INLINE_FRAGMENT || !node.typeCondition) continue;
    const keys = facts.keys.get(node.typeCondition)?.get(graph) ?? [];
    const present = new Set(node.selections.filter((s) => s.kind === Kind.FIELD).map((s) => s.name));
    const covered = (k: KeyDef) => keyFieldNames(k).every((f) => present.has(f));
    if (keys.some((k) => k.resolvable && covered(k))) continue;
    const resolvable = keys.find((k) => k.resolvable);
    if (resolvable && keys.some((k) => !k.resolvable && covered(k))) out.set(node.typeCondition, resolvable);
  }
  return out;
}

/** Adds the key's fields to the representation a fetch sends. */
function addKeyToRequires(fetch: FetchNode, type: string, key: KeyDef): FetchNode {
  const toPlan = (set: SelectionSetNode): NonNullable<FetchNode['requires']> =>
    set.selections.filter((s): s is FieldNode => s.kind === Kind.FIELD).map((s) => ({
      kind: Kind.FIELD, name: s.name.value, ...(s.selectionSet ? { selections: toPlan(s.selectionSet) } : {}),
    })) as NonNullable<FetchNode['requires']>;
  const requires = fetch.requires!.map((node) => {
    if (node.kind !== Kind.INLINE_FRAGMENT || node.typeCondition !== type) return node;
    const present = new Set(node.selections.filter((s) => s.kind === Kind.FIELD).map((s) => s.name));
    return { ...node, selections: [...node.selections, ...toPlan(key.fields).filter((s) => s.kind === Kind.FIELD && !present.has(s.name))] };
  });
  return { ...fetch, requires };
}

/**
 * Adds `key`'s fields to an earlier fetch that returns the entity at `path` from a subgraph that resolves them.
 * `at` is the path where that fetch's answer lands (its Flatten path, [] for a root fetch).
 */
function addKeyToSource(fetch: FetchNode, at: Path, path: Path, type: string, key: KeyDef, facts: SupergraphFacts): FetchNode | null {
  const graph = facts.graphOf.get(fetch.serviceName);
  if (!graph) return null;
  const names = keyFieldNames(key);
  if (!names.every((f) => facts.fieldGraphs.get(`${type}.${f}`)?.has(graph))) return null;
  const rel = path.slice(at.length).filter((p) => p !== '@');
  if (at.some((p, i) => p !== path[i])) return null;
  const doc = parse(fetch.operation);
  let done = false;
  const addAt = (set: SelectionSetNode, rest: Path, entityLevel: boolean): SelectionSetNode => {
    if (!rest.length) {
      const present = new Set(set.selections.map((s) => (s.kind === Kind.FIELD ? (s.alias ?? s.name).value : '')));
      const extra = key.fields.selections.filter((s) => s.kind === Kind.FIELD && !present.has(s.name.value));
      done = true;
      return { ...set, selections: [...set.selections, ...extra] };
    }
    const [head, ...tail] = rest;
    return {
      ...set,
      selections: set.selections.map((s) => {
        if (s.kind === Kind.INLINE_FRAGMENT && entityLevel) return { ...s, selectionSet: addAt(s.selectionSet, rest, false) };
        if (s.kind === Kind.FIELD && (s.alias ?? s.name).value === head && s.selectionSet) return { ...s, selectionSet: addAt(s.selectionSet, tail, false) };
        return s;
      }),
    };
  };
  const rewritten = visit(doc, {
    OperationDefinition(op) {
      if (fetch.requires) {
        // An entity fetch: its answer is the entity itself, inside `_entities { ... on Type { … } }`.
        return {
          ...op,
          selectionSet: {
            ...op.selectionSet,
            selections: op.selectionSet.selections.map((s) =>
              s.kind === Kind.FIELD && s.name.value === '_entities' && s.selectionSet
                ? {
                    ...s,
                    selectionSet: {
                      ...s.selectionSet,
                      selections: s.selectionSet.selections.map((f) =>
                        f.kind === Kind.INLINE_FRAGMENT && f.typeCondition?.name.value === type ? { ...f, selectionSet: addAt(f.selectionSet, rel, false) } : f,
                      ),
                    },
                  }
                : s,
            ),
          },
        };
      }
      return { ...op, selectionSet: addAt(op.selectionSet, rel, false) };
    },
  });
  return done ? withFetch(fetch, rewritten) : null;
}

/** Applies the fixes to one plan. Returns the same object when nothing applies. */
export function fixQueryPlan(plan: QueryPlan, facts: SupergraphFacts): QueryPlan {
  if (!plan.node || !needsPlanFixes(facts)) return plan;
  const hadDocuments = JSON.stringify(plan.node, (k, v) => (k === 'operationDocumentNode' ? (v ? 'yes' : undefined) : v)).includes('"operationDocumentNode":"yes"');
  // A private copy to change in place (the documents are rebuilt from the operation strings at the end).
  const root = JSON.parse(JSON.stringify(plan.node, (k, v) => (k === 'operationDocumentNode' ? undefined : v))) as PlanNode;
  // Fetches met so far, in execution order, with where their answers land: a later fetch may ask one for key fields.
  const earlier: { at: Path; fetch: FetchNode }[] = [];

  const fixFetch = (fetch: FetchNode, at: Path): PlanNode => {
    let f = fetchAllVariants(fetch, facts);
    for (const [type, key] of missingResolvableKeys(f, facts)) {
      for (const e of [...earlier].reverse()) {
        const updated = addKeyToSource(e.fetch, e.at, at, type, key, facts);
        if (!updated) continue;
        Object.assign(e.fetch, updated);
        f = addKeyToRequires(f, type, key);
        break;
      }
    }
    const parts = splitByVariant(f, facts).map((p) => ({ ...p }));
    parts.forEach((p) => earlier.push({ at, fetch: p }));
    return parts.length === 1 ? parts[0]! : { kind: 'Parallel', nodes: parts };
  };
  const walk = (node: PlanNode, at: Path): PlanNode => {
    switch (node.kind) {
      case 'Fetch':
        return fixFetch(node, at);
      case 'Flatten':
        return { ...node, node: walk(node.node, node.path as Path) };
      case 'Sequence':
      case 'Parallel':
        return { ...node, nodes: node.nodes.map((n) => walk(n, at)) };
      default:
        return node;
    }
  };
  const fixed = walk(root, []);
  if (hadDocuments) {
    const addDocs = (n: PlanNode): void => {
      if (n.kind === 'Fetch') n.operationDocumentNode = parse(n.operation);
      else if (n.kind === 'Flatten') addDocs(n.node);
      else if (n.kind === 'Sequence' || n.kind === 'Parallel') n.nodes.forEach(addDocs);
    };
    addDocs(fixed);
  }
  return { ...plan, node: fixed };
}

// --- fields nothing fetches ---------------------------------------------------------------------
export class PlanningError extends Error {}

const fetchesOf = (node: PlanNode | QueryPlan['node'] | undefined, out: FetchNode[] = []): FetchNode[] => {
  if (!node) return out;
  switch (node.kind) {
    case 'Fetch':
      out.push(node);
      break;
    case 'Flatten':
      fetchesOf(node.node, out);
      break;
    case 'Sequence':
    case 'Parallel':
      node.nodes.forEach((n) => fetchesOf(n, out));
      break;
    case 'Subscription':
      out.push(node.primary);
      fetchesOf(node.rest, out);
      break;
    case 'Condition':
      fetchesOf(node.ifClause, out);
      fetchesOf(node.elseClause, out);
      break;
    case 'Defer':
      fetchesOf(node.primary.node, out);
      node.deferred.forEach((d) => fetchesOf(d.node, out));
      break;
  }
  return out;
};

const fieldNames = (
  set: SelectionSetNode | undefined, out: Set<string>, fragments: Map<string, SelectionSetNode>, seen = new Set<string>(), skipTypeConditions = false,
): Set<string> => {
  for (const sel of set?.selections ?? []) {
    // A selection skipped by a literal condition is not asked for.
    const literal = (name: string) => {
      const arg = sel.directives?.find((d) => d.name.value === name)?.arguments?.find((a) => a.name.value === 'if');
      return arg?.value.kind === Kind.BOOLEAN ? arg.value.value : undefined;
    };
    if (literal('skip') === true || literal('include') === false) continue;
    if (sel.kind === Kind.FIELD) {
      // Meta fields and introspection are answered by the gateway itself.
      if (sel.name.value.startsWith('__')) continue;
      out.add(sel.name.value);
      fieldNames(sel.selectionSet, out, fragments, seen, skipTypeConditions);
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      // Under a type condition the planner rightly drops branches for types a subgraph never returns: only
      // unskipTypeConditions selections are checked (`wanted`); a fetch's fragments still count as fetched.
      if (!sel.typeCondition || !skipTypeConditions) fieldNames(sel.selectionSet, out, fragments, seen, skipTypeConditions);
    } else if (!seen.has(sel.name.value)) {
      seen.add(sel.name.value);
      if (!skipTypeConditions) fieldNames(fragments.get(sel.name.value), out, fragments, seen, skipTypeConditions);
    }
  }
  return out;
};

/** Fields the operation selects that no fetch of the plan asks any subgraph for (by name). */
export function unplannedFields(plan: QueryPlan, operation: DocumentNode, operationName?: string | null): string[] {
  const fragments = new Map<string, SelectionSetNode>();
  for (const d of operation.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d.selectionSet);
  const ops = operation.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const op = operationName ? ops.find((o) => o.name?.value === operationName) : ops[0];
  const wanted = fieldNames(op?.selectionSet, new Set(), fragments, new Set(), true);
  if (!wanted.size) return [];
  const fetched = new Set<string>();
  for (const f of fetchesOf(plan.node)) {
    const doc = parse(f.operation);
    const local = new Map<string, SelectionSetNode>();
    for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) local.set(d.name.value, d.selectionSet);
    for (const d of doc.definitions) if (d.kind === Kind.OPERATION_DEFINITION) fieldNames(d.selectionSet, fetched, local);
  }
  return [...wanted].filter((n) => !fetched.has(n));
}
