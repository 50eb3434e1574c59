import pg from 'pg';

export interface KeyRecord {
  keyId: string;
  hash: string;
  expiresAt: Date;
  revokedAt: Date | null;
  clientId: string;
}

export interface ClientRecord {
  id: string;
  name: string;
  scopes: string[];
  active: boolean;
  rateLimitPerMinute: number | null;
  /** sha256 → document of the operations registered for the client. */
  operations: Map<string, string>;
}

export interface AuditRow {
  id: string;
  at: Date;
  actorSub: string;
  actorRole: string;
  clientId: string | null;
  onBehalfOf: string[];
  personIds: string[];
  operationType: string;
  operationName: string | null;
  documentHash: string | null;
  entityIds: string[];
  outcome: string;
  errorCodes: string[];
  requestId: string | null;
}

/**
 * The gateway's read path into the people subgraph's integrator tables (keys, clients, registered
 * operations) and its write path into the append-only `people.audit_entry`. The people subgraph owns
 * these tables (entities/integrator.ts) and the admin API over them.
 */
export class IntegratorStore {
  private pool: pg.Pool;

  constructor(databaseUrl: string) {
    this.pool = new pg.Pool({ connectionString: databaseUrl, max: 3 });
    this.pool.on('error', () => {});
  }

  /**
   * A query, tried up to three times: the embedded PostgreSQL (one backend behind a socket server)
   * sometimes refuses a statement under concurrent load ("portal … cannot be run").
   */
  private async query(text: string, values: unknown[]): Promise<pg.QueryResult> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.pool.query(text, values);
      } catch (e) {
        if (attempt >= 3 || (e as { code?: string }).code === '23505') throw e;
        await new Promise((r) => setTimeout(r, 25 * attempt));
      }
    }
  }

  async key(keyId: string): Promise<KeyRecord | null> {
    const { rows } = await this.query(
      'select key_id, hash, expires_at, revoked_at, client_id from people.api_key where key_id = $1',
      [keyId],
    );
    const r = rows[0];
    return r ? { keyId: r.key_id, hash: r.hash, expiresAt: r.expires_at, revokedAt: r.revoked_at, clientId: r.client_id } : null;
  }

  async client(clientId: string): Promise<ClientRecord | null> {
    if (!/^[0-9a-f-]{36}$/i.test(clientId)) return null;
    const { rows } = await this.query(
      'select id, name, scopes, status, rate_limit_per_minute from people.integrator_client where id = $1',
      [clientId],
    );
    const c = rows[0];
    if (!c) return null;
    const ops = await this.query('select hash, document from people.persisted_operation where client_id = $1', [clientId]);
    return {
      id: c.id,
      name: c.name,
      scopes: c.scopes ?? [],
      active: c.status === 'ACTIVE',
      rateLimitPerMinute: c.rate_limit_per_minute,
      operations: new Map(ops.rows.map((o) => [o.hash as string, o.document as string])),
    };
  }

  async touchKey(keyId: string, at: Date): Promise<void> {
    await this.query('update people.api_key set last_used_at = $2 where key_id = $1', [keyId, at]);
  }

  async audit(rows: AuditRow[]): Promise<void> {
    if (!rows.length) return;
    const cols = ['id', 'at', 'actor_sub', 'actor_role', 'client_id', 'on_behalf_of', 'person_ids', 'operation_type', 'operation_name', 'document_hash', 'entity_ids', 'outcome', 'error_codes', 'request_id'];
    const values: unknown[] = [];
    const tuples = rows.map((r, i) => {
      values.push(r.id, r.at, r.actorSub, r.actorRole, r.clientId, r.onBehalfOf, r.personIds, r.operationType, r.operationName, r.documentHash, r.entityIds, r.outcome, r.errorCodes, r.requestId);
      return `(${cols.map((_, j) => `$${i * cols.length + j + 1}`).join(', ')})`;
    });
    try {
      await this.query(`insert into people.audit_entry (${cols.join(', ')}) values ${tuples.join(', ')}`, values);
    } catch (e) {
      // A retried insert whose first attempt did land: the row is there.
      if ((e as { code?: string }).code !== '23505') throw e;
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
