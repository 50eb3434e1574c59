import type { MikroORM } from '@mikro-orm/postgresql';
import type { JobGuard } from '@aleumet/runtime';
import { createLogger } from '@aleumet/observability';

const logger = createLogger('scheduler');

/** 32-bit key of a job's advisory lock (its own namespace, apart from the outbox relay's). */
function lockKey(job: string): number {
  let h = 0x6a0b;
  for (const c of `job:${job}`) h = (Math.imul(h, 31) + c.charCodeAt(0)) | 0;
  return h;
}

/** Jobs running in this process (the embedded database is one session: its advisory locks do not exclude). */
const runningHere = new Set<string>();

interface RawConnection {
  query(text: string, values?: unknown[]): Promise<{ rows: { ok: boolean }[] }>;
}

/**
 * Every replica runs the scheduler; a job (choice window, accept deadline, retention, outbox senders) runs
 * on one of them at a time: a session advisory lock per job name on a connection of the pool, held while
 * the job runs (no transaction stays open: the job's own statements use other connections), released after.
 * A replica that does not get the lock skips that run; the next tick tries again.
 */
export function onceAcrossReplicas(orm: MikroORM): JobGuard {
  return async (job, run) => {
    if (runningHere.has(job)) return undefined;
    runningHere.add(job);
    const client = orm.em.getConnection().getKnex().client as { acquireConnection(): Promise<RawConnection>; releaseConnection(c: RawConnection): Promise<void> };
    let conn: RawConnection | undefined;
    try {
      conn = await client.acquireConnection();
      const key = lockKey(job);
      const { rows } = await conn.query('/* outbox-relay */ select pg_try_advisory_lock($1) as ok', [key]);
      if (!rows[0]?.ok) {
        logger.debug({ job }, 'job runs on another replica: skipped');
        return undefined;
      }
      try {
        return await run();
      } finally {
        await conn.query('/* outbox-relay */ select pg_advisory_unlock($1) as ok', [key]).catch(() => {});
      }
    } finally {
      runningHere.delete(job);
      if (conn) await client.releaseConnection(conn);
    }
  };
}
