import { Role, currentRequestId, notInRegistry, registryUnavailable, uuidv7, type Identity } from '@aleumet/core';
import { RegistryUnavailable, registries, type LegalEntity } from '@aleumet/registries';
import { callSubgraph, serviceIdentity, type SubgraphRuntime } from '@aleumet/runtime';
import { INTERNAL_SCOPE } from '@aleumet/events';

const AUDIT = `mutation($entries: [AuditEntryInput!]!) { internalRecordAudit(entries: $entries) }`;

/**
 * The legal-entity registry (ГБД ЮЛ) on a BIN, audited like every registry read (docs/integrators.md,
 * "7. Audit": operation type `registry`; the audit trail is people's, written through its internal API).
 * Null when the registry does not know the BIN; REGISTRY_UNAVAILABLE when it cannot be asked.
 */
export async function readLegalEntity(runtime: SubgraphRuntime, actor: Identity, bin: string, supplierId?: string): Promise<LegalEntity | null> {
  let card: LegalEntity | null = null;
  let failure: unknown = null;
  try {
    card = await registries().legalEntities.legalEntityByBin(bin);
  } catch (e) {
    failure = e;
  }
  const entry = {
    id: uuidv7(), at: new Date(), actorSub: actor.sub, actorRole: actor.role, clientId: actor.clientId ?? null, onBehalfOf: [], personIds: [],
    operationType: 'registry', operationName: 'LegalEntityRegistry.legalEntityByBin', documentHash: null,
    entityIds: [`BIN:${bin}`, ...(supplierId ? [`Supplier:${supplierId}`] : [])],
    outcome: failure ? 'ERROR' : 'OK', errorCodes: failure ? ['REGISTRY_UNAVAILABLE'] : card ? [] : ['NOT_IN_REGISTRY'], requestId: currentRequestId() ?? null,
  };
  await callSubgraph(runtime.peers.url('people'), serviceIdentity('catalog', [INTERNAL_SCOPE]), AUDIT, { entries: [entry] });
  if (failure instanceof RegistryUnavailable) throw registryUnavailable(failure.registry, failure.retryAfterMs !== undefined ? Math.ceil(failure.retryAfterMs / 1000) : undefined);
  if (failure) throw failure;
  return card;
}

export async function requireLegalEntity(runtime: SubgraphRuntime, actor: Identity, bin: string): Promise<LegalEntity> {
  const card = await readLegalEntity(runtime, actor, bin);
  if (!card) throw notInRegistry('LEGAL_ENTITY', 'The legal-entity registry holds no organization with this BIN', 'bin');
  return card;
}

/** Who may read a card to register a supplier: whoever may start a registration. */
export const MAY_REGISTER = [Role.SUPPLIER, Role.RECIPIENT, Role.REPRESENTATIVE, Role.ADMIN] as const;
