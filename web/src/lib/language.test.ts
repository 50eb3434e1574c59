// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { languageScript } from '../../build/route-preload.js';
import { LANGS } from './format.js';
import { LANGUAGE_KEY, initialLanguage } from './language.js';

/** The chunks index.html's script asks for, run with a remembered choice and a browser language. */
function preloaded(saved: string | null, browser: string): string[] {
  const links: { href: string }[] = [];
  const map = Object.fromEntries(LANGS.map((l) => [l, [`/assets/${l}.js`]]));
  new Function('localStorage', 'navigator', 'document', languageScript(map))(
    { getItem: (k: string) => (k === LANGUAGE_KEY ? saved : null) },
    { language: browser },
    { createElement: () => ({}), head: { appendChild: (l: { href: string }) => links.push(l) } },
  );
  return links.map((l) => l.href);
}

describe('the language index.html preloads', () => {
  afterEach(() => {
    localStorage.clear();
    vi.unstubAllGlobals();
  });

  it('is the language the app then chooses', () => {
    for (const saved of [null, 'kk', 'ru', 'en', 'de', '', 'constructor']) {
      for (const browser of ['kk-KZ', 'ru-RU', 'en-GB', 'de-DE', '', 'toString']) {
        if (saved === null) localStorage.removeItem(LANGUAGE_KEY);
        else localStorage.setItem(LANGUAGE_KEY, saved);
        vi.stubGlobal('navigator', { language: browser });
        expect(preloaded(saved, browser), `remembered ${saved}, browser ${browser}`).toEqual([`/assets/${initialLanguage()}.js`]);
      }
    }
  });
});
