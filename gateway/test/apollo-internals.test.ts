import { describe, expect, it } from 'vitest';
import {
  APOLLO_PACKAGES, SUPPORTED_APOLLO, UnsupportedApolloVersion, assertSupportedApollo, installedApolloVersions, leanExecutorAvailable,
} from '../src/apollo-internals.js';

describe('the @apollo/gateway version check', () => {
  it('passes for the installed packages, which are released in lockstep', () => {
    const installed = installedApolloVersions();
    expect(Object.keys(installed)).toEqual([...APOLLO_PACKAGES]);
    for (const v of Object.values(installed)) expect(v).toMatch(SUPPORTED_APOLLO);
    expect(() => assertSupportedApollo()).not.toThrow();
  });

  it('refuses a version the internals were not checked against, naming the package and version', () => {
    const ok = installedApolloVersions();
    for (const version of ['2.15.0', '2.13.9', '3.0.0', '2.14.0-preview.1']) {
      const check = () => assertSupportedApollo({ ...ok, '@apollo/gateway': version });
      expect(check).toThrow(UnsupportedApolloVersion);
      expect(check).toThrow(`@apollo/gateway ${version}`);
    }
    expect(() => assertSupportedApollo({ ...ok, '@apollo/query-planner': '2.16.1' })).toThrow(/@apollo\/query-planner 2\.16\.1/);
  });

  it("finds the two helpers the lean executor changes in the installed executeQueryPlan (else the lever is silently off)", () => {
    expect(leanExecutorAvailable()).toBe(true);
  });
});
