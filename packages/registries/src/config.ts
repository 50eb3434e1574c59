import { HttpLegalEntityRegistry, HttpPersonRegistry, HttpPhoneRegistry } from './adapters.js';
import { DevelopmentRegistries } from './development.js';
import type { RegistryEndpoint } from './http.js';
import type { Registries } from './types.js';

type Env = Record<string, string | undefined>;

/** The environment prefix of each registry: `<PREFIX>_URL`, `_USERNAME`, `_PASSWORD`, `_TIMEOUT_MS`, `_RETRIES`. */
export const REGISTRY_PREFIXES = { persons: 'PERSON_REGISTRY', phones: 'PHONE_REGISTRY', legalEntities: 'LEGAL_ENTITY_REGISTRY' } as const;

export class RegistryConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RegistryConfigError';
  }
}

const num = (v: string | undefined, fallback: number, name: string) => {
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new RegistryConfigError(`${name} must be a whole number ≥ 0`);
  return n;
};

function endpoint(env: Env, prefix: string): RegistryEndpoint | null {
  const url = env[`${prefix}_URL`];
  if (!url) return null;
  try {
    new URL(url);
  } catch {
    throw new RegistryConfigError(`${prefix}_URL is not a URL`);
  }
  const username = env[`${prefix}_USERNAME`];
  const password = env[`${prefix}_PASSWORD`];
  if (!username || !password) throw new RegistryConfigError(`${prefix}_USERNAME and ${prefix}_PASSWORD must be set with ${prefix}_URL`);
  return {
    url, username, password,
    timeoutMs: num(env[`${prefix}_TIMEOUT_MS`], 5000, `${prefix}_TIMEOUT_MS`) || 5000,
    retries: num(env[`${prefix}_RETRIES`], 2, `${prefix}_RETRIES`),
    backoffMs: num(env.REGISTRY_BACKOFF_MS, 200, 'REGISTRY_BACKOFF_MS'),
    sender: env.REGISTRY_SENDER || 'aleumet',
    breaker: {
      failureThreshold: num(env.REGISTRY_BREAKER_FAILURES, 5, 'REGISTRY_BREAKER_FAILURES') || 5,
      openMs: num(env.REGISTRY_BREAKER_OPEN_MS, 30_000, 'REGISTRY_BREAKER_OPEN_MS'),
    },
  };
}

let development: DevelopmentRegistries | undefined;
/** The one development instance of the process (the demo world's registries). */
export const developmentRegistries = () => (development ??= new DevelopmentRegistries());

/**
 * The registries from the environment (docs/registries.md). A configured registry is asked over
 * HTTP; an unconfigured one is the demo world's outside production, and a start-up error with
 * NODE_ENV=production (never a silent stand-in there).
 */
export function registriesFromEnv(env: Env = process.env): Registries {
  const persons = endpoint(env, REGISTRY_PREFIXES.persons);
  const phones = endpoint(env, REGISTRY_PREFIXES.phones);
  const legalEntities = endpoint(env, REGISTRY_PREFIXES.legalEntities);
  if (env.NODE_ENV === 'production') {
    const missing = Object.entries({ persons, phones, legalEntities }).filter(([, e]) => !e).map(([k]) => `${REGISTRY_PREFIXES[k as keyof typeof REGISTRY_PREFIXES]}_URL`);
    if (missing.length) {
      throw new RegistryConfigError(`State registries are not configured: set ${missing.join(', ')} (with _USERNAME and _PASSWORD); NODE_ENV=production never uses the demo registries`);
    }
  }
  const dev = developmentRegistries();
  return {
    persons: persons ? new HttpPersonRegistry(persons) : dev.persons,
    phones: phones ? new HttpPhoneRegistry(phones) : dev.phones,
    legalEntities: legalEntities ? new HttpLegalEntityRegistry(legalEntities) : dev.legalEntities,
  };
}

let current: Registries | undefined;
/** The process's registries: read from the environment on first use (a subgraph reads them at start-up). */
export const registries = (): Registries => (current ??= registriesFromEnv());
/** Tests and composition roots: put other registries in place (undefined: read the environment again). */
export function setRegistries(next: Registries | undefined): void {
  current = next;
}
