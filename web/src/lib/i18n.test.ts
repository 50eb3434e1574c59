// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { initI18n } from './i18n.js';

describe('translations with numbers', () => {
  it('counts in translated texts are numbers of the language (211,9 дня, not 211.9)', () => {
    initI18n({ kk: {}, ru: { d_one: '{{count}} день', d_few: '{{count}} дня', d_many: '{{count}} дней', d_other: '{{count}} дня' }, en: { d_one: '{{count}} day', d_other: '{{count}} days' } }, 'ru');
    expect(i18next.t('d', { count: 211.9 })).toBe('211,9 дня');
    expect(i18next.t('d', { count: 1234 })).toBe('1\u00a0234 дня');
    expect(i18next.t('d', { count: 211.9, lng: 'en' })).toBe('211.9 days');
  });
});
