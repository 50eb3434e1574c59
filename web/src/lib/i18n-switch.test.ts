// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { changeLanguage, initI18n } from './i18n.js';
import type { Lang } from './format.js';
import type { Messages } from './feature.js';

describe('switching the language', () => {
  it('loads the other language first, keeps the current one meanwhile, and the last choice wins', async () => {
    const pending = new Map<Lang, (m: Messages) => void>();
    initI18n({ kk: { hello: 'Сәлем' } }, 'kk', (lang) => new Promise((resolve) => pending.set(lang, resolve)));
    expect(i18next.t('hello')).toBe('Сәлем');

    const toRu = changeLanguage('ru');
    await Promise.resolve();
    // Not loaded yet: still Kazakh, never the key.
    expect(i18next.language).toBe('kk');
    expect(i18next.t('hello')).toBe('Сәлем');
    expect(document.documentElement.lang).toBe('kk');
    pending.get('ru')!({ hello: 'Привет' });
    await toRu;
    expect(i18next.t('hello')).toBe('Привет');
    expect(document.documentElement.lang).toBe('ru');
    expect(localStorage.getItem('aleumet.lang')).toBe('ru');

    // English asked for, then Kazakh (already here) before English arrived: Kazakh stays.
    const toEn = changeLanguage('en');
    await changeLanguage('kk');
    pending.get('en')!({ hello: 'Hello' });
    await toEn;
    expect(i18next.language).toBe('kk');
    expect(i18next.t('hello')).toBe('Сәлем');
    // English is kept: choosing it again switches without another download.
    pending.clear();
    await changeLanguage('en');
    expect(pending.size).toBe(0);
    expect(i18next.t('hello')).toBe('Hello');
  });
});
