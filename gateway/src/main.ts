#!/usr/bin/env node
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunningGateway } from './gateway.js';
import { ConfigError, loadConfig, USAGE } from './config.js';

// aleumet-gateway: serves any Federation 2 supergraph. Only reads the configuration and
// wires signals; everything else is startGateway. `--help` lists the options.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

let config;
try {
  config = loadConfig(process.argv.slice(2), process.env, {
    defaultSupergraph: path.join(root, 'schema/supergraph.graphql'),
    defaultWebDir: path.join(root, 'web/dist'),
  });
} catch (e) {
  if (!(e instanceof ConfigError)) throw e;
  console.error(`aleumet-gateway: ${e.message}\n\n${USAGE}`);
  process.exit(2);
}
if (config === 'help') {
  console.log(USAGE);
  process.exit(0);
}
const { createLogger, startTracing } = await import('@aleumet/observability');
// Traces over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set; off otherwise.
const tracing = startTracing();
const log = createLogger('gateway');
if (config.auth === 'none') log.warn('--auth none: requests are forwarded unverified (development only)');

let gateway: RunningGateway | null = null;
let stopping = false;
const stop = (signal: NodeJS.Signals) => {
  if (stopping) return;
  stopping = true;
  // Before the supergraph is loaded nothing is in flight (/graphql answers 503): just leave.
  if (!gateway) process.exit(0);
  log.info({ signal, drainTimeoutMs: config.drainTimeoutMs }, `${signal}: draining in-flight requests`);
  gateway.close().then(
    async () => {
      await tracing?.shutdown();
      process.exit(0);
    },
    (e) => {
      log.error({ err: e }, 'shutdown failed');
      process.exit(1);
    },
  );
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

try {
  // Loaded after the configuration is known good: `--help` and mistakes answer at once.
  const { startGateway } = await import('./gateway.js');
  gateway = await startGateway({
    ...config,
    onListening: (url) => log.info({ url, supergraph: config.supergraphPath }, 'listening; loading the supergraph'),
  });
} catch (e) {
  console.error(`aleumet-gateway: cannot start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
log.info({ url: gateway.url, metrics: gateway.metricsUrl, auth: config.auth, watchSupergraph: Boolean(config.watchSupergraph) }, 'gateway ready');
if (stopping) stop('SIGTERM');
