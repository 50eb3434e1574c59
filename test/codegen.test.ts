import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, parse, validate, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ROOT } from '@aleumet/platform';
import config, { apiSchemaSdl } from '../codegen.js';

/**
 * codegen.ts generates the web's typed documents from the supergraph's API schema (what the
 * gateway serves), so a web document that uses an internal field fails at generation, not at run time.
 * CI runs `npm run codegen -- --check` for the generated files themselves.
 */
const supergraphPath = path.join(ROOT, 'schema/supergraph.graphql');
const errorsIn = (schema: GraphQLSchema, doc: string) => validate(schema, parse(doc)).map((e) => e.message);
const INTERNAL = `mutation { internalRegisterDeath(commandId: "c", personId: "p", diedOn: "2026-01-01") }`;

describe('codegen.ts', () => {
  it('reads the API schema of schema/supergraph.graphql', () => {
    expect(config.schema).toBe(apiSchemaSdl(supergraphPath));
    expect(Object.keys(config.generates)).toEqual(['web/src/gql/']);
  });

  it('leaves out the federation plumbing and every @inaccessible field', () => {
    const supergraph = readFileSync(supergraphPath, 'utf8');
    const inaccessible = [...supergraph.matchAll(/^\s+(\w+)\(.*@inaccessible/gm)].map((m) => m[1]!);
    expect(inaccessible).toContain('internalRegisterDeath');
    const api = buildSchema(apiSchemaSdl(supergraphPath));
    const mutations = Object.keys(api.getMutationType()!.getFields());
    for (const field of inaccessible) expect(mutations).not.toContain(field);
    expect(Object.keys(api.getTypeMap()).filter((t) => /^(join__|link__)/.test(t))).toEqual([]);
    // the raw supergraph would have accepted a document the gateway refuses
    expect(errorsIn(buildSchema(supergraph, { assumeValidSDL: true }), INTERNAL)).toEqual([]);
    expect(errorsIn(api, INTERNAL)).toEqual([expect.stringMatching(/Cannot query field "internalRegisterDeath"/)]);
  });

  it('keeps the public API: the README dashboard validates', () => {
    const api = buildSchema(apiSchemaSdl(supergraphPath));
    const dashboard = `{ me { fullName program { number measures(first: 10) { nodes { kind status guaranteedSum itemType { nameEn }
      orders { nodes { status price offering { title supplier { name } } claim { statePart coPayment status } } } } } } } }`;
    expect(errorsIn(api, dashboard)).toEqual([]);
  });
});
