import { describe, expect, it } from 'vitest';
import { ALL_ITEM_TYPES, GSP_KINDS } from '@aleumet/core';
import { NOTIFY_LANGUAGES, TEMPLATES, astanaDate, render, smsAllowedAt, smsSegments, tenge } from '../src/index.js';

describe('texts', () => {
  it('every template fits two SMS segments in every language, with long values', () => {
    for (const language of NOTIFY_LANGUAGES) {
      // The item with the longest name in this language (items are named, not shown as codes).
      const longest = [...ALL_ITEM_TYPES, ...GSP_KINDS].reduce((a, b) => (b[language].length > a[language].length ? b : a));
      for (const template of TEMPLATES) {
        const r = render(template, language, { item: longest.code, deadline: '2026-12-31T20:00:00Z', number: '2026-000123', amount: 123_456_789, step: 'неисправность устранена', link: 'https://aleumet.kz/c' });
        // Named, not coded: in full in the title or body, in the SMS shortened if it must be to fit two segments.
        if (r.body.includes(longest[language]) || r.title.includes(longest[language])) expect(r.sms, template).toContain(longest[language].slice(0, 4));
        expect(r.sms + r.title + r.body).not.toContain(longest.code);
        expect(smsSegments(r.sms), `${language} ${template}: ${r.sms}`).toBeLessThanOrEqual(2);
        expect(r.sms).toContain('https://aleumet.kz/c');
        expect(r.html).toContain('href="https://aleumet.kz/c"');
      }
    }
  });

  it('dates are Astana calendar dates, amounts are tenge', () => {
    // 20:00 UTC on 31 December is already 1 January in Astana.
    expect(astanaDate('2026-12-31T20:00:00Z')).toBe('01.01.2027');
    expect(tenge(1_234_500)).toBe('12 345 ₸');
    expect(tenge(1_234_550)).toBe('12 345,50 ₸');
    expect(render('MEASURE_PUBLISHED', 'ru', { item: 'S1', deadline: '2026-12-31T20:00:00Z', link: 'L' }).sms).toBe('Aleumet: доступна мера S1. Выберите поставщика до 01.01.2027: L');
    expect(render('MEASURE_PUBLISHED', 'kk', { item: 'S1', deadline: '2026-12-31T20:00:00Z', link: 'L' }).sms).toContain('01.01.2027 дейін');
    // An item type or a GSP kind is named in the person's language.
    expect(render('MEASURE_PUBLISHED', 'ru', { item: 'S4-PROS-HAND', deadline: '2026-12-31T20:00:00Z', link: 'L' }).sms).toBe('Aleumet: доступна мера Протез кисти. Выберите поставщика до 01.01.2027: L');
    expect(render('GSP_ASSIGNED', 'kk', { item: 'FOOD_SET', link: 'L' }).title).toBe('Кепілдік берілген әлеуметтік пакет: Азық-түлік жиынтығы');
  });

  it('segments: Cyrillic counts 70 then 67, Latin 160 then 153', () => {
    expect(smsSegments('а'.repeat(70))).toBe(1);
    expect(smsSegments('а'.repeat(71))).toBe(2);
    expect(smsSegments('а'.repeat(135))).toBe(3);
    expect(smsSegments('a'.repeat(160))).toBe(1);
  });

  it('no SMS from 22:00 to 08:00 Astana unless urgent', () => {
    const day = new Date('2026-06-10T10:00:00Z'); // 15:00 in Astana (UTC+5)
    expect(smsAllowedAt(day, false)).toEqual(day);
    const late = new Date('2026-06-10T18:30:00Z'); // 23:30 Astana
    expect(smsAllowedAt(late, false).toISOString()).toBe('2026-06-11T03:00:00.000Z');
    const early = new Date('2026-06-10T01:00:00Z'); // 06:00 Astana
    expect(smsAllowedAt(early, false).toISOString()).toBe('2026-06-10T03:00:00.000Z');
    expect(smsAllowedAt(late, true)).toEqual(late);
  });
});
