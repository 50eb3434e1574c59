// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { createClient } from './urql.js';
import { ReferenceNamesQuery } from './reference.js';
import manifest from '../gql/persisted-documents.json';
import * as generated from '../gql/graphql.js';

describe('the urql client', () => {
  it('sends trusted documents as their sha256 only, by POST', async () => {
    const bodies: Record<string, unknown>[] = [];
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      bodies.push(JSON.parse(String(init.body)));
      return new Response(JSON.stringify({ data: { itemTypes: { __typename: 'ItemTypeConnection', nodes: [] }, regions: { __typename: 'RegionConnection', nodes: [] } } }), {
        headers: { 'content-type': 'application/json' },
      });
    });
    const client = createClient();
    await client.query(ReferenceNamesQuery, {}).toPromise();
    vi.unstubAllGlobals();
    expect(bodies).toHaveLength(1);
    const hash = (ReferenceNamesQuery as unknown as { __meta__: { hash: string } }).__meta__.hash;
    expect(Object.keys(manifest)).toContain(hash);
    expect(bodies[0]).toMatchObject({ operationName: 'ReferenceNames', extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
    expect(bodies[0]!.query).toBeUndefined();
  });

  it('finds every operation it sends as a hash in the manifest (it sends the hash without looking)', () => {
    const operations = Object.values(generated as Record<string, unknown>).filter(
      (d): d is { __meta__: { hash: string }; definitions: { kind: string }[] } =>
        typeof d === 'object' && d !== null && 'definitions' in d && (d as { definitions: { kind: string }[] }).definitions.some((x) => x.kind === 'OperationDefinition'),
    );
    expect(operations.length).toBeGreaterThan(50);
    expect(operations.filter((d) => !(d.__meta__?.hash in manifest))).toEqual([]);
  });
});
