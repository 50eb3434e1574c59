import { describe, expect, it } from 'vitest';
import { en } from '../app/messages/en.js';
import { kk } from '../app/messages/kk.js';
import { ru } from '../app/messages/ru.js';

/** Every key path, with plural suffixes (_one, _few, …) folded into their base key. */
function keys(obj: Record<string, unknown>, prefix = ''): Set<string> {
  const out = new Set<string>();
  for (const [k, v] of Object.entries(obj)) {
    const path = `${prefix}${k.replace(/_(zero|one|two|few|many|other)$/, '')}`;
    if (v && typeof v === 'object') for (const x of keys(v as Record<string, unknown>, `${path}.`)) out.add(x);
    else out.add(path);
  }
  return out;
}

describe('translations', () => {
  it('kk, ru and en have the same messages', () => {
    const reference = [...keys(en)].sort();
    expect([...keys(kk)].sort()).toEqual(reference);
    expect([...keys(ru)].sort()).toEqual(reference);
  });

  it('every error code the client maps has a message in each language', () => {
    for (const lang of [kk, ru, en]) {
      for (const code of ['NETWORK', 'BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'INVALID_TRANSITION', 'INVALID_SIGNATURE', 'NOT_IN_REGISTRY', 'REGISTRY_UNAVAILABLE', 'UNKNOWN']) {
        expect((lang.errors as Record<string, string>)[code]).toBeTruthy();
      }
    }
  });

  it('every feature’s strings of each language are in that language’s translations', () => {
    const files = import.meta.glob<Record<string, Record<string, unknown>>>('../features/*/strings/{kk,ru,en}.ts', { eager: true });
    const merged: Record<string, Record<string, unknown>> = { kk, ru, en };
    expect(Object.keys(files).length).toBeGreaterThan(30);
    for (const [file, module] of Object.entries(files)) {
      const lang = /(kk|ru|en)\.ts$/.exec(file)![1]!;
      const own = module[lang]!;
      expect(Object.keys(own).length, file).toBeGreaterThan(0);
      for (const [namespace, messages] of Object.entries(own)) expect(merged[lang]![namespace], `${file}: ${namespace}`).toBe(messages);
    }
  });
});
