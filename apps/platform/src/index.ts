import 'reflect-metadata';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { definition as people } from '@aleumet/people';
import { definition as programs } from '@aleumet/programs';
import { definition as catalog } from '@aleumet/catalog';
import { definition as orders } from '@aleumet/orders';
import { definition as finance } from '@aleumet/finance';
import { channelsFromEnv, type EmailAdapter, type SmsAdapter } from '@aleumet/notify';
import { createRuntime, type Clock, type SubgraphName, type SubgraphRuntime } from '@aleumet/runtime';
import { startSubgraph, seedSubgraph, type RunningSubgraph, type SubgraphDefinition } from '@aleumet/subgraph-kit';
import { buildWorld, type WorldOptions } from '@aleumet/demo-data';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '@aleumet/embedded-pg';
import { startGateway, type GatewayOptions, type RunningGateway } from '@aleumet/gateway';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const SUPERGRAPH_PATH = path.join(ROOT, 'schema/supergraph.graphql');

export const SUBGRAPHS = [people, programs, catalog, orders, finance] as SubgraphDefinition<unknown>[];
export const DEFAULT_PORTS: Record<SubgraphName, number> = { people: 4001, programs: 4002, catalog: 4003, orders: 4004, finance: 4005 };

export interface PlatformOptions {
  /** postgres://… ; without it an embedded PostgreSQL is started. */
  databaseUrl?: string;
  /** Where the embedded PostgreSQL keeps its files (in memory when absent). */
  dataDir?: string;
  /** Port of the embedded PostgreSQL (0 or absent: a free one). */
  embeddedPort?: number;
  /** Seed the demo world into empty subgraphs. */
  seed?: boolean | WorldOptions;
  host?: string;
  gatewayPort?: number;
  /** Subgraph ports; 0 picks free ones. */
  subgraphPorts?: Partial<Record<SubgraphName, number>>;
  webDir?: string;
  log?: (line: string) => void;
  /** Source of "now" for every domain rule (a TestClock in tests); the system clock by default. */
  clock?: Clock;
  /** Run the scheduler (time rules, outbox senders) on a timer; tests leave it off and call `runtime.scheduler.runAll()`. */
  runScheduler?: boolean;
  /** The SMS provider adapter (from the environment by default: `channelsFromEnv`). */
  sms?: SmsAdapter;
  /** The e-mail adapter (from the environment by default). */
  email?: EmailAdapter;
  /** Gateway options on top of the platform's (e.g. `security: { mode: 'production' }` in tests; see gateway/src/security). */
  gatewayOptions?: Partial<Pick<GatewayOptions, 'security' | 'subgraphTimeoutMs' | 'limits' | 'entityCache' | 'metrics'>>;
}

export interface Platform {
  gateway: RunningGateway;
  subgraphs: Record<SubgraphName, RunningSubgraph>;
  databaseUrl: string;
  /** The clock, peer URLs and scheduler shared by the five subgraphs. */
  runtime: SubgraphRuntime;
  close(): Promise<void>;
}

/** The whole platform in one process: database (embedded unless given), five subgraphs, gateway. */
export async function startPlatform(opts: PlatformOptions = {}): Promise<Platform> {
  const log = opts.log ?? (() => {});
  // Channels from the environment unless given (NODE_ENV=production without their settings: a start-up error).
  const channels = opts.sms && opts.email ? null : channelsFromEnv(process.env, log);
  let embedded: EmbeddedPostgres | undefined;
  let databaseUrl = opts.databaseUrl;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: opts.dataDir, port: opts.embeddedPort });
    databaseUrl = embedded.url;
    log(`embedded PostgreSQL at ${databaseUrl}${opts.dataDir ? ` (data in ${opts.dataDir})` : ''}`);
  }
  const running: RunningSubgraph[] = [];
  let gateway: RunningGateway | undefined;
  // One runtime for all subgraphs: they call each other through `runtime.peers` (filled in below).
  const runtime = createRuntime(opts.clock, opts.sms ?? channels!.sms, opts.email ?? channels!.email);
  const close = async () => {
    await runtime.scheduler.stop();
    await gateway?.close();
    for (const s of running.reverse()) await s.close();
    await embedded?.stop();
  };
  try {
    // One at a time: migrations and seeding are transactions, and embedded PostgreSQL runs those serially.
    const world = opts.seed ? buildWorld(typeof opts.seed === 'object' ? opts.seed : {}) : null;
    for (const def of SUBGRAPHS) {
      const sub = await startSubgraph(def, {
        databaseUrl,
        migrate: true,
        host: opts.host,
        port: opts.subgraphPorts?.[def.name] ?? DEFAULT_PORTS[def.name],
        runtime,
      });
      running.push(sub);
      runtime.peers.set(def.name, sub.url);
      if (world && (await seedSubgraph(def, sub.orm, world))) log(`seeded ${def.name}`);
      log(`${def.name} subgraph at ${sub.url}`);
    }
    const subgraphs = Object.fromEntries(running.map((s) => [s.name, s])) as Record<SubgraphName, RunningSubgraph>;
    gateway = await startGateway({
      supergraphPath: SUPERGRAPH_PATH,
      port: opts.gatewayPort ?? 4000,
      host: opts.host,
      subgraphUrls: Object.fromEntries(running.map((s) => [s.name, s.url])),
      webDir: opts.webDir,
      ...opts.gatewayOptions,
      // The database's change channel: revocation of integrator keys (read through the people subgraph's
      // directory) and invalidation of the entity cache, each configured on its own.
      security: { databaseUrl, ...opts.gatewayOptions?.security },
      entityCache: opts.gatewayOptions?.entityCache === false ? false : { databaseUrl, ...opts.gatewayOptions?.entityCache },
    });
    if (opts.runScheduler) runtime.scheduler.start();
    return { gateway, subgraphs, databaseUrl, runtime, close };
  } catch (e) {
    await close();
    throw e;
  }
}
