import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { GatewayOptions } from './gateway.js';
import { parseTrustedProxy } from './security/client-address.js';

/**
 * Node options the gateway process starts with (compose.yaml and deploy/k8s as NODE_OPTIONS, the package bin in
 * its first line): young-generation semi-spaces of 64 MiB instead of V8's 16. Each execution in flight keeps its
 * subgraph answers, merged data and shaped answer alive until it answers, about a megabyte for a 60 KB answer:
 * with 50 in flight, 16 MiB filled within a few requests, and every scavenge copied (and promoted to the old
 * generation) the live objects of all the others. bench/README.md has the measurement. V8 reads it at start only.
 */
export const GATEWAY_NODE_OPTIONS = '--max-semi-space-size=64';

/**
 * The gateway CLI's configuration: flags, then environment, then an optional config file
 * (JSON or YAML), then defaults. Parsed and validated once at start-up.
 */
export const USAGE = `Usage: aleumet-gateway [options]
  Serves any Federation 2 supergraph: POST and GET /graphql, GET /health (503 until loaded).

  --supergraph <file>        supergraph SDL (env SUPERGRAPH; default: this repo's schema/supergraph.graphql)
  --port <n>                 (env PORT; default 4000)        --host <addr>  (env HOST; default 127.0.0.1)
  --config <file>            JSON or YAML config file (env GATEWAY_CONFIG)
  --auth jwt|none            jwt: verify bearer tokens at the gateway (default); none: forward requests
                             unverified, for subgraphs that authorize on their own (development only)
                             (env GATEWAY_AUTH)
  --subgraph <name>=<url>    override a subgraph URL; repeatable (env SUBGRAPH_<NAME>_URL)
  --subgraph-timeout-ms <n>  abort a subgraph request after n ms (env GATEWAY_SUBGRAPH_TIMEOUT_MS)
  --drain-timeout-ms <n>     on SIGTERM/SIGINT wait up to n ms for in-flight requests (default 10000)
                             (env GATEWAY_DRAIN_TIMEOUT_MS)
  --max-depth <n> --max-aliases <n> --max-tokens <n> --max-directives <n> --max-cost <n>
                             operation limits (env GATEWAY_MAX_DEPTH, ...; 0 = off)
  --forward-header <name>    copy this request header to subgraphs; repeatable (env GATEWAY_FORWARD_HEADERS, comma-separated)
  --no-watch                 do not reload the supergraph when the file changes (env GATEWAY_WATCH=false)
  --csrf-prevention true|false  Apollo's CSRF prevention (default true; env GATEWAY_CSRF_PREVENTION)
  --web-dir <dir>            serve a built web app at / (env WEB_DIR)
  --database-url <url>       the platform's PostgreSQL (env GATEWAY_DATABASE_URL), for its change channel: with it
                             the gateway takes integrator API keys (read from the supergraph's integrator
                             directory, revoked at once) and keeps the audit trail; without it the gateway
                             takes bearer tokens only and keeps no audit
  --entity-cache true|false  cache subgraph answers per caller, dropped when their rows change (default true;
                             needs --database-url; env GATEWAY_ENTITY_CACHE)
  --share-executions anonymous|caller|off
                             identical concurrent queries wait for one execution: anonymous (default) shares
                             between callers without credentials only; caller also between requests of the same
                             credentials; off (env GATEWAY_SHARE_EXECUTIONS)
  --trusted-proxy <addr>     a reverse proxy of ours (address, CIDR or host name); repeatable. Only from these is
                             X-Forwarded-For believed, for the client's address in rate limits
                             (env GATEWAY_TRUSTED_PROXIES, comma-separated; default none)
  --metrics-port <n>         serve Prometheus /metrics on this port only (env GATEWAY_METRICS_PORT; default: not
                             served). Never the public port: only the monitoring network should reach it
  --help

Config file keys: supergraph, port, host, auth, subgraphs {name: url}, timeouts {subgraphMs, drainMs},
limits {maxDepth, maxAliases, maxTokens, maxDirectives, maxCost}, forwardHeaders [..], watch, csrfPrevention, webDir, databaseUrl, entityCache,
shareExecutions, trustedProxies [..], metricsPort.
Relative paths in the file are relative to the file.`;

const port = z.coerce.number().int().min(0).max(65535);
const positive = z.coerce.number().int().min(0);
const bool = z.union([z.boolean(), z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1')]);

const limitsSchema = z
  .object({ maxDepth: positive, maxAliases: positive, maxTokens: positive, maxDirectives: positive, maxCost: positive })
  .partial()
  .strict();

const configSchema = z
  .object({
    supergraph: z.string().min(1),
    port,
    host: z.string().min(1),
    auth: z.enum(['jwt', 'none']),
    subgraphs: z.record(z.string(), z.url()),
    timeouts: z.object({ subgraphMs: positive, drainMs: positive }).partial().strict(),
    limits: limitsSchema,
    forwardHeaders: z.array(z.string().min(1)),
    watch: bool,
    csrfPrevention: bool,
    webDir: z.string().min(1),
    databaseUrl: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL'),
    entityCache: bool,
    shareExecutions: z.enum(['anonymous', 'caller', 'off']),
    trustedProxies: z.array(z.string().refine((p) => parseTrustedProxy(p) !== null, 'must be an IP address, a CIDR or a host name')),
    metricsPort: port,
  })
  .partial()
  .strict();
export type GatewayFileConfig = z.infer<typeof configSchema>;

export interface CliConfig extends GatewayOptions {
  supergraphPath: string;
  port: number;
  host: string;
  auth: 'jwt' | 'none';
  drainTimeoutMs: number;
}

export class ConfigError extends Error {}

function fail(where: string, error: z.ZodError): never {
  const details = error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`).join('\n');
  throw new ConfigError(`invalid ${where}:\n${details}`);
}

function readConfigFile(file: string): GatewayFileConfig {
  if (!existsSync(file)) throw new ConfigError(`config file ${file} does not exist`);
  const text = readFileSync(file, 'utf8');
  let raw: unknown;
  try {
    raw = /\.ya?ml$/i.test(file) ? parseYaml(text) : JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`config file ${file} cannot be parsed: ${(e as Error).message}`);
  }
  const parsed = configSchema.safeParse(raw ?? {});
  if (!parsed.success) fail(`config file ${file}`, parsed.error);
  const dir = path.dirname(path.resolve(file));
  const cfg = parsed.data;
  if (cfg.supergraph) cfg.supergraph = path.resolve(dir, cfg.supergraph);
  if (cfg.webDir) cfg.webDir = path.resolve(dir, cfg.webDir);
  return cfg;
}

/** `SUBGRAPH_<NAME>_URL` for any subgraph name (non-alphanumerics as `_`, case-insensitive). */
function subgraphUrlsFromEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) {
    const m = /^SUBGRAPH_(.+)_URL$/.exec(k);
    if (m && v) out[m[1]!.toLowerCase()] = v;
  }
  return out;
}

const envKey = (name: string) => name.replace(/[^A-Za-z0-9]/g, '_').toLowerCase();

/** Subgraph names in a supergraph (`join__Graph` enum values' `name:`), for matching env overrides. */
export function subgraphNames(supergraphSdl: string): string[] {
  return [...supergraphSdl.matchAll(/@join__graph\(\s*name:\s*"([^"]+)"/g)].map((m) => m[1]!);
}

export function loadConfig(argv: string[], env: NodeJS.ProcessEnv, { defaultSupergraph, defaultWebDir }: { defaultSupergraph: string; defaultWebDir?: string }): CliConfig | 'help' {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: false,
      options: {
        help: { type: 'boolean', short: 'h' },
        config: { type: 'string' },
        supergraph: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        auth: { type: 'string' },
        subgraph: { type: 'string', multiple: true },
        'subgraph-timeout-ms': { type: 'string' },
        'drain-timeout-ms': { type: 'string' },
        'max-depth': { type: 'string' },
        'max-aliases': { type: 'string' },
        'max-tokens': { type: 'string' },
        'max-directives': { type: 'string' },
        'max-cost': { type: 'string' },
        'forward-header': { type: 'string', multiple: true },
        watch: { type: 'boolean' },
        'no-watch': { type: 'boolean' },
        'csrf-prevention': { type: 'string' },
        'entity-cache': { type: 'string' },
        'web-dir': { type: 'string' },
        'database-url': { type: 'string' },
        'trusted-proxy': { type: 'string', multiple: true },
        'share-executions': { type: 'string' },
        'metrics-port': { type: 'string' },
      },
    }).values;
  } catch (e) {
    throw new ConfigError((e as Error).message);
  }
  if (args.help) return 'help';

  const configFile = args.config ?? env.GATEWAY_CONFIG;
  const file: GatewayFileConfig = configFile ? readConfigFile(configFile) : {};

  const subgraphFlags: Record<string, string> = {};
  for (const s of args.subgraph ?? []) {
    const i = s.indexOf('=');
    if (i <= 0) throw new ConfigError(`--subgraph expects <name>=<url>, got "${s}"`);
    subgraphFlags[s.slice(0, i)] = s.slice(i + 1);
  }
  const watchFlag = args['no-watch'] ? false : args.watch;
  // Flags over environment over file. Strings here; the schema coerces and validates.
  const pick = <T>(...values: (T | undefined)[]) => values.find((v) => v !== undefined && v !== '');
  const merged = {
    supergraph: pick(args.supergraph, env.SUPERGRAPH, file.supergraph),
    port: pick<unknown>(args.port, env.PORT, file.port),
    host: pick(args.host, env.HOST, file.host),
    auth: pick(args.auth, env.GATEWAY_AUTH, file.auth),
    timeouts: {
      subgraphMs: pick<unknown>(args['subgraph-timeout-ms'], env.GATEWAY_SUBGRAPH_TIMEOUT_MS, file.timeouts?.subgraphMs),
      drainMs: pick<unknown>(args['drain-timeout-ms'], env.GATEWAY_DRAIN_TIMEOUT_MS, file.timeouts?.drainMs),
    },
    limits: {
      maxDepth: pick<unknown>(args['max-depth'], env.GATEWAY_MAX_DEPTH, file.limits?.maxDepth),
      maxAliases: pick<unknown>(args['max-aliases'], env.GATEWAY_MAX_ALIASES, file.limits?.maxAliases),
      maxTokens: pick<unknown>(args['max-tokens'], env.GATEWAY_MAX_TOKENS, file.limits?.maxTokens),
      maxDirectives: pick<unknown>(args['max-directives'], env.GATEWAY_MAX_DIRECTIVES, file.limits?.maxDirectives),
      maxCost: pick<unknown>(args['max-cost'], env.GATEWAY_MAX_COST, file.limits?.maxCost),
    },
    forwardHeaders: pick(args['forward-header'], env.GATEWAY_FORWARD_HEADERS?.split(',').map((h) => h.trim()).filter(Boolean), file.forwardHeaders),
    watch: pick<unknown>(watchFlag, env.GATEWAY_WATCH, file.watch),
    csrfPrevention: pick<unknown>(args['csrf-prevention'], env.GATEWAY_CSRF_PREVENTION, file.csrfPrevention),
    webDir: pick(args['web-dir'], env.WEB_DIR, file.webDir),
    databaseUrl: pick(args['database-url'], env.GATEWAY_DATABASE_URL, file.databaseUrl),
    entityCache: pick<unknown>(args['entity-cache'], env.GATEWAY_ENTITY_CACHE, file.entityCache),
    shareExecutions: pick(args['share-executions'], env.GATEWAY_SHARE_EXECUTIONS, file.shareExecutions),
    trustedProxies: pick(args['trusted-proxy'], env.GATEWAY_TRUSTED_PROXIES?.split(',').map((p) => p.trim()).filter(Boolean), file.trustedProxies),
    metricsPort: pick<unknown>(args['metrics-port'], env.GATEWAY_METRICS_PORT, file.metricsPort),
  };
  const strip = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
  const parsed = configSchema.safeParse(
    strip({ ...merged, timeouts: strip(merged.timeouts), limits: strip(merged.limits) }),
  );
  if (!parsed.success) fail('gateway configuration', parsed.error);
  const c = parsed.data;

  const supergraphPath = path.resolve(c.supergraph ?? defaultSupergraph);
  const auth = c.auth ?? 'jwt';
  if (auth === 'none' && env.NODE_ENV === 'production') {
    throw new ConfigError('--auth none is for development only and refused with NODE_ENV=production');
  }

  // Subgraph URL overrides: file < environment < flags. Environment names are matched to the
  // supergraph's subgraph names case-insensitively (non-alphanumerics as "_").
  const envUrls = subgraphUrlsFromEnv(env);
  let names: string[] = [];
  try {
    names = subgraphNames(readFileSync(supergraphPath, 'utf8'));
  } catch {
    // Not there yet (the gateway waits for it): environment overrides apply by their lower-cased name.
  }
  const fromEnv: Record<string, string> = {};
  for (const [key, url] of Object.entries(envUrls)) fromEnv[names.find((n) => envKey(n) === key) ?? key] = url;
  const subgraphUrls = { ...file.subgraphs, ...fromEnv, ...subgraphFlags };
  for (const [name, url] of Object.entries(subgraphUrls)) {
    if (!z.url().safeParse(url).success) throw new ConfigError(`subgraph ${name}: "${url}" is not a URL`);
  }
  const limits = c.limits && Object.values(c.limits).some((v) => v) ? c.limits : undefined;

  return {
    supergraphPath,
    port: c.port ?? 4000,
    host: c.host ?? '127.0.0.1',
    auth,
    subgraphUrls,
    subgraphTimeoutMs: c.timeouts?.subgraphMs || undefined,
    drainTimeoutMs: c.timeouts?.drainMs ?? 10_000,
    limits,
    forwardHeaders: c.forwardHeaders,
    watchSupergraph: c.watch ?? true,
    csrfPrevention: c.csrfPrevention ?? true,
    ...(c.shareExecutions ? { shareExecutions: c.shareExecutions } : {}),
    // Our web app only with our own supergraph, unless asked for.
    ...(c.metricsPort !== undefined ? { metrics: { port: c.metricsPort, host: c.host ?? '127.0.0.1' } } : {}),
    webDir: c.webDir ?? (supergraphPath === path.resolve(defaultSupergraph) ? defaultWebDir : undefined),
    ...(c.databaseUrl || c.trustedProxies
      ? { security: { ...(c.databaseUrl ? { databaseUrl: c.databaseUrl } : {}), ...(c.trustedProxies ? { trustedProxies: c.trustedProxies } : {}) } }
      : {}),
    // The platform database serves two parts, each configured on its own: integrators (its change channel, for
    // revocation; keys and audit through the directory) and the entity cache (its change channel, for invalidation).
    ...(c.entityCache === false ? { entityCache: false as const } : c.databaseUrl ? { entityCache: { databaseUrl: c.databaseUrl } } : {}),
  };
}
