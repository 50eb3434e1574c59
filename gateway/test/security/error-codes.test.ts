import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ErrorCode, PUBLIC_ERROR_CODES } from '@aleumet/core';
import { ROOT } from '@aleumet/platform';
import { apiSchemaSdl } from '../../../codegen.js';

/**
 * docs/integrators.md "5. Errors" is the integrators' contract: every code the platform can send
 * (@aleumet/core's ErrorCode, and the codes GraphQL, Apollo Server and the gateway send, which the
 * error masking lets through) has a row there.
 */
const docs = readFileSync(path.join(ROOT, 'docs/integrators.md'), 'utf8');
const section = (title: string) => {
  const start = docs.indexOf(`## ${title}`);
  expect(start).toBeGreaterThanOrEqual(0);
  const end = docs.indexOf('\n## ', start + 1);
  return docs.slice(start, end < 0 ? undefined : end);
};

describe('docs/integrators.md error codes', () => {
  const table = section('5. Errors')
    .split('\n')
    .filter((l) => l.startsWith('| `'))
    .map((l) => l.split('|')[1]!);
  const documented = new Set(table.flatMap((cell) => [...cell.matchAll(/`([A-Z_]+)`/g)].map((m) => m[1]!)));

  it('lists every code of ErrorCode and every other code a client can receive', () => {
    const sent = new Set<string>([...Object.values(ErrorCode), ...PUBLIC_ERROR_CODES]);
    expect(sent.has('BAD_REQUEST')).toBe(true);
    expect(sent.has('SERVICE_UNAVAILABLE')).toBe(true);
    expect([...sent].filter((c) => !documented.has(c))).toEqual([]);
  });

  it('lists no code the platform does not send', () => {
    const sent = new Set<string>([...Object.values(ErrorCode), ...PUBLIC_ERROR_CODES]);
    expect([...documented].filter((c) => !sent.has(c))).toEqual([]);
  });

  it('the withdrawal example fits the served schema', () => {
    const schema = buildSchema(apiSchemaSdl(path.join(ROOT, 'schema/supergraph.graphql')));
    const block = /```graphql\n(mutation WithdrawMeasures[\s\S]*?)```/.exec(docs)?.[1];
    expect(block).toBeDefined();
    expect(validate(schema, parse(block!)).map((e) => e.message)).toEqual([]);
  });
});
