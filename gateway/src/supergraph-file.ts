import { createHash } from 'node:crypto';
import { existsSync, readFileSync, unwatchFile, watchFile } from 'node:fs';
import type { SupergraphSdlHook } from '@apollo/gateway';
import { createLogger } from '@aleumet/observability';

const logger = createLogger('gateway');

export interface SupergraphStatus {
  /** True once a supergraph has been loaded and is being served. */
  loaded: boolean;
  /** sha256 of the supergraph being served. */
  hash?: string;
  loadedAt?: string;
  /** Successful swaps after the first load. */
  reloads: number;
  /** Why the last change of the file was not applied (the previous schema keeps serving). */
  lastError?: string;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * Supergraph from a file for @apollo/gateway's `supergraphSdl` hook.
 * With `watch`, waits for the file if it does not exist yet and swaps to every new valid
 * version; Apollo Server finishes in-flight requests on the schema they started with.
 * An invalid new version is refused and the previous schema keeps serving.
 */
export function supergraphFile(file: string, { watch = false, pollMs = 250, log = (line: string) => logger.info(line) } = {}) {
  const status: SupergraphStatus = { loaded: false, reloads: 0 };
  let stopped = false;

  const read = (): string | null => {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return null;
    }
  };

  const hook: SupergraphSdlHook = async ({ update }) => {
    let sdl = read();
    if (sdl === null || sdl.trim() === '') {
      if (!watch) throw new Error(`supergraph file ${file} cannot be read`);
      log(`waiting for supergraph file ${file}`);
      while (!stopped && (sdl === null || sdl.trim() === '')) {
        await new Promise((r) => setTimeout(r, pollMs));
        sdl = existsSync(file) ? read() : null;
      }
      if (stopped) throw new Error('gateway stopped before the supergraph appeared');
    }
    let current = sha256(sdl!);
    status.hash = current;
    status.loadedAt = new Date().toISOString();
    const onChange = () => {
      const next = read();
      if (next === null || next.trim() === '') return;
      const hash = sha256(next);
      if (hash === current) return;
      try {
        update(next);
        current = hash;
        status.hash = hash;
        status.loadedAt = new Date().toISOString();
        status.reloads += 1;
        delete status.lastError;
        log(`supergraph reloaded (${hash.slice(0, 12)})`);
      } catch (e) {
        // Often a half-written file: the next change event retries; until then the old schema serves.
        status.lastError = e instanceof Error ? e.message : String(e);
        log(`supergraph change not applied, keeping the previous one: ${status.lastError.split('\n')[0]}`);
      }
    };
    if (watch) watchFile(file, { interval: pollMs, persistent: false }, onChange);
    return {
      supergraphSdl: sdl!,
      cleanup: async () => {
        stopped = true;
        if (watch) unwatchFile(file, onChange);
      },
    };
  };

  return {
    hook,
    status,
    /** Called once the gateway serves the first supergraph. */
    markLoaded() {
      status.loaded = true;
    },
    stop() {
      stopped = true;
    },
  };
}
