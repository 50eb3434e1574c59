import { createLogger } from '@aleumet/observability';

export interface ServerEnv {
  databaseUrl: string;
  port: number;
  host: string;
  migrate: boolean;
}

function int(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`${name} must be a port number, got "${raw}"`);
  return n;
}

/** Parsed once at start-up; a bad value stops the process with a clear message. */
export function readEnv({ defaultPort, requireDatabase = true }: { defaultPort: number; requireDatabase?: boolean }): ServerEnv {
  const databaseUrl = process.env.DATABASE_URL ?? '';
  if (requireDatabase && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new Error('DATABASE_URL must be set to postgres://…');
  return {
    databaseUrl,
    port: int('PORT', defaultPort),
    host: process.env.HOST || '127.0.0.1',
    migrate: process.env.MIGRATE !== 'false',
  };
}

/** Runs `stop` once on SIGINT/SIGTERM, then exits. */
export function onShutdown(stop: () => Promise<void>) {
  let stopping = false;
  const handler = (signal: string) => {
    if (stopping) return;
    stopping = true;
    const log = createLogger('process');
    log.info({ signal }, 'shutting down');
    stop().then(
      () => process.exit(0),
      (e) => {
        log.error(e, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}
