import type { ReactNode } from 'react';
import { render } from '@testing-library/react';
import { CombinedError, Provider, type Client } from 'urql';
import { fromValue, never } from 'wonka';
import { changeLanguage, initI18n } from '../lib/i18n.js';
import type { Lang } from '../lib/format.js';
import { kk } from '../app/messages/kk.js';
import { ru } from '../app/messages/ru.js';
import { en } from '../app/messages/en.js';

/** A urql client that answers each operation by name from a table (no network); an entry may be a function of the variables. */
export function mockClient(responses: Record<string, unknown> = {}, onMutation?: (name: string, vars: unknown) => unknown): Client {
  const answer = (op: { query: { definitions: readonly { name?: { value: string } }[] }; variables: unknown }) => {
    const name = op.query.definitions.find((d) => d.name)?.name?.value ?? '';
    if (!(name in responses)) return never;
    const entry = typeof responses[name] === 'function' ? (responses[name] as (vars: unknown) => unknown)(op.variables) : responses[name];
    return fromValue({ operation: op, data: entry });
  };
  return {
    executeQuery: answer,
    // One-off reads (`client.query(...).toPromise()`), as the signing hooks make: the same table.
    query: (query: { definitions: readonly { name?: { value: string } }[] }, variables: unknown) => {
      const name = query.definitions.find((d) => d.name)?.name?.value ?? '';
      const entry = typeof responses[name] === 'function' ? (responses[name] as (vars: unknown) => unknown)(variables) : responses[name];
      return { toPromise: async () => ({ data: entry }) };
    },
    executeSubscription: () => never,
    executeMutation: (op: { query: { definitions: readonly { name?: { value: string } }[] }; variables: unknown }) => {
      const name = op.query.definitions.find((d) => d.name)?.name?.value ?? '';
      const result = onMutation?.(name, op.variables) ?? responses[name];
      // A refusal: answer with the error as the server would (its `extensions.code`, `field`).
      return fromValue(result instanceof CombinedError ? { operation: op, error: result } : { operation: op, data: result });
    },
  } as unknown as Client;
}

/** A GraphQL refusal for `mockClient`'s mutations: `refusal('BAD_USER_INPUT', { field: 'to' })`. */
export function refusal(code: string, extensions: Record<string, unknown> = {}): CombinedError {
  return new CombinedError({ graphQLErrors: [{ message: code, extensions: { code, ...extensions } }] });
}

export function renderWith(ui: ReactNode, opts: { client?: Client; lang?: Lang } = {}) {
  initI18n({ kk, ru, en }, opts.lang ?? 'en');
  void changeLanguage(opts.lang ?? 'en');
  return render(<Provider value={opts.client ?? mockClient()}>{ui}</Provider>);
}
