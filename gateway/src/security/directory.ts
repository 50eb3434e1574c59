import { Kind, parse, type EnumTypeDefinitionNode, type ObjectTypeDefinitionNode } from 'graphql';
import { INTERNAL_SIGNATURE_HEADER, Role, requestTarget, signInternal, signToken, type Identity } from '@aleumet/core';
import { INTERNAL_SCOPE } from '@aleumet/events';
import { AUDIT_APPEND_PATH } from '@aleumet/protocol';

export interface KeyRecord {
  keyId: string;
  hash: string;
  expiresAt: Date;
  revokedAt: Date | null;
  clientId: string;
  /** Change-channel tags whose notification makes this record stale (see revocation.ts). */
  changeTags: readonly string[];
  /** The key's client, when the directory answered both at once. */
  client?: ClientRecord | null;
}

export interface ClientRecord {
  id: string;
  name: string;
  scopes: string[];
  active: boolean;
  rateLimitPerMinute: number | null;
  /** sha256 → document of the operations registered for the client. */
  operations: Map<string, string>;
  changeTags: readonly string[];
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

/** What the security layer needs of integrators: keys, clients with their operations, and an audit sink. */
export interface IntegratorStore {
  key(keyId: string): Promise<KeyRecord | null>;
  client(clientId: string): Promise<ClientRecord | null>;
  touchKey(keyId: string, at: Date): Promise<void>;
  /** Appends rows; a refused row's data fails with `code` set to its SQLSTATE (class 22/23). */
  audit(rows: AuditRow[]): Promise<void>;
}

/** The root field by which a supergraph announces its integrator directory (an @inaccessible query). */
export const DIRECTORY_FIELD = 'internalApiKey';

/**
 * The subgraph serving the integrator directory in a supergraph: the owner of `Query.internalApiKey`
 * (`@join__field(graph: …)`), with its URL (overridden by `subgraphUrls`). Null when the supergraph has
 * none: a foreign supergraph, whose gateway then takes bearer tokens only and keeps no audit.
 */
export function findDirectory(supergraphSdl: string, subgraphUrls: Record<string, string> = {}): { name: string; url: string } | null {
  let doc;
  try {
    doc = parse(supergraphSdl);
  } catch {
    return null;
  }
  const graphs = new Map<string, { name: string; url: string }>();
  let graph: string | undefined;
  for (const def of doc.definitions) {
    if (def.kind === Kind.ENUM_TYPE_DEFINITION && def.name.value === 'join__Graph') {
      for (const v of (def as EnumTypeDefinitionNode).values ?? []) {
        const d = v.directives?.find((x) => x.name.value === 'join__graph');
        const arg = (n: string) => d?.arguments?.find((a) => a.name.value === n)?.value;
        const name = arg('name');
        const url = arg('url');
        if (name?.kind === Kind.STRING) graphs.set(v.name.value, { name: name.value, url: url?.kind === Kind.STRING ? url.value : '' });
      }
    }
    if ((def.kind === Kind.OBJECT_TYPE_DEFINITION || def.kind === Kind.OBJECT_TYPE_EXTENSION) && def.name.value === 'Query') {
      const field = (def as ObjectTypeDefinitionNode).fields?.find((f) => f.name.value === DIRECTORY_FIELD);
      const join = field?.directives?.find((d) => d.name.value === 'join__field');
      const g = join?.arguments?.find((a) => a.name.value === 'graph')?.value;
      if (g?.kind === Kind.ENUM) graph = g.value;
    }
  }
  const found = graph ? graphs.get(graph) : undefined;
  if (!found) return null;
  const url = subgraphUrls[found.name] ?? found.url;
  return url ? { name: found.name, url } : null;
}

const CLIENT_FIELDS = 'id name scopes active rateLimitPerMinute operations { hash document } changeTags';
const KEY = `query GatewayApiKey($keyId: String!) { internalApiKey(keyId: $keyId) { keyId clientId hash expiresAt revokedAt changeTags client { ${CLIENT_FIELDS} } } }`;
const CLIENT = `query GatewayIntegratorClient($id: ID!) { internalIntegratorClient(id: $id) { ${CLIENT_FIELDS} } }`;
type ClientAnswer = Omit<ClientRecord, 'operations'> & { operations: { hash: string; document: string }[] };
const clientRecord = (c: ClientAnswer): ClientRecord => ({ ...c, operations: new Map(c.operations.map((o) => [o.hash, o.document])) });
const REPRESENTATIONS = `query GatewayRepresentations($personId: ID!) { internalRepresentations(personId: $personId) { principalIds } }`;
const TOUCH = `mutation GatewayTouchApiKey($keyId: String!, $at: DateTimeISO!) { internalTouchApiKey(keyId: $keyId, at: $at) }`;

/** How the gateway calls the directory: a service of its own, with the internal scope. */
const GATEWAY_SERVICE: Identity = { sub: 'service:gateway', role: Role.INTEGRATOR, represents: [], scopes: [INTERNAL_SCOPE], clientId: 'service:gateway' };

class DirectoryError extends Error {
  constructor(message: string, readonly code: string | undefined) {
    super(message);
  }
}

/** One POST to the directory: `timeout` in ms; the answer's status and JSON body. */
export type DirectoryPost = (url: string, init: { headers: Record<string, string>; body: string; timeout: number }) => Promise<{ status: number; json(): Promise<unknown> }>;

/** A DirectoryPost over Node's global fetch (the gateway passes its transport's instead). */
const fetchPost: DirectoryPost = (url, { headers, body, timeout }) => fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(timeout) });

/**
 * The integrator directory over the owning subgraph's internal API (signed as the gateway's requests
 * are, with a service token): the gateway reads keys and clients and appends audit rows through it,
 * never through that subgraph's tables. `target()` is the directory's URL in the supergraph being
 * served (null before one is loaded, or when it has none: every key is then unknown).
 */
export class IntegratorDirectory implements IntegratorStore {
  private token: { value: string; until: number } | undefined;

  /**
   * `post` sends one request: the gateway passes its subgraph transport's (node:http, keep-alive pool),
   * since every answer waits for its audit row and Node's global fetch costs several times the CPU per call.
   */
  constructor(private readonly target: () => string | null, private readonly timeoutMs = 10_000, private readonly post: DirectoryPost = fetchPost) {}

  private async bearer(): Promise<string> {
    if (!this.token || this.token.until < Date.now()) {
      this.token = { value: await signToken(GATEWAY_SERVICE, '5m'), until: Date.now() + 4 * 60_000 };
    }
    return this.token.value;
  }

  /**
   * One operation, tried up to three times when the call failed on its way (the subgraph restarting, an
   * embedded database refusing a statement under load, the directory's database restarting: SERVICE_UNAVAILABLE,
   * e.g. a pooled session the restart cut); a refusal by the directory is final. The pauses stay short: the
   * audit is written before an answer leaves. Every operation is safe to repeat (audit rows are written once by id).
   */
  private call<T>(query: string, variables: Record<string, unknown>): Promise<T | null> {
    const url = this.target();
    return url ? this.send<T>(url, JSON.stringify({ query, variables })) : Promise.resolve(null);
  }

  private async send<T>(url: string, body: string): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.once<T>(url, body);
      } catch (e) {
        const code = (e as DirectoryError).code;
        const unavailable = code === 'SERVICE_UNAVAILABLE';
        if (attempt >= 3 || (code !== undefined && code !== 'INTERNAL_SERVER_ERROR' && !unavailable)) throw e;
        await new Promise((r) => setTimeout(r, (unavailable ? 100 : 25) * attempt));
      }
    }
  }

  /** One POST of `body` to `url` (the directory's /graphql, or its audit route): `{ data }` or a DirectoryError. */
  private async once<T>(url: string, body: string): Promise<T> {
    const res = await this.post(url, {
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await this.bearer()}`,
        [INTERNAL_SIGNATURE_HEADER]: signInternal({ method: 'POST', path: requestTarget(url), body }),
      },
      body,
      timeout: this.timeoutMs,
    });
    const answer = (await res.json().catch(() => ({ errors: [{ message: `HTTP ${res.status}` }] }))) as {
      data?: T;
      errors?: { message: string; extensions?: { code?: string; sqlState?: string } }[];
    };
    const error = answer.errors?.[0];
    if (error) {
      // A row the audit table refused keeps its SQLSTATE: the audit batcher then writes the rows one by one.
      throw new DirectoryError(`integrator directory: ${error.message}`, error.extensions?.sqlState ?? error.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
    }
    return answer.data as T;
  }

  async key(keyId: string): Promise<KeyRecord | null> {
    const data = await this.call<{ internalApiKey: (Omit<KeyRecord, 'expiresAt' | 'revokedAt' | 'client'> & { expiresAt: string; revokedAt: string | null; client: ClientAnswer | null }) | null }>(KEY, { keyId });
    const k = data?.internalApiKey;
    return k ? { ...k, expiresAt: new Date(k.expiresAt), revokedAt: k.revokedAt ? new Date(k.revokedAt) : null, client: k.client && clientRecord(k.client) } : null;
  }

  async client(clientId: string): Promise<ClientRecord | null> {
    if (!/^[0-9a-f-]{36}$/i.test(clientId)) return null;
    const data = await this.call<{ internalIntegratorClient: ClientAnswer | null }>(CLIENT, { id: clientId });
    const c = data?.internalIntegratorClient;
    return c ? clientRecord(c) : null;
  }

  /** For whom a person may act now (security/representations.ts); null when the supergraph has no directory. */
  async representations(personId: string): Promise<string[] | null> {
    if (!this.target()) return null;
    const data = await this.call<{ internalRepresentations: { principalIds: string[] } | null }>(REPRESENTATIONS, { personId });
    return data?.internalRepresentations?.principalIds ?? [];
  }

  async touchKey(keyId: string, at: Date): Promise<void> {
    await this.call(TOUCH, { keyId, at: at.toISOString() });
  }

  /** Through the directory's plain route beside its /graphql (AUDIT_APPEND_PATH): no GraphQL execution per batch. */
  async audit(rows: AuditRow[]): Promise<void> {
    if (!rows.length) return;
    const url = this.target();
    if (!url) throw new Error('no integrator directory in the supergraph: the audit trail cannot be written');
    // JSON.stringify writes each row's `at` (a Date) as ISO 8601.
    await this.send(new URL(AUDIT_APPEND_PATH, url).toString(), JSON.stringify({ entries: rows }));
  }
}
