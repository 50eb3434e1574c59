import type { EntityManager } from '@mikro-orm/postgresql';
import { currentRequestId, registryUnavailable, uuidv7, type Identity } from '@aleumet/core';
import { RegistryUnavailable, registries, type RegistryPerson, type RegistryPhone } from '@aleumet/registries';
import { AuditEntry } from '../entities/index.js';
import { createLogger } from '@aleumet/observability';

const logger = createLogger('people');

/** Who asked a registry: the caller, or the person signing in (no token yet). */
export interface RegistryActor { sub: string; role: string; clientId?: string | null }
export const actorOf = (identity: Identity): RegistryActor => ({ sub: identity.sub, role: identity.role, clientId: identity.clientId ?? null });

/**
 * Every registry read is a read of a person's data and joins the audit trail (docs/integrators.md,
 * "7. Audit"): operation type `registry`, the registry call as the operation name, the person
 * concerned (its id, the one it will get when the read creates it), the outcome. Written in its own
 * statement, outside any transaction, so a refused sign-in still leaves its row.
 */
async function audit(em: EntityManager, actor: RegistryActor, operationName: string, personId: string | null, outcome: 'OK' | 'ERROR', errorCodes: string[]) {
  await em.fork().insert(AuditEntry, {
    id: uuidv7(), at: new Date(), actorSub: actor.sub, actorRole: actor.role, clientId: actor.clientId ?? null, onBehalfOf: [], personIds: personId ? [personId] : [],
    operationType: 'registry', operationName, documentHash: null, entityIds: personId ? [`Person:${personId}`] : [], outcome, errorCodes, requestId: currentRequestId() ?? null,
  });
}

/**
 * `personId` names the person concerned (null: a read that creates nobody, e.g. the development signer's
 * look-up); `identifies`: the read decides whether it exists (not found: no person concerned).
 */
async function read<T>(em: EntityManager, actor: RegistryActor, operationName: string, personId: string | null, ask: () => Promise<T | null>, identifies = false): Promise<T | null> {
  try {
    const answer = await ask();
    await audit(em, actor, operationName, answer || !identifies ? personId : null, 'OK', answer ? [] : ['NOT_IN_REGISTRY']);
    return answer;
  } catch (e) {
    await audit(em, actor, operationName, personId, 'ERROR', ['REGISTRY_UNAVAILABLE']);
    if (e instanceof RegistryUnavailable) throw registryUnavailable(e.registry, e.retryAfterMs !== undefined ? Math.ceil(e.retryAfterMs / 1000) : undefined);
    throw e;
  }
}

/** The person registry (ГБД ФЛ) on `iin`; REGISTRY_UNAVAILABLE when it cannot be asked. */
export const readPerson = (em: EntityManager, actor: RegistryActor, personId: string | null, iin: string): Promise<RegistryPerson | null> =>
  read(em, actor, 'PersonRegistry.personByIin', personId, () => registries().persons.personByIin(iin), true);

/** БМГ's verified number, or null when it holds none or cannot be asked now (the person then corrects it in the cabinet). */
export async function readPhone(em: EntityManager, actor: RegistryActor, personId: string, iin: string): Promise<RegistryPhone | null> {
  try {
    return await read(em, actor, 'PhoneRegistry.phoneByIin', personId, () => registries().phones.phoneByIin(iin));
  } catch (e) {
    logger.warn({ err: e }, 'mobile-citizens base not asked');
    return null;
  }
}
