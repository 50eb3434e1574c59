import { pino, type Level, type Logger } from 'pino';
import { currentRequestId, redact, redactText } from '@aleumet/core';

/**
 * Structured logs: one pino logger per component (`gateway`, `orders`, `events`…), JSON lines on stdout
 * in production (`NODE_ENV=production` or `LOG_FORMAT=json`), a short readable line otherwise
 * (`LOG_FORMAT=pretty`). `LOG_LEVEL` (trace…fatal, silent) picks the level: `info` by default, `warn`
 * under the test runner so test output stays readable.
 *
 * Personal data never reaches a line: every argument goes through @aleumet/core's `redact` (IINs, phones,
 * e-mail addresses masked in text; name, IIN, address… fields replaced) before pino sees it, errors
 * included. Each line made while serving a request carries its `requestId` (the correlation id clients
 * see in masked errors).
 */

export type { Logger } from 'pino';
export type LogLevel = Level | 'silent';

const LEVELS: readonly LogLevel[] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];
const LEVEL_NUMBERS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };

export function logLevelFrom(env: NodeJS.ProcessEnv = process.env): LogLevel {
  const given = env.LOG_LEVEL?.trim().toLowerCase();
  if (given) {
    if (!(LEVELS as string[]).includes(given)) throw new Error(`LOG_LEVEL must be one of ${LEVELS.join(', ')} (got ${env.LOG_LEVEL})`);
    return given as LogLevel;
  }
  return env.VITEST ? 'warn' : 'info';
}

export function logFormatFrom(env: NodeJS.ProcessEnv = process.env): 'json' | 'pretty' {
  const given = env.LOG_FORMAT?.trim().toLowerCase();
  if (given === 'json' || given === 'pretty') return given;
  if (given) throw new Error(`LOG_FORMAT must be json or pretty (got ${env.LOG_FORMAT})`);
  return env.NODE_ENV === 'production' ? 'json' : 'pretty';
}

/** An error as a plain object, its text masked (messages and stacks may quote SQL parameters). */
function errorFields(e: Error): Record<string, unknown> {
  const out: Record<string, unknown> = { type: e.name, message: redactText(e.message) };
  if (e.stack) out.stack = redactText(e.stack);
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string' || typeof code === 'number') out.code = code;
  if (e.cause instanceof Error) out.cause = errorFields(e.cause);
  return out;
}

/** One log argument with personal data masked. */
export function maskForLog(value: unknown): unknown {
  if (value instanceof Error) return { err: errorFields(value) };
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const { err, ...rest } = value as Record<string, unknown>;
    const masked = redact(rest) as Record<string, unknown>;
    if (err !== undefined) masked.err = err instanceof Error ? errorFields(err) : redact(err);
    return masked;
  }
  return redact(value);
}

type Tap = (line: string, level: number) => void;
const taps = new Set<Tap>();
let printLevel = logLevelFrom();
const format = logFormatFrom();
const loggers = new Set<Logger>();

const levelOf = (line: string) => Number(/^\{"level":(\d+)/.exec(line)?.[1] ?? 30);

function pretty(line: string): string {
  try {
    const { level, time, name, msg, requestId, ...rest } = JSON.parse(line) as Record<string, unknown>;
    const clock = new Date(Number(time)).toISOString().slice(11, 23);
    const fields = Object.entries(rest)
      .filter(([k]) => k !== 'pid' && k !== 'hostname')
      .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
    if (requestId) fields.unshift(`requestId=${String(requestId)}`);
    return `${clock} ${(LEVEL_NUMBERS[Number(level)] ?? String(level)).padEnd(5)} [${String(name)}] ${String(msg ?? '')}${fields.length ? ` ${fields.join(' ')}` : ''}\n`;
  } catch {
    return line;
  }
}

const destination = {
  write(line: string) {
    const level = levelOf(line);
    for (const tap of taps) tap(line, level);
    if (level < pino.levels.values[printLevel === 'silent' ? 'fatal' : printLevel]! || printLevel === 'silent') return;
    process.stdout.write(format === 'json' ? line : pretty(line));
  },
};

/** The level loggers run at: the printed one, or lower while something captures lines. */
const effectiveLevel = (): LogLevel => (taps.size ? 'trace' : printLevel);

const byComponent = new Map<string, Logger>();

/** A component's logger (`createLogger('gateway')`); one per component and process. */
export function createLogger(component: string): Logger {
  const known = byComponent.get(component);
  if (known) return known;
  const logger = pino(
    {
      name: component,
      level: effectiveLevel(),
      base: undefined,
      // Errors are already plain, masked objects (maskForLog).
      serializers: { err: (e: unknown) => e },
      mixin: () => {
        const requestId = currentRequestId();
        return requestId ? { requestId } : {};
      },
      hooks: {
        logMethod(args, method) {
          const masked = (args as unknown[]).map((a) => (typeof a === 'string' ? redactText(a) : maskForLog(a)));
          return method.apply(this, masked as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
  loggers.add(logger);
  byComponent.set(component, logger);
  return logger;
}

/** Changes the level of every logger of this process (e.g. from an admin signal). */
export function setLogLevel(level: LogLevel): void {
  printLevel = level;
  for (const l of loggers) l.level = effectiveLevel();
}

/**
 * Every line written from now on, at every level, until `stop()` (tests read what the logs would hold);
 * lines below the configured level are captured, not printed.
 */
export function captureLogs(): { lines: string[]; stop(): void } {
  const lines: string[] = [];
  const tap: Tap = (line) => lines.push(line);
  taps.add(tap);
  for (const l of loggers) l.level = effectiveLevel();
  return {
    lines,
    stop() {
      taps.delete(tap);
      for (const l of loggers) l.level = effectiveLevel();
    },
  };
}
