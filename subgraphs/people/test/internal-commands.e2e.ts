import { captureLogs } from '@aleumet/observability';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { makeIin, uuidv7 } from '@aleumet/core';
import { ServiceCallError, callSubgraph, serviceIdentity } from '@aleumet/runtime';
import { INTERNAL_SCOPE } from '@aleumet/events';
import { usePlatform } from '@aleumet/platform/testing';
import { world } from '@aleumet/testkit';

/**
 * Commands between subgraphs are delivered at least once, and a retry may overlap the first delivery
 * (the scheduler and an after-commit delivery of the same command). Concurrent deliveries of one command
 * id: one of them does the work, the others answer "already processed" (false), and nothing is logged as
 * an internal error (@aleumet/events commands.ts `firstTime`).
 */
const t = usePlatform();
afterEach(() => vi.restoreAllMocks());

const CREATE_STAFF = `mutation($commandId: ID!, $supplierId: ID!, $iin: String!, $fullName: String!) {
  internalCreateSupplierStaff(commandId: $commandId, supplierId: $supplierId, iin: $iin, fullName: $fullName)
}`;

describe('a command delivered twice at the same time', () => {
  it('is processed once; the other deliveries answer false, without an internal error', async () => {
    const logs = captureLogs();
    onTestFinished(() => logs.stop());
    const catalog = serviceIdentity('catalog', [INTERNAL_SCOPE]);
    const url = t.platform.subgraphs.people.url;
    const supplier = world().suppliers.at(-1)!;
    // Several rounds: each one a new command (and a new staff IIN) delivered 6 times at once.
    for (let round = 0; round < 3; round++) {
      const variables = { commandId: uuidv7(), supplierId: supplier.id, iin: makeIin('1979-03-0' + (round + 1), 'FEMALE', 900 + round), fullName: `Concurrent delivery ${round}` };
      const results = await Promise.all(
        Array.from({ length: 6 }, () =>
          callSubgraph<{ internalCreateSupplierStaff: boolean }>(url, catalog, CREATE_STAFF, variables).then(
            (d) => d.internalCreateSupplierStaff,
            (e: unknown) => (e instanceof ServiceCallError ? `${e.code}: ${e.message}` : String(e)),
          ),
        ),
      );
      expect(results.filter((r) => r === true), JSON.stringify(results)).toHaveLength(1);
      expect(results.filter((r) => r === false)).toHaveLength(5);
      // And once more afterwards: still processed.
      expect((await callSubgraph(url, catalog, CREATE_STAFF, variables)).internalCreateSupplierStaff).toBe(false);
    }
    expect(logs.lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'internal error (masked)')).toEqual([]);
  });
});
