// @vitest-environment node
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildSchema, parse, validate, specifiedRules } from 'graphql';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import manifest from '../gql/persisted-documents.json';

// The gateway's defaults (gateway/src/security/options.ts DEFAULT_LIMITS): every document of the app must pass them.
const LIMITS = { maxDepth: 12, maxCost: 20000 };
const supergraph = readFileSync(fileURLToPath(new URL('../../../schema/supergraph.graphql', import.meta.url)), 'utf8');

describe('the trusted-documents manifest', () => {
  const docs = Object.entries(manifest as Record<string, string>);

  it('holds every document under its sha256', () => {
    expect(docs.length).toBeGreaterThan(10);
    for (const [hash, doc] of docs) expect(createHash('sha256').update(doc, 'utf8').digest('hex')).toBe(hash);
  });

  it('passes the gateway limits (depth, cost) and validates against the supergraph', () => {
    const schema = buildSchema(supergraph);
    const failures: string[] = [];
    for (const [, doc] of docs) {
      const name = /(query|mutation|subscription) (\w+)/.exec(doc)?.[2];
      try {
        const errors = validate(schema, parse(doc), [
          ...specifiedRules,
          costLimitRule({ maxCost: LIMITS.maxCost, exposeLimits: true }),
          maxDepthRule({ n: LIMITS.maxDepth, exposeLimits: true }),
        ]);
        for (const e of errors) failures.push(`${name}: ${e.message}`);
      } catch (e) {
        // The armor rules throw when a limit is exceeded.
        failures.push(`${name}: ${(e as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
