/**
 * The gateway killed (SIGKILL) in the middle of a mutation. A gateway process forwards createOrder to the
 * orders subgraph and dies while the subgraph is inside the order's transaction (held there by a row lock
 * this test takes: the order-number counter on PostgreSQL; on the embedded database, which runs one
 * transaction at a time, any open transaction). The client never got an answer: it sends the same
 * mutation with the same idempotency key to a second gateway while the first attempt is still running,
 * and once more after. Every answer is the same order, and the order, its event,
 * its commands and their effects exist once. Runs on both databases.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import pg from 'pg';
import { devSigner, signDocument } from '@aleumet/signing';
import { localDate } from '@aleumet/calendar';
import { SUBGRAPHS, SUPERGRAPH_PATH, startPlatform, type Platform } from '@aleumet/platform';
import type { SubgraphName } from '@aleumet/runtime';
import { gql, sql, testDatabaseUrl } from '@aleumet/testkit';
import { freePort, startCliGateway, type CliGateway } from '../federation/harness.js';
import { CREATE, DOCUMENT, freshPerson, guaranteed, offeringFor, publishOne, tokens, unique } from '../../../subgraphs/orders/test/helpers.js';

let platform: Platform;
let first: CliGateway;
const onPostgres = Boolean(process.env.DATABASE_URL);

beforeAll(async () => {
  // The gateway that dies: a process of its own, in front of the platform's subgraphs. The platform's own
  // gateway (in this process) is the one the client turns to next. Both start at once, on ports chosen
  // first: a process start is slow on a loaded machine.
  const ports = Object.fromEntries(await Promise.all(SUBGRAPHS.map(async (d) => [d.name, await freePort()] as const))) as Record<SubgraphName, number>;
  const args = SUBGRAPHS.flatMap((d) => ['--subgraph', `${d.name}=http://127.0.0.1:${ports[d.name]}/graphql`]);
  const cli = startCliGateway(SUPERGRAPH_PATH, { args: [...args, '--no-watch'], readyWithinMs: 200_000 });
  const started = startPlatform({ databaseUrl: testDatabaseUrl(), gatewayPort: 0, subgraphPorts: ports });
  const [gw, p] = await Promise.allSettled([cli, started]);
  if (gw.status === 'fulfilled') first = gw.value;
  if (p.status === 'fulfilled') platform = p.value;
  if (gw.status === 'rejected') throw gw.reason;
  if (p.status === 'rejected') throw p.reason;
}, 300_000);
afterAll(async () => {
  await first?.close();
  await platform?.close();
});

async function until(what: string, ok: () => boolean | Promise<boolean>, ms = 30_000) {
  const deadline = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

it('a retry with the same idempotency key, through another gateway while the first attempt still runs, gives the same order, written once', async () => {
  // Recipients 900–999 are the order tests' fresh persons; this file takes one of them far down the list.
  const { person, index } = freshPerson(71, 'S5');
  const offering = offeringFor(person, 'S5', 3);
  const { measure } = await publishOne(platform, person, { kind: 'S5', itemTypeCode: offering.itemTypeCode, guaranteedSum: guaranteed(offering.itemTypeCode) });
  const token = await tokens(index);
  const key = unique('killed-gw');
  // Asked through the gateway that will die: its first request (planning, connections) is paid before the lock.
  const doc = await gql(first.url, DOCUMENT, { m: measure.id, o: offering.id, k: key, h: null, l: null, d: null }, token);
  expect(doc.errors).toBeUndefined();
  const signed = await signDocument(await devSigner(person.iin), JSON.parse(doc.data.orderDocument));
  const input = { measureId: measure.id, offeringId: offering.id, idempotencyKey: key, document: signed.document, signature: signed.signature, certificate: signed.certificate };
  const body = JSON.stringify({ query: CREATE, variables: { input } });
  const send = (url: string) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body }).then((r) => r.json() as Promise<any>);

  // Hold the order's transaction at its order number (PostgreSQL) or at its first statement (embedded).
  const year = localDate(new Date()).slice(0, 4);
  if (onPostgres) await sql('insert into orders.order_number_counter (year, last) values ($1, 0) on conflict do nothing', [year]);
  const holder = new pg.Client({ connectionString: testDatabaseUrl() });
  await holder.connect();
  await holder.query('begin');
  await holder.query('select last from orders.order_number_counter where year = $1 for update', [year]);
  const orders = platform.subgraphs.orders.sql;
  orders.reset();
  const marker = onPostgres ? 'order_number_counter' : 'idempotency_key';
  const inside = () => orders.statements.filter((s) => s.includes(marker)).length;
  let released = false;
  try {
    const lost = send(first.url).then((r) => ({ answered: r }), (e: unknown) => ({ failed: String(e) }));
    await until('createOrder inside the subgraph', () => inside() === 1, 90_000);
    first.proc.kill('SIGKILL');
    await first.exited;
    // The client saw its connection die: no answer.
    expect(await lost).toMatchObject({ failed: expect.any(String) });

    // Retried through the other gateway while the first attempt still runs in the subgraph: both go on
    // once the lock is released, one of them writes the order.
    const retry = send(platform.gateway.url);
    // On the embedded database the retry may wait before it reaches orders (the gateway's own reads wait
    // for the held transaction too): there it meets the first attempt once the lock is gone.
    if (onPostgres) await until('the retry inside the subgraph too', () => inside() === 2, 90_000);
    await holder.query('commit');
    released = true;
    const r1 = await retry;
    expect(r1.errors, JSON.stringify(r1.errors)).toBeUndefined();
    const order = r1.data.createOrder;
    expect(order).toMatchObject({ status: 'AWAITING_SUPPLIER', version: 1 });

    // And again, the first attempt long over: the same answer.
    const r2 = await send(platform.gateway.url);
    expect(r2.errors).toBeUndefined();
    expect(r2.data.createOrder).toEqual(order);

    // Written once: the order, its event, each command and what the commands did.
    expect(await sql('select id, number from orders."order" where idempotency_key = $1', [key])).toEqual([{ id: order.id, number: order.number }]);
    expect(await sql(`select type, version from orders.outbox where kind = 'event' and entity_id = $1`, [order.id])).toEqual([{ type: 'ORDER_STATUS_CHANGED', version: 1 }]);
    await until('the commands delivered', async () => (await sql(`select 1 from orders.outbox where kind = 'command' and published_at is null and variables::text like $1`, [`%${order.id}%`])).length === 0);
    const commands = await sql<{ command: string; n: number }>(`select command, count(*)::int as n from orders.outbox where kind = 'command' and variables::text like $1 group by command order by command`, [`%${order.id}%`]);
    expect(commands.length).toBeGreaterThanOrEqual(4);
    expect(commands.filter((c) => c.n !== 1)).toEqual([]);
    expect(await sql('select count(*)::int as n from finance.reimbursement_claim where order_id = $1', [order.id])).toEqual([{ n: 1 }]);
    expect(await sql('select count(*)::int as n from catalog.stock_reservation where order_id = $1', [order.id])).toEqual([{ n: 1 }]);
    expect(await sql('select template from people.notification where order_id = $1', [order.id])).toEqual([{ template: 'ORDER_RECEIVED' }]);
  } finally {
    if (!released) await holder.query('rollback').catch(() => {});
    await holder.end();
  }
}, 240_000);
