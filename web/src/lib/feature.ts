import { lazy, type ComponentType } from 'react';
import type { UpdateResolver } from '@urql/exchange-graphcache';
import type { SessionClaims } from './session.js';

export type Role = SessionClaims['role'];
export const PERSON: readonly Role[] = ['RECIPIENT', 'REPRESENTATIVE'];

/** Nested message objects of one language (plural forms differ by language, so only the reference language is typed exactly). */
export type Messages = { [key: string]: string | Messages };

export interface FeatureRoute {
  path: string;
  /** Translation key of the page title (also the document title). */
  title: string;
  /** Who may open the page; absent: everyone. The navigation shows the entry to the same roles. */
  roles?: readonly Role[];
  /** Loaded on first visit, so a role downloads only its own pages. */
  page: ComponentType;
  /** Translation key of the navigation entry; absent: the page is reached by links only. */
  nav?: string;
  /** The roles that land on this page after signing in. */
  homeOf?: readonly Role[];
}

/**
 * What a feature brings to the app: the shell merges these and knows nothing else about it.
 * Its translations are not here: `strings/<lang>.ts` of each feature goes into that language's chunk
 * (`src/app/messages/`), downloaded only when the language is chosen.
 */
export interface Feature {
  name: string;
  routes: readonly FeatureRoute[];
  /** Graphcache updates per Mutation field (lists the cache cannot update by itself). */
  updates?: Record<string, UpdateResolver>;
  /** Graphcache updates per Subscription field (what a live event changes in cached queries). */
  liveUpdates?: Record<string, UpdateResolver>;
}

export function defineFeature(feature: Feature): Feature {
  return feature;
}

/** A page component loaded in its own chunk: `lazyPage(() => import('./components/X.js'), 'X')`. */
export function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): ComponentType {
  return lazy<ComponentType>(() => load().then((m) => ({ default: m[name] })));
}

/** Refetch every cached Query field with one of these names (any arguments) after the mutation. */
export function refetchLists(...fields: string[]): UpdateResolver {
  return (_result, _args, cache) => {
    for (const f of cache.inspectFields('Query')) if (fields.includes(f.fieldName)) cache.invalidate('Query', f.fieldKey);
  };
}

/** One mapping of many parts; a key contributed twice is a mistake, not an override. */
export function mergeDisjoint<V>(what: string, parts: readonly Record<string, V>[]): Record<string, V> {
  const out: Record<string, V> = {};
  for (const part of parts) {
    for (const [k, v] of Object.entries(part)) {
      if (k in out) throw new Error(`${what} "${k}" is declared by two features`);
      out[k] = v;
    }
  }
  return out;
}

let homes: Partial<Record<Role, string>> = {};
/** The shell tells where each role lands (from the features' `homeOf`). */
export function setHomes(map: Partial<Record<Role, string>>): void {
  homes = map;
}
export function homeFor(role: Role): string {
  return homes[role] ?? '/';
}
