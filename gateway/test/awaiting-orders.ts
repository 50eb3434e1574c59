import { world } from '@aleumet/testkit';

/**
 * Seeded orders awaiting their supplier, with a claim, one per recipient, of the demo persons
 * `from`–`to` (a range a test file keeps for itself, since the tests change these orders).
 */
export function awaitingOrdersOf(from: number, to: number) {
  const w = world();
  const persons = new Set(w.persons.slice(from, to).map((p) => p.id));
  const claimed = new Set(w.claims.map((c) => c.orderId));
  const seen = new Set<string>();
  return w.orders.filter((o) => {
    if (!persons.has(o.personId) || o.status !== 'AWAITING_SUPPLIER' || !claimed.has(o.id) || seen.has(o.personId)) return false;
    seen.add(o.personId);
    return true;
  });
}
export type DemoOrder = ReturnType<typeof awaitingOrdersOf>[number];

export const personIndex = (personId: string) => world().persons.findIndex((p) => p.id === personId);
