import { describe, expect, it } from 'vitest';
import { CombinedError } from 'urql';
import { GraphQLError } from 'graphql';
import i18next from 'i18next';
import { humanError, errorCode } from './errors.js';
import { en } from '../locales/en.js';
import { ru } from '../locales/ru.js';

describe('GraphQL errors become human messages by extensions.code', () => {
  it('maps known codes, unknown codes and network failures', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ lng: 'en', resources: { en: { translation: en }, ru: { translation: ru } } });
    const t = i18n.t.bind(i18n);
    const conflict = new CombinedError({ graphQLErrors: [new GraphQLError('Order version 3 is stale', { extensions: { code: 'CONFLICT' } })] });
    expect(errorCode(conflict)).toBe('CONFLICT');
    expect(humanError(conflict, t)).toBe(en.errors.CONFLICT);
    const odd = new CombinedError({ graphQLErrors: [new GraphQLError('x', { extensions: { code: 'SOMETHING_NEW' } })] });
    expect(humanError(odd, t)).toBe(en.errors.UNKNOWN);
    const masked = new CombinedError({ graphQLErrors: [new GraphQLError('Internal', { extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId: 'abc-1' } })] });
    expect(humanError(masked, t)).toContain('abc-1');
    const network = new CombinedError({ networkError: new Error('fetch failed') });
    expect(humanError(network, t)).toBe(en.errors.NETWORK);
    await i18n.changeLanguage('ru');
    expect(humanError(conflict, i18n.t.bind(i18n))).toBe(ru.errors.CONFLICT);
  });
});
