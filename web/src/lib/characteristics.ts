import type { TFunction } from 'i18next';
import type { en } from '../locales/en.js';

/**
 * Characteristic names the app translates (the rest are shown as the supplier wrote them). A record of
 * the translated names, so the compiler keeps it equal to `characteristics.*` without bundling a language.
 */
const TRANSLATED: Record<keyof (typeof en)['characteristics'], true> = { seatWidthCm: true, maxLoadKg: true, warrantyMonths: true };
const KNOWN = Object.keys(TRANSLATED);

/** "Name: value" lines, names in the reader's language where the app knows them. */
export function characteristicsText(values: Record<string, unknown> | null | undefined, t: TFunction): string {
  return Object.entries(values ?? {})
    .map(([k, v]) => `${t(`characteristics.${k}`, k)}: ${String(v)}`)
    .join('\n');
}

/**
 * Parses "Name: value" lines back to { key: value }: a name the app translates (in the current
 * language, or its key) becomes its key. Returns the line number of the first bad line instead.
 */
export function parseCharacteristics(text: string, t: TFunction): { values: Record<string, string> } | { badLine: number } {
  const byLabel = new Map(KNOWN.flatMap((k) => [[t(`characteristics.${k}`).toLowerCase(), k] as const, [k.toLowerCase(), k] as const]));
  const values: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    const at = line.indexOf(':');
    const name = at > 0 ? line.slice(0, at).trim() : '';
    const value = at > 0 ? line.slice(at + 1).trim() : '';
    if (!name || !value || name.length > 60 || value.length > 200) return { badLine: i + 1 };
    values[byLabel.get(name.toLowerCase()) ?? name] = value;
  }
  return { values };
}
