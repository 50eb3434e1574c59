import type { EntityManager } from '@mikro-orm/postgresql';
import { enqueueCommand } from './commands.js';

/**
 * Never called: compiled with the package so that `tsc --build` fails if the generated command types
 * stop refusing a command its owner does not have (each line below must stay a type error).
 */
export function commandsThatMustNotCompile(em: EntityManager): void {
  // @ts-expect-error orders has no such command
  enqueueCommand(em, 'orders', 'internalNoSuchCommand', {});
  // @ts-expect-error a command of another owner
  enqueueCommand(em, 'people', 'internalActPaid', { actId: 'a' });
  // @ts-expect-error a required argument is missing
  enqueueCommand(em, 'programs', 'internalMeasureReleased', { orderId: 'o' });
  // @ts-expect-error an argument the owner does not take
  enqueueCommand(em, 'orders', 'internalActPaid', { actId: 'a', paid: true });
  // @ts-expect-error an argument of the wrong type
  enqueueCommand(em, 'catalog', 'internalReserveStock', { orderId: 'o', offeringId: 'f', quantity: '1' });
  // @ts-expect-error a value outside the owner's enum
  enqueueCommand(em, 'finance', 'internalOpenClaim', { input: { orderId: 'o', measureId: 'm', supplierId: 's', personId: 'p', regionCode: 'r', kind: 'S9', statePart: 1, coPayment: 0 } });
}
