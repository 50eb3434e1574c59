import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASES, type Expectation } from './cases.js';
import {
  post, replaceSupergraph, startCliGateway, startPlainGateway, startSubgraphs, tempDir, waitForSupergraph, writeSupergraph,
  type CliGateway, type GatewayUnderTest, type Result, type RunningSubgraphs,
} from './harness.js';

/**
 * Every Federation 2 feature case runs against our gateway (the CLI binary, a separate
 * process) and against plain @apollo/gateway + @apollo/server, with the same expectation.
 *
 * Operations where plain @apollo/gateway answers wrongly per the specification are listed
 * here as `case › operation` with the reason; for those the plain gateway is asserted to
 * still be wrong (so we notice when Apollo fixes it) and ours to be right.
 */
const PLAIN_GATEWAY_WRONG: Record<string, string> = {
  '@requires, including fields with arguments › client asks the required field with a different argument value':
    'the planner sends the client\'s `weight` (grams) as the required `weight(unit: KILOGRAM)`: shippingEstimate is computed from the wrong value',
  'one field required with different arguments by two fields › each requiring field gets its own argument value':
    'both requirements are merged into one fetch of one argument value: usd and eur are computed from the same price',
  'one field required with different arguments by two fields › with the field itself and a field without requirements':
    'as above, with the client\'s own price selection beside it',
  'a key marked resolvable: false next to a resolvable one › back to the subgraph after a requirement fetched by the resolvable key':
    'the fetch back into shop sends the `upc` key, which shop does not resolve: product comes back null',
  'a key marked resolvable: false next to a resolvable one › back to the subgraph after a requirement fetched by the other key: its key fields fetched first':
    'as above; the plan never fetches `id`, the key shop resolves',
  '@interfaceObject whose keys are all marked resolvable: false (supergraph from a composition without satisfiability checks) › a field no subgraph can be reached for is refused with a planning error, not answered null':
    'the planner fails with "This shouldn\'t have happened" and the client gets HTTP 500 INTERNAL_SERVER_ERROR',
  'nullability of failed entity fetches › non-null field of failed or null entities: null propagates to the nullable list item, one error each':
    'things[2] is nulled for a missing non-null field, but its error is dropped because another error exists',
  'nullability of failed entity fetches › entity that resolves to null under a non-null field nulls the nearest nullable parent':
    'wrapper is nulled with no entry in `errors` (only in extensions.valueCompletion)',
};

function check(res: Result, expected: Expectation, counts: Record<string, number>, ours = false) {
  expect(res.data).toEqual(expected.data);
  if (!expected.errorPaths) {
    expect(res.errors).toBeUndefined();
  } else {
    const paths = (res.errors ?? []).map((e) => e.path);
    expect(paths).toHaveLength(expected.errorPaths.length);
    expect(paths).toEqual(expect.arrayContaining(expected.errorPaths));
  }
  if (expected.errorCodes) expect((res.errors ?? []).map((e) => e.extensions?.code)).toEqual(expected.errorCodes);
  for (const [subgraph, max] of Object.entries({ ...expected.maxRequests, ...(ours ? expected.oursMaxRequests : {}) })) {
    expect(counts[subgraph], `requests to ${subgraph}`).toBeLessThanOrEqual(max);
  }
}

// One CLI process serves every case: each case's supergraph replaces the watched file and the
// gateway hot-reloads it (so the suite also runs eleven hot reloads between unrelated supergraphs).
let cli: CliGateway;
let supergraphFile: string;
beforeAll(async () => {
  supergraphFile = writeSupergraph(tempDir(), '');
  cli = await startCliGateway(supergraphFile, { args: ['--auth', 'none'], waitReady: false });
});
afterAll(() => cli?.close());

for (const c of CASES) {
  describe(`federation: ${c.name}`, () => {
    let subgraphs: RunningSubgraphs;
    const gateways: Record<'ours' | 'plain', GatewayUnderTest | undefined> = { ours: undefined, plain: undefined };

    beforeAll(async () => {
      subgraphs = await startSubgraphs(c.subgraphs);
      const sdl = c.editSupergraph ? c.editSupergraph(subgraphs.supergraphSdl) : subgraphs.supergraphSdl;
      replaceSupergraph(supergraphFile, sdl);
      gateways.ours = cli;
      [gateways.plain] = await Promise.all([startPlainGateway(sdl), waitForSupergraph(cli, sdl)]);
    });
    afterAll(async () => {
      await gateways.plain?.close();
      await subgraphs?.close();
    });

    for (const op of c.operations) {
      const key = `${c.name} › ${op.name}`;
      it(`${op.name} — aleumet-gateway CLI`, async () => {
        subgraphs.resetCounts();
        const res = await post(gateways.ours!.url, op.query, op.variables);
        check(res, op.expect, subgraphs.counts, true);
      });
      it(`${op.name} — plain @apollo/gateway${PLAIN_GATEWAY_WRONG[key] ? ' (known wrong)' : ''}`, async () => {
        subgraphs.resetCounts();
        const res = await post(gateways.plain!.url, op.query, op.variables);
        if (PLAIN_GATEWAY_WRONG[key]) expect(() => check(res, op.expect, subgraphs.counts)).toThrow();
        else check(res, op.expect, subgraphs.counts);
      });
    }
  });
}
