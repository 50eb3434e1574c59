/** `npm start`: the whole platform on this machine, with demo data; Ctrl-C stops it. */
import { writeFileSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { onShutdown } from '@aleumet/subgraph-kit';
import { ROOT, startPlatform } from '@aleumet/platform';
import { startTracing } from '@aleumet/observability';

const dataDir = process.env.DATA_DIR ?? path.join(ROOT, '.data');
const port = Number(process.env.PORT ?? 4000);
// SUBGRAPH_PORTS=0 lets the system pick free ports (tests); by default 4001..4005.
const subgraphPorts = process.env.SUBGRAPH_PORTS === '0' ? { people: 0, programs: 0, catalog: 0, orders: 0, finance: 0 } : undefined;
const embeddedPort = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
const host = process.env.HOST ?? '127.0.0.1';
// Prometheus metrics of the gateway on a port of their own (never the public one); the subgraphs' at /metrics on theirs.
const metricsPort = Number(process.env.METRICS_PORT ?? (process.env.SUBGRAPH_PORTS === '0' ? 0 : 9464));
const started = Date.now();
// Traces over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set; off otherwise.
const tracing = startTracing();
const platform = await startPlatform({
  databaseUrl: process.env.DATABASE_URL,
  dataDir: path.join(dataDir, 'pglite'),
  embeddedPort,
  seed: process.env.SEED !== 'false',
  host,
  gatewayPort: port,
  subgraphPorts,
  webDir: path.join(ROOT, 'web/dist'),
  log: (line) => console.log(line),
  runScheduler: true,
  gatewayOptions: { metrics: { port: metricsPort, host } },
});
// The entity cache starts with the change feed (a second at most): say whether it is on.
await platform.gateway.entityCache?.feed.started;
const cacheOn = platform.gateway.entityCache?.feed.connected ?? false;
mkdirSync(dataDir, { recursive: true });
const urlFile = path.join(dataDir, 'database-url');
if (!process.env.DATABASE_URL) writeFileSync(urlFile, platform.databaseUrl);
// Before the banner: whoever reads "Ctrl-C stops everything" may press it at once.
onShutdown(async () => {
  await platform.close();
  await tracing?.shutdown();
  if (!process.env.DATABASE_URL) rmSync(urlFile, { force: true });
});
const base = platform.gateway.url.replace(/\/graphql$/, '');
console.log(`
Aleumet Federated is running (${((Date.now() - started) / 1000).toFixed(1)} s)
  web app:   ${base}/
  GraphQL:   ${platform.gateway.url}
  health:    ${base}/health
  metrics:   ${platform.gateway.metricsUrl ?? 'off'} (gateway; each subgraph at /metrics on its own port)
  entity cache: ${cacheOn ? 'on (answers kept until a row they read changes)' : 'off'}
  a token:   npm run token -- admin     (or an IIN / BIN of a seeded user)
Ctrl-C stops everything.`);
