import { Entity, PrimaryKey, Property, UniqueConstraintViolationException, type EntityManager, type MikroORM } from '@mikro-orm/postgresql';
import { hasScope, forbidden, requireIdentity, uuidv7, type Identity } from '@aleumet/core';
import { ServiceCallError, callSubgraph, serviceIdentity, type SubgraphName, type SubgraphRuntime } from '@aleumet/runtime';
import { OutgoingCommand } from './outbox.js';
import { COMMAND_DOCUMENTS, type Commands } from './commands.generated.js';
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

/**
 * Queues `target`'s command `command` in the caller's unit of work (flushed with the change that causes
 * it). Name and arguments are checked by tsc against the owner's schema (commands.generated.ts).
 */
export function enqueueCommand<T extends keyof Commands, N extends keyof Commands[T] & string>(em: EntityManager, target: T, command: N, args: Commands[T][N]): OutgoingCommand {
  const operation = (COMMAND_DOCUMENTS[target] as Record<string, string>)[command]!;
  const variables = args as Record<string, unknown>;
  const cmd = em.create(OutgoingCommand, { id: uuidv7(), target, command, operation, variables, occurredAt: new Date(), attempts: 0, publishedAt: null, failedAt: null, lastError: null });
  em.persist(cmd);
  return cmd;
}

/** Codes after which retrying cannot help. */
const FINAL = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'INVALID_TRANSITION', 'FORBIDDEN', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED']);

/**
 * Delivers pending commands (all, or the given ids) in creation order, one HTTP call each,
 * outside any transaction; marks each delivered / failed in its own short statement.
 */
export async function deliverCommands(orm: MikroORM | EntityManager, runtime: SubgraphRuntime, self: SubgraphName, ids?: string[]): Promise<{ delivered: number; failed: number; pending: number }> {
  const em = ('em' in orm ? orm.em : orm).fork();
  const where = ids ? { id: { $in: ids }, publishedAt: null, failedAt: null } : { publishedAt: null, failedAt: null };
  const pending = await em.find(OutgoingCommand, where, { orderBy: { id: 'asc' }, limit: 200 });
  const identity = serviceIdentity(self, [INTERNAL_SCOPE]);
  let delivered = 0;
  let failed = 0;
  for (const cmd of pending) {
    try {
      await callSubgraph(runtime.peers.url(cmd.target as SubgraphName), identity, cmd.operation, { ...cmd.variables, commandId: cmd.id });
      await em.nativeUpdate(OutgoingCommand, { id: cmd.id }, { publishedAt: new Date(), attempts: cmd.attempts + 1, lastError: null });
      delivered++;
    } catch (e) {
      const final = e instanceof ServiceCallError && e.code !== undefined && FINAL.has(e.code);
      await em.nativeUpdate(OutgoingCommand, { id: cmd.id }, {
        attempts: cmd.attempts + 1,
        lastError: `${e instanceof ServiceCallError ? `${e.code}: ` : ''}${(e as Error).message}`.slice(0, 2000),
        ...(final ? { failedAt: new Date() } : {}),
      });
      if (final) {
        failed++;
        logger.error({ from: self, target: cmd.target, command: cmd.command, commandId: cmd.id, err: e }, 'command refused for good');
      } else {
        // Keep order per subgraph: stop at the first command that could not be delivered; the scheduler retries.
        break;
      }
    }
  }
  return { delivered, failed, pending: pending.length - delivered - failed };
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
