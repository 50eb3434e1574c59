import { useSyncExternalStore } from 'react';

/** Claims the client reads from its own token (the server verifies it on every request). */
export interface SessionClaims {
  sub: string;
  role: 'RECIPIENT' | 'REPRESENTATIVE' | 'SUPPLIER' | 'EMPLOYMENT_DEPARTMENT' | 'ADMIN' | 'INTEGRATOR';
  personId?: string;
  represents: string[];
  supplierId?: string;
  regionCode?: string;
}

export interface Session {
  token: string;
  claims: SessionClaims;
  displayName: string;
  /** IIN of the signed-in user: the electronic signature signs as this person. */
  iin: string;
  /** The person whose cabinet is shown: the signed-in person or one it represents. */
  actingFor?: string;
}

const KEY = 'aleumet.session';
const listeners = new Set<() => void>();
let current: Session | null = read();

function read(): Session | null {
  try {
    const raw = globalThis.sessionStorage?.getItem(KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

export function decodeClaims(token: string): SessionClaims {
  const part = token.split('.')[1];
  if (!part) throw new Error('Malformed token');
  const json = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(json, (c) => c.charCodeAt(0));
  const p = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
  return {
    sub: String(p.sub),
    role: p.role as SessionClaims['role'],
    personId: typeof p.personId === 'string' ? p.personId : undefined,
    represents: Array.isArray(p.represents) ? (p.represents as string[]) : [],
    supplierId: typeof p.supplierId === 'string' ? p.supplierId : undefined,
    regionCode: typeof p.regionCode === 'string' ? p.regionCode : undefined,
  };
}

export function setSession(next: Session | null): void {
  current = next;
  try {
    if (next) sessionStorage.setItem(KEY, JSON.stringify(next));
    else sessionStorage.removeItem(KEY);
  } catch {
    /* storage unavailable: keep the session in memory */
  }
  for (const l of listeners) l();
}

export const getSession = () => current;
export const getToken = () => current?.token ?? null;

export function actAs(personId: string): void {
  if (current) setSession({ ...current, actingFor: personId });
}

function subscribe(l: () => void) {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function useSession(): Session | null {
  return useSyncExternalStore(subscribe, getSession, getSession);
}

/** The person whose data the cabinet shows. */
export function actingPersonId(s: Session | null): string | undefined {
  return s?.actingFor ?? s?.claims.personId;
}
