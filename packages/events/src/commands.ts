import { Entity, PrimaryKey, Property, UniqueConstraintViolationException, type EntityManager, type MikroORM } from '@mikro-orm/postgresql';
import { hasScope, forbidden, requireIdentity, uuidv7, type Identity } from '@aleumet/core';
import { ServiceCallError, callSubgraph, serviceIdentity, type SubgraphName, type SubgraphRuntime } from '@aleumet/runtime';
import { OutgoingCommand } from './outbox.js';
import { compensate } from './compensation.js';
import { createLogger } from '@aleumet/observability';

const logger = createLogger('commands');

/**
 * Cross-subgraph workflows without shared tables: a subgraph that must change another subgraph's data
 * writes an OutgoingCommand (one of the owner's typed commands, see command-codegen.ts) to its outbox
 * (outbox.ts) in the same transaction as its own change. After commit the command is delivered over
 * HTTP with a service identity (scope `internal:commands`); the scheduler retries what was not
 * delivered (crash, callee down). Delivery is at least once, so every receiving mutation takes the
 * `commandId` and records it in its own ProcessedCommand table in the same transaction as its effect
 * (`firstTime`): a repeated delivery changes nothing. Net effect: exactly once. No transaction is held
 * open across an HTTP call (embedded PostgreSQL runs them serially).
 */
export const INTERNAL_SCOPE = 'internal:commands';

@Entity({ tableName: 'processed_command' })
export class ProcessedCommand {
  @PrimaryKey({ type: 'uuid' }) id!: string;
  @Property({ type: 'datetime' }) processedAt: Date = new Date();
}

export { enqueueCommand } from './commands-queue.js';

/** Codes after which retrying cannot help. */
const FINAL = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'INVALID_TRANSITION', 'FORBIDDEN', 'CONFLICT', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED']);
/** A CONFLICT that a later attempt may not meet: the record changed meanwhile (optimistic lock). */
const TRANSIENT_REASONS = new Set(['VERSION_CHANGED']);

/** Whether the callee refused for good (its answer, not a network error, a timeout or a 5xx). */
export function isFinalRefusal(e: unknown): e is ServiceCallError & { code: string } {
  if (!(e instanceof ServiceCallError) || e.code === undefined || !FINAL.has(e.code)) return false;
  const reason = (e.errors[0] as { extensions?: { reason?: unknown } } | undefined)?.extensions?.reason;
  return !(typeof reason === 'string' && TRANSIENT_REASONS.has(reason));
}

/**
 * Delivers pending commands (all, or the given ids) in creation order, one HTTP call each,
 * outside any transaction; marks each delivered in its own short statement. A command refused for
 * good is marked failed and compensated in one transaction (compensation.ts); the report and the
 * notification this queues are delivered right after.
 */
export async function deliverCommands(orm: MikroORM | EntityManager, runtime: SubgraphRuntime, self: SubgraphName, ids?: string[]): Promise<{ delivered: number; failed: number; pending: number }> {
  const em = ('em' in orm ? orm.em : orm).fork();
  const where = ids ? { id: { $in: ids }, publishedAt: null, failedAt: null } : { publishedAt: null, failedAt: null };
  const pending = await em.find(OutgoingCommand, where, { orderBy: { id: 'asc' }, limit: 200 });
  const identity = serviceIdentity(self, [INTERNAL_SCOPE]);
  let delivered = 0;
  let failed = 0;
  const followUps: string[] = [];
  for (const cmd of pending) {
    try {
      await callSubgraph(runtime.peers.url(cmd.target as SubgraphName), identity, cmd.operation, { ...cmd.variables, commandId: cmd.id });
      await em.nativeUpdate(OutgoingCommand, { id: cmd.id }, { publishedAt: new Date(), attempts: cmd.attempts + 1, lastError: null });
      delivered++;
    } catch (e) {
      const lastError = `${e instanceof ServiceCallError ? `${e.code}: ` : ''}${(e as Error).message}`.slice(0, 2000);
      if (!isFinalRefusal(e)) {
        await em.nativeUpdate(OutgoingCommand, { id: cmd.id }, { attempts: cmd.attempts + 1, lastError });
        // Keep order per subgraph: stop at the first command that could not be delivered; the scheduler retries.
        break;
      }
      failed++;
      logger.warn({ from: self, target: cmd.target, command: cmd.command, commandId: cmd.id, code: e.code }, 'command refused for good: compensating');
      const refusal = { commandId: cmd.id, target: cmd.target, command: cmd.command, code: e.code, message: e.message, refusedAt: runtime.clock.now() };
      // Another replica may deliver the same row: only the one that marks it failed compensates.
      const settle = (broken?: Error) => em.fork().transactional(async (tx) => {
        const marked = await tx.nativeUpdate(OutgoingCommand, { id: cmd.id, failedAt: null, publishedAt: null }, { attempts: cmd.attempts + 1, lastError, failedAt: refusal.refusedAt });
        return marked ? compensate(tx, self, cmd.variables, refusal, broken) : [];
      });
      try {
        followUps.push(...(await settle()));
      } catch (broken) {
        // A compensation that fails must not leave the command to be refused again forever: it is recorded as not compensated.
        logger.error({ from: self, target: cmd.target, command: cmd.command, commandId: cmd.id, err: broken }, 'compensation failed');
        followUps.push(...(await settle(broken as Error)));
      }
    }
  }
  const left = pending.length - delivered - failed;
  if (followUps.length) {
    const more = await deliverCommands(em, runtime, self, followUps);
    return { delivered: delivered + more.delivered, failed: failed + more.failed, pending: left + more.pending };
  }
  return { delivered, failed, pending: left };
}

/** Receiving side: only other subgraphs (service identity with `internal:commands`). */
export function requireService(identity: Identity | null): Identity {
  const id = requireIdentity(identity);
  if (!hasScope(id, INTERNAL_SCOPE)) throw forbidden('Internal operation');
  return id;
}

/**
 * Records `commandId` as processed in the caller's transaction; false when it was processed
 * before (the caller then returns without changing anything). `ON CONFLICT DO NOTHING`: a
 * concurrent delivery of the same command waits for the other transaction, then gets false
 * when it committed (true when it rolled back), instead of a unique violation that would
 * abort the transaction and surface as an internal error.
 */
export async function firstTime(tx: EntityManager, commandId: string): Promise<boolean> {
  const res = await tx.createQueryBuilder(ProcessedCommand).insert({ id: commandId, processedAt: new Date() }).onConflict('id').ignore().execute('run');
  return res.affectedRows === 1;
}

export const isUniqueViolation = (e: unknown) => e instanceof UniqueConstraintViolationException;
