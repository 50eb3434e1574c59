import {
  Kind, valueFromASTUntyped,
  type GraphQLSchema, type GraphQLNamedType, type SelectionSetNode, type FragmentDefinitionNode, type OperationDefinitionNode,
} from 'graphql';

// The gateway's schema may come from another copy of graphql (CommonJS @apollo/gateway vs ESM):
// no instanceof-based helpers here, only duck typing.
type AnyType = { name?: string; ofType?: AnyType; getFields?: () => Record<string, { type: AnyType }>; getTypes?: unknown; resolveType?: unknown };
const named = (t: AnyType): AnyType => (t.ofType ? named(t.ofType) : t);
const fieldsOf = (t: AnyType) => (typeof t.getFields === 'function' ? t.getFields() : {});
const isAbstract = (t: AnyType) => typeof t.getTypes === 'function' || (typeof t.getFields === 'function' && 'resolveType' in t && !('isTypeOf' in t));
import { uuidv7, redact } from '@aleumet/core';
import type { AuditRow, IntegratorStore } from './directory.js';
import type { Step } from '../pipeline.js';
import type { SecureContext } from './context.js';
import { createLogger, outsideTrace } from '@aleumet/observability';

const logger = createLogger('audit');

/** Root fields that never touch a person's data (public catalog, reference data, sign-in challenge). */
export const PUBLIC_ROOT_FIELDS = new Set([
  'regions', 'itemTypes', 'suppliers', 'supplier', 'supplierByBin', 'offerings', 'offering', 'guaranteedSums',
  'signInChallenge', 'developmentSigningKey', '__typename', '__schema', '__type',
]);

interface Collected {
  entityIds: Set<string>;
  personIds: Set<string>;
}

/** Entity ids in the result: every object whose `id` was selected, as `Type:id`; Person ids and `personId` fields name persons. */
function walk(
  schema: GraphQLSchema,
  fragments: Record<string, FragmentDefinitionNode>,
  type: GraphQLNamedType,
  set: SelectionSetNode,
  value: unknown,
  out: Collected,
  depth = 0,
) {
  if (value == null || depth > 30) return;
  if (Array.isArray(value)) {
    for (const v of value) walk(schema, fragments, type, set, v, out, depth);
    return;
  }
  if (typeof value !== 'object') return;
  const obj = value as Record<string, unknown>;
  const concrete = isAbstract(type as AnyType) && typeof obj.__typename === 'string' ? schema.getType(obj.__typename) ?? type : type;
  const fields = fieldsOf(concrete as AnyType);
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) {
      const key = sel.alias?.value ?? sel.name.value;
      const v = obj[key];
      if (sel.name.value === 'id' && (typeof v === 'string' || typeof v === 'number')) {
        out.entityIds.add(`${concrete.name}:${v}`);
        if (concrete.name === 'Person') out.personIds.add(String(v));
      }
      if (sel.name.value === 'personId' && typeof v === 'string') out.personIds.add(v);
      const def = fields[sel.name.value];
      if (sel.selectionSet && def) walk(schema, fragments, named(def.type) as GraphQLNamedType, sel.selectionSet, v, out, depth + 1);
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      const t: GraphQLNamedType | undefined | null = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : concrete;
      if (t) walk(schema, fragments, t, sel.selectionSet, obj, out, depth);
    } else {
      const f = fragments[sel.name.value];
      const t = f && schema.getType(f.typeCondition.name.value);
      if (f && t) walk(schema, fragments, t, f.selectionSet, obj, out, depth);
    }
  }
}

/** Ids given as arguments (`id`, `personId`, `…Id`, inputs included). */
function argumentIds(op: OperationDefinitionNode, variables: Record<string, unknown>, out: Collected) {
  const visitValue = (name: string, v: unknown) => {
    if (v == null) return;
    if (Array.isArray(v)) return v.forEach((x) => visitValue(name, x));
    if (typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) visitValue(k, x);
      return;
    }
    if (typeof v !== 'string') return;
    if (name === 'id' || /Id$/.test(name)) out.entityIds.add(`${name}:${v}`);
    if (name === 'personId') out.personIds.add(v);
  };
  for (const sel of op.selectionSet.selections) {
    if (sel.kind !== Kind.FIELD) continue;
    for (const arg of sel.arguments ?? []) visitValue(arg.name.value, valueFromASTUntyped(arg.value, variables));
  }
}

export interface AuditInput {
  identity: SecureContext['identity'];
  requestId?: string | null;
  schema: GraphQLSchema;
  document?: { definitions: readonly unknown[] } | null;
  operation: OperationDefinitionNode;
  operationName?: string | null;
  documentHash?: string | null;
  variables?: Record<string, unknown>;
  /** The result delivered (its data is walked for entity and person ids); none for a refusal or a subscription start. */
  result?: { data?: Record<string, unknown> | null; errors?: readonly { extensions?: Record<string, unknown> }[] } | null;
  /** Error codes when there is no result (a refused operation). */
  errorCodes?: string[];
  /** Persons the subgraphs said they loaded for this request (their `personsRead` extension), selected or not. */
  personsRead?: Iterable<string>;
}

/** Whether this operation is audited: every mutation; anything beyond the public root fields read by an identified caller. */
export function audited(operation: OperationDefinitionNode, identity: SecureContext['identity']): boolean {
  if (operation.operation === 'mutation') return true;
  if (!identity) return false;
  return !operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && PUBLIC_ROOT_FIELDS.has(s.name.value));
}

/** One audit row: who, on behalf of whom, which client, operation, ids from arguments and from the result, outcome. */
export function auditRow(input: AuditInput, log: (line: string) => void = (l) => logger.error(l)): AuditRow {
  const { identity, operation: op } = input;
  const result = input.result;
  const out: Collected = { entityIds: new Set(), personIds: new Set() };
  try {
    const fragments = Object.fromEntries(
      ((input.document?.definitions ?? []) as { kind: string }[]).filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
    );
    const root = op.operation === 'mutation' ? input.schema.getMutationType() : op.operation === 'subscription' ? input.schema.getSubscriptionType() : input.schema.getQueryType();
    if (root && result?.data) walk(input.schema, fragments, root, op.selectionSet, result.data, out);
    argumentIds(op, input.variables ?? {}, out);
  } catch (e) {
    log(`[audit] could not read the result: ${(e as Error).message}`);
  }
  for (const p of input.personsRead ?? []) out.personIds.add(p);
  const persons = [...out.personIds];
  const onBehalfOf = identity?.personId ? persons.filter((p) => identity.represents.includes(p) || p === identity.personId) : [];
  const errorCodes = [...new Set([...(input.errorCodes ?? []), ...(result?.errors ?? []).map((e) => String(e.extensions?.code ?? 'UNKNOWN'))])];
  return {
    id: uuidv7(),
    at: new Date(),
    actorSub: identity?.sub ?? 'anonymous',
    actorRole: identity?.role ?? 'ANONYMOUS',
    clientId: identity?.clientId ?? null,
    onBehalfOf,
    personIds: persons,
    operationType: op.operation,
    operationName: input.operationName ?? op.name?.value ?? null,
    documentHash: input.documentHash ?? null,
    entityIds: [...out.entityIds].slice(0, 500),
    outcome: !errorCodes.length ? 'OK' : result?.data && Object.values(result.data).some((v) => v != null) ? 'PARTIAL' : 'ERROR',
    errorCodes,
    requestId: input.requestId ?? null,
  };
}

/** How often the batcher wrote (a test hook and a benchmark statistic). */
export interface AuditBatchStats {
  /** INSERT statements sent (one per batch; more when a batch is retried row by row). */
  statements: number;
  /** Rows handed to the batcher. */
  rows: number;
  /** Largest batch written in one statement. */
  largestBatch: number;
}

/**
 * Group commit of audit rows: each caller awaits its own row, but the rows of concurrent requests go
 * into one multi-row INSERT (one autocommit transaction). A row is queued; if no batch is being
 * written it is written at once (a lone request waits no longer than before), otherwise it waits for
 * the batch in flight to end and goes with every row queued meanwhile, or at `maxRows` queued rows a
 * further batch starts without waiting (at most `maxInFlight` at a time). `write` resolves only after
 * the batch holding the row was committed, or after a failure was logged (personal data masked): the
 * guarantee of the single-row write is unchanged. When a batch fails on a row's data (SQLSTATE class
 * 22 or 23) its rows are written one by one, so one bad row does not take the others with it.
 */
export class AuditBatcher {
  readonly stats: AuditBatchStats = { statements: 0, rows: 0, largestBatch: 0 };
  private queue: { row: AuditRow; done: () => void }[] = [];
  private inFlight = 0;
  private readonly maxRows: number;
  private readonly maxInFlight: number;

  constructor(
    private readonly store: Pick<IntegratorStore, 'audit'>,
    options: { maxRows?: number; maxInFlight?: number } = {},
    private readonly log: (line: string) => void = (l) => logger.error(l),
  ) {
    this.maxRows = Math.max(1, options.maxRows ?? 100);
    this.maxInFlight = Math.max(1, options.maxInFlight ?? 2);
  }

  private readonly unwritten = new Set<Promise<void>>();

  /** Resolves once the row is written (or its failure logged); never rejects. */
  write(row: AuditRow): Promise<void> {
    this.stats.rows++;
    const written = new Promise<void>((done) => {
      this.queue.push({ row, done });
      if (this.inFlight === 0 || (this.queue.length >= this.maxRows && this.inFlight < this.maxInFlight)) void this.flush();
    });
    this.unwritten.add(written);
    void written.then(() => this.unwritten.delete(written));
    return written;
  }

  /** Resolves once every row handed over so far is written (or its failure logged): shutdown. */
  async idle(): Promise<void> {
    while (this.unwritten.size) await Promise.all([...this.unwritten]);
  }

  private async flush(): Promise<void> {
    const batch = this.queue.splice(0, this.maxRows);
    if (!batch.length) return;
    this.inFlight++;
    try {
      await this.insert(batch.map((b) => b.row));
    } finally {
      this.inFlight--;
      for (const b of batch) b.done();
      // Rows queued while this batch was written go now.
      if (this.queue.length && (this.inFlight === 0 || (this.queue.length >= this.maxRows && this.inFlight < this.maxInFlight))) void this.flush();
    }
  }

  private async insert(rows: AuditRow[]): Promise<void> {
    this.stats.statements++;
    this.stats.largestBatch = Math.max(this.stats.largestBatch, rows.length);
    try {
      // The batch holds rows of several requests: its call to the directory is part of none of their traces.
      await outsideTrace(() => this.store.audit(rows));
      return;
    } catch (e) {
      const code = String((e as { code?: string }).code ?? '');
      if (rows.length > 1 && /^2[23]/.test(code)) {
        // A row's data was refused: write each row on its own, so only the bad one is lost (and logged).
        await Promise.all(rows.map((r) => this.insert([r])));
        return;
      }
      for (const row of rows) this.log(`[audit] NOT RECORDED ${JSON.stringify(redact({ ...row }))}: ${(e as Error).message}`);
    }
  }
}

/**
 * Audit: every mutation and every operation reaching beyond the public root fields is recorded (who, on
 * behalf of whom, which client, operation, entity ids, outcome, time) in the append-only audit trail of
 * the integrator directory (people subgraph), before the answer leaves. Anonymous public reads are not
 * recorded. Subscriptions are recorded when they start and for every event delivered (the same request id),
 * without holding the event back. The rows of concurrent operations, of both transports, go through one
 * batcher (`AuditBatcher`).
 */
export function useAudit(batcher: AuditBatcher, log: (line: string) => void = (l) => logger.error(l)): Step {
  return {
    delivered(op, result, kind) {
      if (!audited(op.operation, op.context.identity)) return;
      const row = auditRow({
        identity: op.context.identity,
        requestId: op.context.security?.requestId,
        schema: op.schema,
        document: op.document,
        operation: op.operation,
        operationName: op.operationName,
        documentHash: op.hash,
        variables: op.variables,
        result: result as AuditInput['result'],
        personsRead: kind === 'answer' ? op.context.personsRead : undefined,
      }, log);
      const written = batcher.write(row);
      return kind === 'answer' ? written : undefined;
    },
  };
}
