import { AsyncLocalStorage } from 'node:async_hooks';
import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import type { GraphQLError } from 'graphql';
import type { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import type { QueryPlan, QueryPlanner } from '@apollo/query-planner';
import type { Operation } from '@apollo/federation-internals';

/**
 * Every place the gateway relies on @apollo/gateway (and its federation-internals / query-planner
 * siblings) beyond their documented API, in one module. Each of these can change in any release
 * without notice, so the gateway refuses to start on a version nobody checked them against
 * (`assertSupportedApollo`, called first thing by `startGateway`).
 *
 * The internals:
 * - `dist/resultShaping.js` `computeResponse`: replaced once, process-wide, to capture the
 *   value-completion errors the gateway computes and sometimes drops (`captureCompletionErrors`), and to shape
 *   answers with our compiled copy of it (result-shaping.ts) inside our gateway's executions.
 * - `@apollo/federation-internals` `operationFromDocument` as `executeQueryPlan` calls it (`{ validate: false }`):
 *   memoized per document node inside our gateway's executions, so the compiled shape is found again.
 * - federation-internals' type predicates, `ERRORS`, `assert`, `Variable` (result-shaping.ts).
 * - `RemoteGraphQLDataSource#sendRequest` (private): the one call every subgraph fetch passes
 *   through (`wrapSendRequest`: entity cache, `_entities` deduplication, callers batches).
 * - `ApolloGateway#queryPlanStore` (private): plan-cache statistics (`observePlanStore`).
 * - `ApolloGateway#queryPlanner` (private, replaced on every supergraph load): plans corrected before they are
 *   cached (`transformQueryPlans`).
 * - `ApolloGateway#__testing()`: the supergraph already loaded (`loadedSupergraphSdl`).
 * - `executeQueryPlan`, `buildOperationContext` (exported, undocumented), `@apollo/federation-internals`
 *   and `@apollo/query-planner`: planning and executing subscriptions, printing the public schema.
 */

const require = createRequire(import.meta.url);

/** Versions the internals above were read and tested against (gateway/test). Widen only after doing so. */
export const SUPPORTED_APOLLO = /^2\.14\.\d+$/;
/** The packages whose internals we use: they are released together, in lockstep. */
export const APOLLO_PACKAGES = ['@apollo/gateway', '@apollo/federation-internals', '@apollo/query-planner'] as const;

export class UnsupportedApolloVersion extends Error {}

/** The installed version of each package in `APOLLO_PACKAGES`. */
export function installedApolloVersions(): Record<string, string> {
  return Object.fromEntries(APOLLO_PACKAGES.map((p) => [p, (require(`${p}/package.json`) as { version: string }).version]));
}

/**
 * Throws `UnsupportedApolloVersion` naming each package whose version is not one the internals were
 * checked against: better no gateway than one that plans or shapes answers wrongly.
 */
export function assertSupportedApollo(versions: Record<string, string> = installedApolloVersions()): void {
  const wrong = Object.entries(versions).filter(([, v]) => !SUPPORTED_APOLLO.test(v));
  if (!wrong.length) return;
  throw new UnsupportedApolloVersion(
    `unsupported ${wrong.map(([p, v]) => `${p} ${v}`).join(', ')}: the gateway uses internals of @apollo/gateway checked against ${SUPPORTED_APOLLO.source} only ` +
      '(gateway/src/apollo-internals.ts); install a supported version, or check the internals listed there against this one and widen SUPPORTED_APOLLO',
  );
}

// --- computeResponse, operationFromDocument ------------------------------------------------------
/** Apollo's `computeResponse` signature (resultShaping.js). */
export type ComputeResponse = (args: any) => { data: unknown; errors: GraphQLError[] };
interface ExecutionStore {
  completionErrors: GraphQLError[];
  /** Shapes the answer instead of Apollo's `computeResponse` (same arguments, same result). */
  shape?: ComputeResponse;
  /** Executes the plan with the copy of `executeQueryPlan` that `leanExecutor()` loads (when it could be loaded). */
  leanExecutor?: boolean;
}

// One store per process: when two copies of this module are loaded (sources and builds side by side in
// tests), the single patch feeds both.
const executionStore = ((globalThis as Record<symbol, unknown>)[Symbol.for('aleumet.executionStore')] ??=
  new AsyncLocalStorage<ExecutionStore>()) as AsyncLocalStorage<ExecutionStore>;

type OperationFromDocument = (schema: object, document: { definitions: readonly object[] }, options?: { validate?: boolean; operationName?: string }) => object;

function patchResultShaping(): void {
  const resultShaping = require('@apollo/gateway/dist/resultShaping.js') as { computeResponse: ComputeResponse; __aleumetPatched?: boolean };
  if (resultShaping.__aleumetPatched) return;
  assertSupportedApollo();
  if (typeof resultShaping.computeResponse !== 'function') throw new UnsupportedApolloVersion('@apollo/gateway/dist/resultShaping.js has no computeResponse: see gateway/src/apollo-internals.ts');
  const original = resultShaping.computeResponse;
  resultShaping.computeResponse = (args) => {
    const store = executionStore.getStore();
    const result = store?.shape ? store.shape(args) : original(args);
    store?.completionErrors.push(...result.errors);
    return result;
  };
  resultShaping.__aleumetPatched = true;

  // executeQueryPlan builds the operation again from the same (cached) document nodes on every request; with
  // compiled shaping it is built once per document node and schema, so the compiled shape is found again.
  // Replaced in the module that defines it: the package index re-exports it through a getter.
  const internals = createRequire(require.resolve('@apollo/gateway'))('@apollo/federation-internals/dist/operations.js') as { operationFromDocument: OperationFromDocument };
  if (typeof internals.operationFromDocument !== 'function') throw new UnsupportedApolloVersion('@apollo/federation-internals has no operationFromDocument: see gateway/src/apollo-internals.ts');
  const build = internals.operationFromDocument;
  const built = new WeakMap<object, WeakMap<object, { rest: readonly object[]; operation: object }>>();
  internals.operationFromDocument = (schema, document, options) => {
    // Only executeQueryPlan's call (`{ validate: false }`, the operation first, then its fragments), only in our gateway.
    if (!executionStore.getStore()?.shape || options?.validate !== false || options.operationName !== undefined || !document.definitions.length) {
      return build(schema, document, options);
    }
    const [first, ...rest] = document.definitions;
    const bySchema = built.get(schema) ?? new WeakMap();
    built.set(schema, bySchema);
    const hit = bySchema.get(first!);
    if (hit && hit.rest.length === rest.length && hit.rest.every((d, i) => d === rest[i])) return hit.operation;
    const operation = build(schema, document, options);
    bySchema.set(first!, { rest, operation });
    return operation;
  };
}

// --- executeQueryPlan's two allocation-heavy helpers ---------------------------------------------------
/**
 * `dist/executeQueryPlan.js` evaluated once more with two of its private helpers changed, its other code and
 * its module dependencies (the same instances) as they are; `executeQueryPlan` in the original module's exports
 * (which ApolloGateway calls through) then runs it inside our gateway's executions only. The two:
 * - `flattenResultsAtPath` took the path apart with `[current, ...rest]` and `flatMap` for every element at
 *   every level: one new array per element and level. The same walk by index, results collected in one array.
 * - `executeSelectionSet` built every entity representation with `Object.create(null)`, which V8 keeps in
 *   dictionary mode, slow to serialize (each representation is serialized for the in-flight key and the
 *   request). An ordinary object when no response name is `__proto__` (the only name whose assignment differs).
 * Found by their exact text: when a release changes them, the original module runs unchanged (`null`).
 */
const FLATTEN = /function flattenResultsAtPath\(value, path\) \{\n    if \(path\.length === 0\)\n        return value;\n    if \(value === undefined \|\| value === null\)\n        return value;\n    const \[current, \.\.\.rest\] = path;\n    if \(current === '@'\) \{\n        return value\.flatMap\(\(element\) => flattenResultsAtPath\(element, rest\)\);\n    \}\n    else \{\n(        \(0, federation_internals_1\.assert\)\(typeof current === 'string', \(\) => `Unexpected \$\{typeof current\} found in path`\);\n        \(0, federation_internals_1\.assert\)\(!Array\.isArray\(value\), \(\) => `Unexpected array in result for path element \$\{current\}`\);\n)        return flattenResultsAtPath\(\(0, own_1\.getOwn\)\(value, current\), rest\);\n    \}\n\}/;
const FLATTEN_LEAN = `function flattenResultsAtPath(value, path, from = 0) {
    if (path.length === from)
        return value;
    if (value === undefined || value === null)
        return value;
    const current = path[from];
    if (current === '@') {
        const out = [];
        for (let i = 0; i < value.length; i++) {
            const r = flattenResultsAtPath(value[i], path, from + 1);
            if (Array.isArray(r)) { for (let j = 0; j < r.length; j++) out.push(r[j]); }
            else out.push(r);
        }
        return out;
    }
    else {
$1        return flattenResultsAtPath((0, own_1.getOwn)(value, current), path, from + 1);
    }
}`;
const SELECTION = /(function executeSelectionSet\(schema, source, selections\) \{\n    if \(source === null\) \{\n        return null;\n    \}\n    const result = )Object\.create\(null\);/;
const SELECTION_LEAN = `$1selections.some((s) => s.kind === graphql_1.Kind.FIELD && (0, query_planner_1.getResponseName)(s) === '__proto__') ? Object.create(null) : {};`;

let lean: { executeQueryPlan: (...args: any[]) => any } | null | undefined;
function leanExecutor(): typeof lean {
  if (lean !== undefined) return lean;
  lean = null;
  const file = createRequire(require.resolve('@apollo/gateway')).resolve('./executeQueryPlan.js');
  const source = readFileSync(file, 'utf8');
  if (!FLATTEN.test(source) || !SELECTION.test(source)) return lean;
  const changed = source.replace(FLATTEN, FLATTEN_LEAN).replace(SELECTION, SELECTION_LEAN);
  try {
    const copy = new Module(file, undefined);
    copy.filename = file;
    copy.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(path.dirname(file));
    (copy as unknown as { _compile(code: string, file: string): void })._compile(changed, file);
    lean = typeof (copy.exports as { executeQueryPlan?: unknown }).executeQueryPlan === 'function' ? (copy.exports as typeof lean) : null;
  } catch {
    // Not loadable this way (another module system, a changed module): the original runs.
    lean = null;
  }
  return lean;
}

/** Whether the installed @apollo/gateway's `executeQueryPlan` could be loaded with the two changes (a test checks it). */
export const leanExecutorAvailable = (): boolean => leanExecutor() !== null;

function patchExecutor(): void {
  const original = require('@apollo/gateway/dist/executeQueryPlan.js') as { executeQueryPlan: (...args: any[]) => any; __aleumetPatched?: boolean };
  if (original.__aleumetPatched) return;
  const run = original.executeQueryPlan;
  original.executeQueryPlan = (...args: any[]) => (executionStore.getStore()?.leanExecutor && leanExecutor() ? lean!.executeQueryPlan(...args) : run(...args));
  original.__aleumetPatched = true;
}

/**
 * Runs `fn` (one operation's execution) and returns the value-completion errors computed meanwhile. With
 * `shape`, the answer is shaped by it instead of Apollo's `computeResponse` (result-shaping.ts); with
 * `leanExecutor`, the plan runs with `executeQueryPlan`'s two helpers changed (above).
 */
export async function captureCompletionErrors<T>(fn: () => Promise<T>, shape?: ComputeResponse, leanExecutor = false): Promise<{ result: T; completionErrors: GraphQLError[] }> {
  patchResultShaping();
  if (leanExecutor) patchExecutor();
  const store: ExecutionStore = { completionErrors: [], shape, leanExecutor };
  const result = await executionStore.run(store, fn);
  return { result, completionErrors: store.completionErrors };
}

// --- RemoteGraphQLDataSource#sendRequest ----------------------------------------------------------
/** What `sendRequest` takes and gives (private in the typings). */
export type SendRequest = (request: any, context: any) => Promise<any>;

/** Replaces a data source's `sendRequest` with `wrap(original)`. */
export function wrapSendRequest(dataSource: RemoteGraphQLDataSource<any>, wrap: (send: SendRequest) => SendRequest): void {
  const target = dataSource as unknown as { sendRequest: SendRequest };
  if (typeof target.sendRequest !== 'function') throw new UnsupportedApolloVersion('RemoteGraphQLDataSource has no sendRequest: see gateway/src/apollo-internals.ts');
  target.sendRequest = wrap(target.sendRequest.bind(dataSource));
}

// --- ApolloGateway#queryPlanStore -------------------------------------------------------------
/** Calls `onGet(hit)` on every lookup in the gateway's query-plan store. */
export function observePlanStore(gateway: ApolloGateway, onGet: (hit: boolean) => void): void {
  const store = (gateway as unknown as { queryPlanStore?: { get(key: string): Promise<unknown> } }).queryPlanStore;
  if (!store) throw new UnsupportedApolloVersion('ApolloGateway has no queryPlanStore: see gateway/src/apollo-internals.ts');
  const get = store.get.bind(store);
  store.get = async (key: string) => {
    const plan = await get(key);
    onGet(plan !== undefined);
    return plan;
  };
}

// --- ApolloGateway#queryPlanner -------------------------------------------------------------------
/**
 * Passes every plan the gateway builds through `transform` (with the supergraph it was planned on) before the
 * gateway caches and executes it. The planner is replaced on each supergraph load, so it is wrapped each time.
 */
export function transformQueryPlans(
  gateway: Pick<ApolloGateway, 'onSchemaLoadOrUpdate'>,
  transform: (plan: QueryPlan, supergraphSdl: string, operation: Operation) => QueryPlan,
  onPlanningError: (error: unknown) => Error = (e) => e as Error,
): void {
  gateway.onSchemaLoadOrUpdate(({ coreSupergraphSdl }) => {
    const planner = (gateway as unknown as { queryPlanner?: QueryPlanner }).queryPlanner;
    if (!planner || typeof planner.buildQueryPlan !== 'function') {
      throw new UnsupportedApolloVersion('ApolloGateway has no queryPlanner: see gateway/src/apollo-internals.ts');
    }
    const build = planner.buildQueryPlan.bind(planner);
    planner.buildQueryPlan = (...args: Parameters<QueryPlanner['buildQueryPlan']>) => {
      let plan: QueryPlan;
      try {
        plan = build(...args);
      } catch (e) {
        throw onPlanningError(e);
      }
      return transform(plan, coreSupergraphSdl, args[0]);
    };
  });
}

// --- ApolloGateway#__testing ----------------------------------------------------------------
/** The supergraph the gateway has loaded, if any (listeners added later only hear later loads). */
export function loadedSupergraphSdl(gateway: Pick<ApolloGateway, '__testing'>): string | undefined {
  return gateway.__testing().supergraphSdl ?? undefined;
}

// --- planning and executing outside Apollo Server ------------------------------------------------
export { executeQueryPlan, buildOperationContext, type ServiceMap } from '@apollo/gateway';
export { Supergraph, operationFromDocument, printSchema, type Schema, type Operation } from '@apollo/federation-internals';
export {
  ERRORS, Variable, assert, isCompositeType, isCustomScalarType, isEnumType, isListType, isNonNullType, isObjectType, isSubtype, typenameFieldName,
} from '@apollo/federation-internals';
export { QueryPlanner, type FetchNode, type PlanNode, type QueryPlan } from '@apollo/query-planner';
