import { SCOPES, type Identity } from '@aleumet/core';
import { adminIdentity, departmentIdentity, gql, integratorIdentity, recipientIdentity, supplierIdentity, tokenFor, type GraphQLResponse } from '@aleumet/testkit';

/** POST with arbitrary headers and body (API keys, hash-only persisted queries, CSRF probes). */
export async function post<T = any>(url: string, body: unknown, headers: Record<string, string> = {}): Promise<GraphQLResponse<T> & { headers: Headers }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await res.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = { errors: [{ message: text }] };
  }
  return { status: res.status, headers: res.headers, ...parsed } as never;
}

export const withKey = (url: string, key: string, query: string, variables: Record<string, unknown> = {}) =>
  post(url, { query, variables }, { authorization: `ApiKey ${key}` });

let seq = 0;
/** A fresh integrator client with one key, created through the admin GraphQL API. */
export async function createClient(url: string, scopes: string[], extra: { rateLimitPerMinute?: number; operations?: string[] } = {}) {
  const admin = await tokenFor(adminIdentity());
  const name = `test-client-${process.pid}-${Date.now()}-${++seq}`;
  const created = await gql(url, `mutation($i: IntegratorClientInput!) { createIntegratorClient(input: $i) { id name scopes status } }`, {
    i: { name, scopes, rateLimitPerMinute: extra.rateLimitPerMinute },
  }, admin);
  if (created.errors) throw new Error(JSON.stringify(created.errors));
  const clientId = created.data.createIntegratorClient.id as string;
  const issued = await gql(url, `mutation($c: ID!) { issueApiKey(clientId: $c, expiresInDays: 30, label: "test") { key apiKey { id keyId expiresAt revokedAt } } }`, { c: clientId }, admin);
  if (issued.errors) throw new Error(JSON.stringify(issued.errors));
  for (const document of extra.operations ?? []) {
    const r = await gql(url, `mutation($c: ID!, $d: String!) { registerOperation(clientId: $c, document: $d) { hash } }`, { c: clientId, d: document }, admin);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
  }
  return { clientId, name, key: issued.data.issueApiKey.key as string, keyRowId: issued.data.issueApiKey.apiKey.id as string, keyId: issued.data.issueApiKey.apiKey.keyId as string, admin };
}

export { sql } from '@aleumet/testkit';

/** The statement by which the people subgraph appends audit rows for the gateway (not a read of the request). */
export const AUDIT_WRITE = /^insert into "people"\."audit_entry"/i;

export async function eventually<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 5000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last = await fn();
  while (!ok(last) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 200));
    last = await fn();
  }
  return last;
}

/**
 * The callers of the access matrices, around one person P: P, P's representative, a stranger, the supplier
 * of P's order and another one, P's region's department and another region's, an admin, and integrators
 * without scopes and with each scope (`int:<scope>[,<scope>]`).
 */
export const MATRIX_ACTORS = [
  'anonymous', 'recipient', 'representative', 'stranger', 'supplier', 'otherSupplier', 'department', 'otherDepartment', 'admin',
  'integrator', ...SCOPES.map((s) => `int:${s}`),
] as const;
export type MatrixActor = (typeof MATRIX_ACTORS)[number] | `int:${string}`;

/** What a matrix fixture says about P and the others. */
export interface MatrixCast {
  personIndex: number;
  rep: Identity;
  strangerIndex: number;
  order: { supplierId: string };
  otherSupplier: { id: string };
  person: { regionCode: string };
  otherRegion: string;
}

export function matrixIdentity(a: MatrixActor, f: MatrixCast): Identity | null {
  switch (a) {
    case 'anonymous': return null;
    case 'recipient': return recipientIdentity(f.personIndex);
    case 'representative': return f.rep;
    case 'stranger': return recipientIdentity(f.strangerIndex);
    case 'supplier': return supplierIdentity(f.order.supplierId);
    case 'otherSupplier': return supplierIdentity(f.otherSupplier.id);
    case 'department': return departmentIdentity(f.person.regionCode);
    case 'otherDepartment': return departmentIdentity(f.otherRegion);
    case 'admin': return adminIdentity();
    case 'integrator': return integratorIdentity([]);
    default: return integratorIdentity(a.slice(4).split(','));
  }
}
