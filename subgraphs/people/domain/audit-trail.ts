import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, isUuid } from '@aleumet/core';

/** One audited operation as the gateway sends it (the columns of people.audit_entry). */
export interface AuditEntryData {
  id: string;
  at: Date;
  actorSub: string;
  actorRole: string;
  clientId?: string | null;
  onBehalfOf: string[];
  personIds: string[];
  operationType: string;
  operationName?: string | null;
  documentHash?: string | null;
  entityIds: string[];
  outcome: string;
  errorCodes: string[];
  requestId?: string | null;
}

/** Most audit rows in one call (the gateway's batches are at most 100 by default). */
export const MAX_AUDIT_ROWS = 1000;

const COLUMNS = 'id, at, actor_sub, actor_role, client_id, on_behalf_of, person_ids, operation_type, operation_name, document_hash, entity_ids, outcome, error_codes, request_id';
/** The rows of one call in one statement of constant text (the rows as one JSON parameter). */
const INSERT = `insert into "people"."audit_entry" (${COLUMNS}) select ${COLUMNS} from json_populate_recordset(null::"people"."audit_entry", ?::json) on conflict ("id") do nothing`;

/**
 * Appends rows to the audit trail in one statement. A row already there (a retried call whose first
 * attempt landed) is skipped. When the database refuses a row's data the call fails with
 * BAD_USER_INPUT and `extensions.sqlState`, so the gateway can write the rows one by one.
 */
export async function appendAudit(em: EntityManager, entries: AuditEntryData[]): Promise<number> {
  if (entries.length > MAX_AUDIT_ROWS) throw badInput(`At most ${MAX_AUDIT_ROWS} audit rows per call`, 'entries');
  if (!entries.length) return 0;
  if (entries.some((e) => !isUuid(e.id))) throw badInput('Audit row ids are UUIDs', 'entries');
  const rows = entries.map((e) => ({
    id: e.id, at: e.at.toISOString(), actor_sub: e.actorSub, actor_role: e.actorRole, client_id: e.clientId ?? null, on_behalf_of: e.onBehalfOf,
    person_ids: e.personIds, operation_type: e.operationType, operation_name: e.operationName ?? null, document_hash: e.documentHash ?? null,
    entity_ids: e.entityIds, outcome: e.outcome, error_codes: e.errorCodes, request_id: e.requestId ?? null,
  }));
  try {
    await em.getConnection().execute(INSERT, [JSON.stringify(rows)], 'run');
  } catch (e) {
    const sqlState = String((e as { code?: unknown }).code ?? '');
    if (!/^2[23]/.test(sqlState)) throw e;
    const refused = badInput(`The audit trail refused a row: ${(e as Error).message.split('\n')[0]}`, 'entries');
    Object.assign(refused.extensions, { sqlState });
    throw refused;
  }
  return rows.length;
}

const STRINGS = ['actorSub', 'actorRole', 'operationType', 'outcome'] as const;
const OPTIONAL_STRINGS = ['clientId', 'operationName', 'documentHash', 'requestId'] as const;
const STRING_LISTS = ['onBehalfOf', 'personIds', 'entityIds', 'errorCodes'] as const;

/**
 * The `entries` of a plain JSON append (AUDIT_APPEND_PATH), checked field by field as the GraphQL input
 * type would check them; `at` is an ISO 8601 time (the bound on rows is appendAudit's).
 */
export function auditEntriesOf(body: unknown): AuditEntryData[] {
  const entries = (body as { entries?: unknown } | null)?.entries;
  if (!Array.isArray(entries)) throw badInput('entries must be a list of audit rows', 'entries');
  return entries.map((e: Record<string, unknown> | null, i) => {
    const bad = (what: string) => badInput(`entries[${i}]: ${what}`, 'entries');
    if (!e || typeof e !== 'object' || Array.isArray(e)) throw bad('not an object');
    if (typeof e.id !== 'string') throw bad('id must be a string');
    for (const k of STRINGS) if (typeof e[k] !== 'string') throw bad(`${k} must be a string`);
    for (const k of OPTIONAL_STRINGS) if (e[k] != null && typeof e[k] !== 'string') throw bad(`${k} must be a string or null`);
    for (const k of STRING_LISTS) if (!Array.isArray(e[k]) || !(e[k] as unknown[]).every((x) => typeof x === 'string')) throw bad(`${k} must be a list of strings`);
    const at = typeof e.at === 'string' && /^\d{4}-\d\d-\d\dT/.test(e.at) ? new Date(e.at) : null;
    if (!at || Number.isNaN(at.getTime())) throw bad('at must be an ISO 8601 time');
    return { ...(e as unknown as AuditEntryData), at };
  });
}
