#!/usr/bin/env node
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { onShutdown, readEnv } from '@aleumet/server-kit';
import { startGateway } from './gateway.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const env = readEnv({ defaultPort: 4000, requireDatabase: false });
const subgraphUrls = Object.fromEntries(
  ['people', 'programs', 'catalog', 'orders', 'finance']
    .map((name) => [name, process.env[`SUBGRAPH_${name.toUpperCase()}_URL`]])
    .filter((e): e is [string, string] => Boolean(e[1])),
);
const gateway = await startGateway({
  supergraphPath: process.env.SUPERGRAPH ?? path.join(root, 'schema/supergraph.graphql'),
  port: env.port,
  host: env.host,
  subgraphUrls,
  webDir: process.env.WEB_DIR ?? path.join(root, 'web/dist'),
});
console.log(`gateway ready at ${gateway.url}`);
onShutdown(() => gateway.close());
