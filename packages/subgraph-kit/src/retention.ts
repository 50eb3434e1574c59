import { Directive, Field, Int, ObjectType } from 'type-graphql';
import type { Job, JobScope } from '@aleumet/runtime';

/**
 * What every subgraph's retention run reports (catalog, people, orders: `apply…Retention`).
 * Shared between subgraphs, hence `@shareable`.
 */
@Directive('@shareable')
@ObjectType({ description: 'What one retention run changed, per kind of record' })
export class RetentionCount {
  @Field(() => String) record!: string;
  @Field(() => String, { description: 'REMOVED or ANONYMIZED' }) action!: string;
  @Field(() => Int) count!: number;
}

@Directive('@shareable')
@ObjectType({ description: 'What one run of a retention job changed' })
export class RetentionReport {
  @Field(() => Date) asOf!: Date;
  @Field(() => [RetentionCount]) changed!: RetentionCount[];
}

export type RetentionAction = 'REMOVED' | 'ANONYMIZED';

/** The text that replaces free text whose retention period has passed. */
export const RETENTION_REMOVED_TEXT = '[removed: retention period passed]';

const HOUR = 3_600_000;

/**
 * A scheduler job that applies retention at most once per `everyMs` of the (injectable) clock;
 * the scheduler ticks every few seconds. A retention run does "everything past retention as of
 * now", so skipping ticks or running late is harmless.
 */
export function retentionJob(run: (now: Date, scope: JobScope) => Promise<unknown>, everyMs = HOUR): Job {
  let last = -Infinity;
  return async (now, scope) => {
    if (Math.abs(now.getTime() - last) < everyMs) return;
    last = now.getTime();
    await run(now, scope);
  };
}
