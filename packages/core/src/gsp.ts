/**
 * The guaranteed social package (GSP; kk «кепілдік берілген әлеуметтік пакет», МӘЖ; ru «гарантированный
 * социальный пакет», ГСП). The seeds say only that its recipients are participants of the portal and see
 * in their cabinet "the types and volumes of the GSP and the statuses of their implementation" (002 ¶1,
 * the Rules' ¶2 subparagraph 10) and ¶7). The kinds below are not from the seeds: they are the kinds of
 * support the Law of the Republic of Kazakhstan "On state targeted social assistance" names for children
 * of families receiving that assistance (a food set and a hygiene set each month for children aged 1–6;
 * free school meals, school uniform and supplies, and public-transport travel for schoolchildren).
 */
export type GspKindCode = 'FOOD_SET' | 'HYGIENE_SET' | 'SCHOOL_MEALS' | 'SCHOOL_UNIFORM' | 'SCHOOL_SUPPLIES' | 'PUBLIC_TRANSPORT';
/** How a volume is counted: sets each month, meals each school day, sets once for the period, months of travel. */
export type GspUnitCode = 'SETS_PER_MONTH' | 'MEALS_PER_SCHOOL_DAY' | 'SETS' | 'MONTHS';

export interface GspKindInfo { code: GspKindCode; unit: GspUnitCode; kk: string; ru: string; en: string }

export const GSP_KINDS: readonly GspKindInfo[] = [
  { code: 'FOOD_SET', unit: 'SETS_PER_MONTH', kk: 'Азық-түлік жиынтығы', ru: 'Продуктовый набор', en: 'Food set' },
  { code: 'HYGIENE_SET', unit: 'SETS_PER_MONTH', kk: 'Гигиеналық құралдар жиынтығы', ru: 'Набор гигиенических средств', en: 'Hygiene set' },
  { code: 'SCHOOL_MEALS', unit: 'MEALS_PER_SCHOOL_DAY', kk: 'Мектепте тегін тамақтану', ru: 'Бесплатное питание в школе', en: 'Free school meals' },
  { code: 'SCHOOL_UNIFORM', unit: 'SETS', kk: 'Мектеп формасы', ru: 'Школьная форма', en: 'School uniform' },
  { code: 'SCHOOL_SUPPLIES', unit: 'SETS', kk: 'Оқу құралдары', ru: 'Школьные принадлежности', en: 'School supplies' },
  { code: 'PUBLIC_TRANSPORT', unit: 'MONTHS', kk: 'Қоғамдық көлікте жол жүру', ru: 'Проезд в общественном транспорте', en: 'Public-transport travel' },
];

export const gspKindByCode = new Map<string, GspKindInfo>(GSP_KINDS.map((k) => [k.code, k]));

/** Implementation statuses: assigned, being provided (sets month by month, meals, travel), provided in full, stopped. */
export type GspStatusCode = 'ASSIGNED' | 'BEING_PROVIDED' | 'PROVIDED' | 'STOPPED';

/** Legal status changes; the same status again is no change (a retried call). Everything else is INVALID_TRANSITION. */
export const GSP_TRANSITIONS: Record<GspStatusCode, readonly GspStatusCode[]> = {
  ASSIGNED: ['BEING_PROVIDED', 'PROVIDED', 'STOPPED'],
  BEING_PROVIDED: ['PROVIDED', 'STOPPED'],
  PROVIDED: [],
  STOPPED: [],
};
