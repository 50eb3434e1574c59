import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SUPERGRAPH_PATH } from '@aleumet/platform';
import { findDirectory } from '../../src/security/directory.js';
import { credentialChange, touches } from '../../src/security/revocation.js';
import { mergeLimits } from '../../src/limits.js';

describe('the integrator directory of a supergraph', () => {
  const ours = readFileSync(SUPERGRAPH_PATH, 'utf8');

  it('is the subgraph serving internalApiKey, at its URL unless overridden', () => {
    expect(findDirectory(ours)).toEqual({ name: 'people', url: expect.stringMatching(/^http:\/\//) });
    expect(findDirectory(ours, { people: 'http://people.internal:4001/graphql', orders: 'http://x/graphql' })).toEqual({ name: 'people', url: 'http://people.internal:4001/graphql' });
  });

  it('is none on a supergraph without one (API keys are then refused and nothing is audited)', () => {
    const foreign = ours.replace(/internalApiKey\(/g, 'somethingElse(');
    expect(findDirectory(foreign)).toBeNull();
    expect(findDirectory('not graphql')).toBeNull();
  });
});

describe('revocation by change-channel tags', () => {
  it('makes stale exactly the answers whose tags a change names', () => {
    const change = credentialChange({ t: 'people.api_key', k: ['client_id=c1', 'id=r1', 'key_id=k1'] });
    expect(touches(change, ['people.api_key:key_id=k1'])).toBe(true);
    expect(touches(change, ['people.api_key:key_id=k2', 'people.integrator_client:id=c1'])).toBe(false);
    expect(touches(credentialChange({ t: 'people.api_key', all: true }), ['people.api_key:key_id=k2'])).toBe(true);
  });
});

describe('one limits module', () => {
  it('applies the stricter of each limit given, and none when none is on', () => {
    expect(mergeLimits({ maxDepth: 12, maxAliases: 20, maxTokens: 3000 }, { maxDepth: 4, maxCost: 0 })).toEqual({ maxDepth: 4, maxAliases: 20, maxTokens: 3000 });
    expect(mergeLimits(false, undefined, { maxDepth: 0 })).toBeNull();
  });
});
