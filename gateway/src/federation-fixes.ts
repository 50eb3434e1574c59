import {
  GraphQLError, Kind, TypeInfo, getNamedType, isAbstractType, parse, visit, visitWithTypeInfo,
  type DocumentNode, type FieldNode, type GraphQLSchema, type OperationDefinitionNode, type SelectionSetNode,
} from 'graphql';
import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { ApolloGateway } from '@apollo/gateway';
import { ErrorCode } from '@aleumet/core';
import { captureCompletionErrors, transformQueryPlans } from './apollo-internals.js';
import { computeResponseCompiled } from './result-shaping.js';
import { mergeSameSubgraphFetches } from './plan-merge.js';
import { PlanningError, fixQueryPlan, supergraphFacts, unplannedFields, type SupergraphFacts } from './plan-fixes.js';

/**
 * Corrections on top of @apollo/gateway where it answers against the specifications.
 * Each one is covered by gateway/test/federation (the plain gateway is asserted to still be wrong).
 *
 * 1. `@requires` with field arguments: when the client selects the required field under the same
 *    response name with other arguments (e.g. `weight` while `@requires(fields: "weight(unit: KILOGRAM)")`),
 *    the query planner sends the client's value as the requirement. We alias such client selections
 *    (`aleumet__weight: weight`) before planning, so the requirement gets its own field, and rename the
 *    answer back.
 * 2. Null propagation without an error: when a subgraph leaves a non-null field empty (an entity it
 *    resolves to null), the gateway nulls the parent as it must, but reports why only in
 *    `extensions.valueCompletion`, and only when no other error happened. The GraphQL spec requires a
 *    field error in `errors` for every such null. We put those errors into `errors`, unless an error
 *    already there explains the null (same, enclosing, enclosed or sibling path, or a path-less failed fetch).
 *    They carry `RESPONSE_VALIDATION_FAILED`: a subgraph broke the schema, which the client may be told (not masked
 *    as an internal error).
 * 3. Query plans: see plan-fixes.ts.
 */

const ALIAS_PREFIX = 'aleumet__';

// --- 1: which (type, response name) pairs are required with arguments ---------------------------
type RequiredWithArgs = Map<string, Set<string>>;

/** Reads every `@join__field(requires: "...")` of the supergraph and collects fields selected with arguments. */
export function requiredFieldsWithArguments(supergraphSdl: string): RequiredWithArgs {
  const doc = parse(supergraphSdl);
  const fieldTypes = new Map<string, Map<string, string>>();
  const requires: { type: string; selection: string }[] = [];
  for (const def of doc.definitions) {
    if (
      def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.INTERFACE_TYPE_DEFINITION &&
      def.kind !== Kind.OBJECT_TYPE_EXTENSION && def.kind !== Kind.INTERFACE_TYPE_EXTENSION
    ) continue;
    const fields = fieldTypes.get(def.name.value) ?? new Map<string, string>();
    fieldTypes.set(def.name.value, fields);
    for (const field of def.fields ?? []) {
      let t = field.type;
      while (t.kind !== Kind.NAMED_TYPE) t = t.type;
      fields.set(field.name.value, t.name.value);
      for (const dir of field.directives ?? []) {
        if (dir.name.value !== 'join__field') continue;
        const arg = dir.arguments?.find((a) => a.name.value === 'requires');
        if (arg?.value.kind === Kind.STRING) requires.push({ type: def.name.value, selection: arg.value.value });
      }
    }
  }
  const out: RequiredWithArgs = new Map();
  const walk = (type: string, set: SelectionSetNode) => {
    for (const sel of set.selections) {
      if (sel.kind === Kind.INLINE_FRAGMENT) walk(sel.typeCondition?.name.value ?? type, sel.selectionSet);
      if (sel.kind !== Kind.FIELD) continue;
      if (sel.arguments?.length) {
        const names = out.get(type) ?? new Set<string>();
        names.add(sel.alias?.value ?? sel.name.value);
        out.set(type, names);
      }
      const child = fieldTypes.get(type)?.get(sel.name.value);
      if (sel.selectionSet && child) walk(child, sel.selectionSet);
    }
  };
  for (const r of requires) {
    try {
      const op = parse(`{ ${r.selection} }`).definitions[0] as OperationDefinitionNode;
      walk(r.type, op.selectionSet);
    } catch {
      // A requires string we cannot read: leave it to the planner.
    }
  }
  return out;
}

/** Aliases client selections that collide with a required-with-arguments field. Returns null when nothing changes. */
export function aliasRequiredFields(doc: DocumentNode, schema: GraphQLSchema, required: RequiredWithArgs): DocumentNode | null {
  if (required.size === 0) return null;
  const affected = (parentName: string, responseName: string): boolean => {
    if (required.get(parentName)?.has(responseName)) return true;
    const parent = schema.getType(parentName);
    if (parent && isAbstractType(parent)) return schema.getPossibleTypes(parent).some((t) => required.get(t.name)?.has(responseName));
    return false;
  };
  const typeInfo = new TypeInfo(schema);
  let changed = false;
  const rewritten = visit(
    doc,
    visitWithTypeInfo(typeInfo, {
      Field(node: FieldNode) {
        const parent = typeInfo.getParentType();
        const responseName = node.alias?.value ?? node.name.value;
        if (!parent || responseName.startsWith('__') || !affected(getNamedType(parent).name, responseName)) return undefined;
        changed = true;
        return { ...node, alias: { kind: Kind.NAME, value: ALIAS_PREFIX + responseName } };
      },
    }),
  );
  return changed ? rewritten : null;
}

function unalias(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unalias);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k.startsWith(ALIAS_PREFIX) ? k.slice(ALIAS_PREFIX.length) : k] = unalias(v);
  return out;
}

function withPath(e: GraphQLError, path: readonly (string | number)[] | undefined): GraphQLError {
  return new GraphQLError(e.message, {
    nodes: e.nodes, source: e.source, positions: e.positions, path, originalError: e.originalError ?? undefined, extensions: e.extensions,
  });
}

const isPrefix = (p: readonly (string | number)[], of: readonly (string | number)[]) => p.length <= of.length && p.every((s, i) => of[i] === s);

/** Wraps a gateway so every operation it executes gets the corrections above. */
export function withFederationFixes(gateway: GatewayInterface, opts: { compiledShaping?: boolean; mergeFetches?: boolean; leanExecutor?: boolean } = {}): GatewayInterface {
  const compiledShaping = opts.compiledShaping ?? true;
  const leanExecutor = opts.leanExecutor ?? true;
  const mergeFetches = opts.mergeFetches ?? true;
  let required: RequiredWithArgs = new Map();
  let facts: { sdl: string; facts: SupergraphFacts } | null = null;
  gateway.onSchemaLoadOrUpdate(({ coreSupergraphSdl }) => {
    required = requiredFieldsWithArguments(coreSupergraphSdl);
  });
  if (gateway instanceof ApolloGateway) {
    transformQueryPlans(
      gateway,
      (plan, sdl, operation) => {
        if (facts?.sdl !== sdl) facts = { sdl, facts: supergraphFacts(sdl) };
        const missing = unplannedFields(plan, parse(operation.toString(true)));
        if (missing.length) {
          throw new PlanningError(`This supergraph cannot answer ${missing.map((f) => `"${f}"`).join(', ')}: no subgraph that resolves it can be reached`);
        }
        const fixed = fixQueryPlan(plan, facts.facts);
        return mergeFetches ? mergeSameSubgraphFetches(fixed) : fixed;
      },
      (e) => new PlanningError(`This supergraph cannot answer the operation: ${(e as Error).message}`),
    );
  }
  return {
    onSchemaLoadOrUpdate: (callback) => gateway.onSchemaLoadOrUpdate(callback),
    stop: () => gateway.stop(),
    async load(options) {
      const loaded = await gateway.load(options);
      const executor: GatewayExecutor = async (requestContext) => {
        let rc = requestContext;
        const aliased = aliasRequiredFields(requestContext.document, requestContext.schema, required);
        if (aliased) {
          const operation = aliased.definitions.find(
            (d): d is OperationDefinitionNode =>
              d.kind === Kind.OPERATION_DEFINITION && (d.name?.value ?? null) === (requestContext.operation.name?.value ?? null),
          );
          rc = { ...requestContext, document: aliased, operation: operation ?? requestContext.operation };
        }
        let captured;
        try {
          captured = await captureCompletionErrors(() => loaded.executor!(rc), compiledShaping ? computeResponseCompiled : undefined, leanExecutor);
        } catch (e) {
          if (!(e instanceof PlanningError)) throw e;
          return { errors: [new GraphQLError(e.message, { extensions: { code: ErrorCode.QUERY_PLANNING_FAILED } })] };
        }
        const { result, completionErrors: store } = captured;

        let errors = [...(result.errors ?? [])];
        const extensions = result.extensions ? { ...result.extensions } : undefined;
        if (extensions && 'valueCompletion' in extensions) delete extensions.valueCompletion;
        // Already explained: by a path-less error (a fetch that failed as a whole), by an error at the same
        // or an enclosing path, by an error below it (a refused non-null field whose null went up to here),
        // or by an error inside the same parent object (a subgraph that nulled the entity because one of
        // its fields failed).
        const explains = (x: GraphQLError, e: GraphQLError) =>
          !x.path || !e.path || isPrefix(x.path, e.path) || isPrefix(e.path, x.path) || (e.path.length > 1 && isPrefix(e.path.slice(0, -1), x.path));
        const unexplained = store
          .filter((e) => !errors.some((x) => explains(x, e)))
          .map((e) => new GraphQLError(e.message, { path: e.path, extensions: { code: ErrorCode.RESPONSE_VALIDATION_FAILED } }));
        errors.push(...unexplained);
        let data = result.data;
        if (aliased) {
          data = unalias(data) as typeof data;
          errors = errors.map((e) =>
            e.path?.some((s) => typeof s === 'string' && s.startsWith(ALIAS_PREFIX))
              ? withPath(e, e.path.map((s) => (typeof s === 'string' && s.startsWith(ALIAS_PREFIX) ? s.slice(ALIAS_PREFIX.length) : s)))
              : e,
          );
        }
        return {
          ...result,
          data,
          errors: errors.length ? errors : undefined,
          extensions: extensions && Object.keys(extensions).length ? extensions : undefined,
        };
      };
      return { ...loaded, executor };
    },
  };
}
