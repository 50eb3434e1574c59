import type { EntityManager } from '@mikro-orm/postgresql';
import { uuidv7 } from '@aleumet/core';
import { OutgoingCommand } from './outbox.js';
import { COMMAND_DOCUMENTS, type Commands } from './commands.generated.js';

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
