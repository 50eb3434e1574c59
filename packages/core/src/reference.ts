/** Reference data shared by every subgraph: the regions and the kinds of measure. */
export const ServiceKind = {
  S1: 'S1', // personal assistant
  S2: 'S2', // sign-language specialist
  S3: 'S3', // sanatorium treatment
  S4: 'S4', // prosthetic-orthopedic aid
  S5: 'S5', // technical aids
  S6: 'S6', // wheelchairs
  // Special social services for persons who cannot care for themselves because of old age or disability (seeds 003 ¶7,
  // ¶8, ¶13; 001: the first services on the portal). Rendered over time like S1/S2: journal, monthly acts.
  SSS: 'SSS',
} as const;
export type ServiceKind = (typeof ServiceKind)[keyof typeof ServiceKind];

export interface RegionInfo { code: string; kk: string; ru: string; en: string }

/** 17 oblasts and 3 cities of republican significance (ISO 3166-2:KZ codes). */
export const REGIONS: RegionInfo[] = [
  { code: 'KZ-10', kk: 'Абай облысы', ru: 'Абайская область', en: 'Abai Region' },
  { code: 'KZ-11', kk: 'Ақмола облысы', ru: 'Акмолинская область', en: 'Akmola Region' },
  { code: 'KZ-15', kk: 'Ақтөбе облысы', ru: 'Актюбинская область', en: 'Aktobe Region' },
  { code: 'KZ-19', kk: 'Алматы облысы', ru: 'Алматинская область', en: 'Almaty Region' },
  { code: 'KZ-23', kk: 'Атырау облысы', ru: 'Атырауская область', en: 'Atyrau Region' },
  { code: 'KZ-27', kk: 'Батыс Қазақстан облысы', ru: 'Западно-Казахстанская область', en: 'West Kazakhstan Region' },
  { code: 'KZ-31', kk: 'Жамбыл облысы', ru: 'Жамбылская область', en: 'Jambyl Region' },
  { code: 'KZ-33', kk: 'Жетісу облысы', ru: 'Область Жетысу', en: 'Jetisu Region' },
  { code: 'KZ-35', kk: 'Қарағанды облысы', ru: 'Карагандинская область', en: 'Karaganda Region' },
  { code: 'KZ-39', kk: 'Қостанай облысы', ru: 'Костанайская область', en: 'Kostanay Region' },
  { code: 'KZ-43', kk: 'Қызылорда облысы', ru: 'Кызылординская область', en: 'Kyzylorda Region' },
  { code: 'KZ-47', kk: 'Маңғыстау облысы', ru: 'Мангистауская область', en: 'Mangystau Region' },
  { code: 'KZ-55', kk: 'Павлодар облысы', ru: 'Павлодарская область', en: 'Pavlodar Region' },
  { code: 'KZ-59', kk: 'Солтүстік Қазақстан облысы', ru: 'Северо-Казахстанская область', en: 'North Kazakhstan Region' },
  { code: 'KZ-61', kk: 'Түркістан облысы', ru: 'Туркестанская область', en: 'Turkistan Region' },
  { code: 'KZ-62', kk: 'Ұлытау облысы', ru: 'Область Улытау', en: 'Ulytau Region' },
  { code: 'KZ-63', kk: 'Шығыс Қазақстан облысы', ru: 'Восточно-Казахстанская область', en: 'East Kazakhstan Region' },
  { code: 'KZ-71', kk: 'Астана қаласы', ru: 'город Астана', en: 'Astana' },
  { code: 'KZ-75', kk: 'Алматы қаласы', ru: 'город Алматы', en: 'Almaty' },
  { code: 'KZ-79', kk: 'Шымкент қаласы', ru: 'город Шымкент', en: 'Shymkent' },
];

export const isRegionCode = (code: string) => REGIONS.some((r) => r.code === code);
