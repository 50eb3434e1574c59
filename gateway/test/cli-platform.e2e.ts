/**
 * The gateway CLI in front of the platform's own subgraphs, as compose.yaml runs it: with
 * `--database-url` it takes integrator API keys and writes the audit trail; without it, it takes
 * bearer tokens only and refuses the same key.
 */
import { inject, it, expect } from 'vitest';
import { SUPERGRAPH_PATH } from '@aleumet/platform';
import { usePlatform } from '@aleumet/platform/testing';
import { codes } from '@aleumet/testkit';
import { startCliGateway, type CliGateway } from './federation/harness.js';
import { createClient, eventually, sql, withKey } from './security/helpers.js';

const ctx = usePlatform();
const ORDERS = `query CliIntegratorOrders { orders(first: 2) { nodes { id status } } }`;

async function cli(args: string[]): Promise<CliGateway> {
  const subgraphs = Object.values(ctx.platform.subgraphs).flatMap((s) => ['--subgraph', `${s.name}=${s.url}`]);
  return startCliGateway(SUPERGRAPH_PATH, { args: [...subgraphs, '--no-watch', ...args] });
}

it('takes integrator API keys and audits their reads with --database-url, and refuses them without it', async () => {
  const client = await createClient(ctx.url, ['orders:read'], { operations: [ORDERS] });
  const withDb = await cli(['--database-url', inject('databaseUrl')]);
  try {
    const res = await withKey(withDb.url, client.key, ORDERS);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    expect(res.data.orders.nodes.length).toBeGreaterThan(0);
    const rows = await eventually(
      () => sql(`select outcome from people.audit_entry where client_id = $1 and operation_name = 'CliIntegratorOrders'`, [client.clientId]),
      (r) => r.length > 0,
    );
    expect(rows).toEqual([{ outcome: 'OK' }]);
  } finally {
    await withDb.close();
  }
  const withoutDb = await cli([]);
  try {
    expect(codes(await withKey(withoutDb.url, client.key, ORDERS))).toEqual(['UNAUTHENTICATED']);
  } finally {
    await withoutDb.close();
  }
});
