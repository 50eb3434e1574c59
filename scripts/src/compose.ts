/**
 * Prints each subgraph's SDL to schema/<name>.graphql, composes schema/supergraph.graphql, prints its
 * public API schema to schema/public.graphql (what the gateway serves at /schema.graphql, for codegen)
 * writes the request collection of ops/*.graphql (collection.ts) and the typed cross-subgraph commands
 * generated from the subgraphs' SDL (@aleumet/events command-codegen.ts).
 * `--check` writes nothing and fails when the committed files are stale (CI runs it).
 */
import 'reflect-metadata';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { printSubgraphSchema } from '@apollo/subgraph';
import { composeServices } from '@apollo/composition';
import { ROOT, SUBGRAPHS, DEFAULT_PORTS } from '@aleumet/platform';
import { subgraphSchema } from '@aleumet/subgraph-kit';
import { printPublicSchema } from '@aleumet/gateway';
import { COMMANDS_MODULE, commandDifferences, commandsModule } from '@aleumet/events';
import { COLLECTION_FILE, requestCollection } from './collection.js';

const check = process.argv.includes('--check');
const files = new Map<string, string>();
const services = [];
const sdls: Record<string, string> = {};
for (const def of SUBGRAPHS) {
  const sdl = printSubgraphSchema(await subgraphSchema(def));
  sdls[def.name] = sdl;
  files.set(`schema/${def.name}.graphql`, sdl);
  services.push({ name: def.name, url: `http://localhost:${DEFAULT_PORTS[def.name]}/graphql`, typeDefs: parse(sdl) });
}
const result = composeServices(services);
if (result.errors) {
  for (const e of result.errors) console.error(e.message);
  process.exit(1);
}
files.set('schema/supergraph.graphql', result.supergraphSdl);
files.set('schema/public.graphql', printPublicSchema(result.supergraphSdl));
files.set(COLLECTION_FILE, requestCollection(ROOT));
files.set(COMMANDS_MODULE, commandsModule(sdls));

let stale = 0;
for (const [file, content] of files) {
  const full = path.join(ROOT, file);
  const current = existsSync(full) ? readFileSync(full, 'utf8') : null;
  if (current === content) continue;
  if (check) {
    console.error(`${file} is stale: run npm run compose and commit the result`);
    if (file === COMMANDS_MODULE) for (const d of commandDifferences(current ?? '', sdls)) console.error(`  ${d}`);
    stale++;
  } else {
    writeFileSync(full, content);
    console.log(`wrote ${file}`);
  }
}
if (stale) process.exit(1);
if (check) console.log('schema files and the request collection are up to date');
