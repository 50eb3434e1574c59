import type { ServiceKind } from './reference.js';

export interface ItemTypeInfo { code: string; kind: ServiceKind; unit: 'PIECE' | 'PAIR' | 'HOUR' | 'DAY' | 'SET'; en: string; ru: string; kk: string }

type Row = [code: string, unit: ItemTypeInfo['unit'], en: string, ru: string, kk: string];
const rows = (kind: ServiceKind, list: Row[]): ItemTypeInfo[] =>
  list.map(([code, unit, en, ru, kk]) => ({ code, kind, unit, en, ru, kk }));

/** The three services and the 55 aid types (S4 prosthetic-orthopedic, S5 technical aids, S6 wheelchairs). */
export const ITEM_TYPES: ItemTypeInfo[] = [
  ...rows('S1', [['S1-ASSIST', 'HOUR', 'Personal assistant', 'Услуги индивидуального помощника', 'Жеке көмекші қызметі']]),
  ...rows('S2', [['S2-SIGN', 'HOUR', 'Sign-language specialist', 'Услуги специалиста жестового языка', 'Ымдау тілі маманының қызметі']]),
  ...rows('S3', [['S3-SANATORIUM', 'DAY', 'Sanatorium treatment', 'Санаторно-курортное лечение', 'Санаторий-курорттық емдеу']]),
  ...rows('S4', [
    ['S4-PROS-HAND', 'PIECE', 'Hand prosthesis', 'Протез кисти', 'Қол ұшының протезі'],
    ['S4-PROS-FOREARM', 'PIECE', 'Forearm prosthesis', 'Протез предплечья', 'Білек протезі'],
    ['S4-PROS-SHOULDER', 'PIECE', 'Shoulder prosthesis', 'Протез плеча', 'Иық протезі'],
    ['S4-PROS-FOOT', 'PIECE', 'Foot prosthesis', 'Протез стопы', 'Табан протезі'],
    ['S4-PROS-SHIN', 'PIECE', 'Shin prosthesis', 'Протез голени', 'Сирақ протезі'],
    ['S4-PROS-THIGH', 'PIECE', 'Thigh prosthesis', 'Протез бедра', 'Сан протезі'],
    ['S4-PROS-BREAST', 'PIECE', 'Breast prosthesis', 'Протез молочной железы', 'Сүт безі протезі'],
    ['S4-ORTH-SHOES', 'PAIR', 'Orthopedic shoes', 'Ортопедическая обувь', 'Ортопедиялық аяқ киім'],
    ['S4-ORTH-INSOLES', 'PAIR', 'Orthopedic insoles', 'Ортопедические стельки', 'Ортопедиялық ұлтандар'],
    ['S4-CORSET', 'PIECE', 'Corset', 'Корсет', 'Корсет'],
    ['S4-BANDAGE', 'PIECE', 'Bandage', 'Бандаж', 'Бандаж'],
    ['S4-ORTHOSIS-ARM', 'PIECE', 'Arm orthosis', 'Ортез на верхнюю конечность', 'Жоғарғы аяқ-қол ортезі'],
    ['S4-ORTHOSIS-LEG', 'PIECE', 'Leg orthosis', 'Ортез на нижнюю конечность', 'Төменгі аяқ-қол ортезі'],
    ['S4-HIP-SPLINT', 'PIECE', 'Hip splint', 'Тазобедренная шина', 'Жамбас шинасы'],
  ]),
  ...rows('S5', [
    ['S5-HEAR-BTE', 'PIECE', 'Behind-the-ear hearing aid', 'Заушный слуховой аппарат', 'Құлақ артындағы есту аппараты'],
    ['S5-HEAR-ITE', 'PIECE', 'In-the-ear hearing aid', 'Внутриушной слуховой аппарат', 'Құлақ ішіндегі есту аппараты'],
    ['S5-HEAR-POWER', 'PIECE', 'Power hearing aid', 'Слуховой аппарат сверхмощный', 'Аса қуатты есту аппараты'],
    ['S5-EARMOLD', 'PIECE', 'Custom earmold', 'Индивидуальный ушной вкладыш', 'Жеке құлақ қыстырмасы'],
    ['S5-TV-TELETEXT', 'PIECE', 'TV with teletext', 'Телевизор с телетекстом', 'Телемәтінді теледидар'],
    ['S5-TEXT-PHONE', 'PIECE', 'Text phone', 'Телефонное устройство с текстовым выходом', 'Мәтіндік шығысы бар телефон'],
    ['S5-LIGHT-SIGNAL', 'PIECE', 'Doorbell light signaller', 'Световой сигнализатор звонка', 'Қоңырауды жарықпен білдіргіш'],
    ['S5-VIBRO-ALARM', 'PIECE', 'Vibrating alarm clock', 'Вибрационный будильник', 'Дірілді оятқыш'],
    ['S5-TYPHLO-CANE', 'PIECE', 'White cane', 'Трость белая', 'Ақ таяқ'],
    ['S5-TYPHLO-WATCH', 'PIECE', 'Talking watch', 'Часы с речевым выходом', 'Сөйлейтін сағат'],
    ['S5-TYPHLO-THERMO', 'PIECE', 'Talking thermometer', 'Термометр с речевым выходом', 'Сөйлейтін термометр'],
    ['S5-TYPHLO-TONOMETER', 'PIECE', 'Talking blood-pressure monitor', 'Тонометр с речевым выходом', 'Сөйлейтін тонометр'],
    ['S5-TYPHLO-PLAYER', 'PIECE', 'Audiobook player', 'Плеер для воспроизведения звукозаписей', 'Аудиокітап ойнатқышы'],
    ['S5-TYPHLO-BRAILLE-SLATE', 'PIECE', 'Braille slate', 'Прибор для письма по Брайлю', 'Брайль жазу құралы'],
    ['S5-TYPHLO-MAGNIFIER', 'PIECE', 'Electronic magnifier', 'Электронный ручной видеоувеличитель', 'Электрондық үлкейткіш'],
    ['S5-TYPHLO-GLUCOMETER', 'PIECE', 'Talking glucometer', 'Глюкометр с речевым выходом', 'Сөйлейтін глюкометр'],
    ['S5-TYPHLO-PHONE', 'PIECE', 'Phone with voice output', 'Мобильный телефон с речевым выходом', 'Дауыс шығысы бар телефон'],
    ['S5-HYG-DIAPER-S', 'SET', 'Adult diapers, size S', 'Подгузники для взрослых, размер S', 'Ересектерге арналған жаялық, S'],
    ['S5-HYG-DIAPER-M', 'SET', 'Adult diapers, size M', 'Подгузники для взрослых, размер M', 'Ересектерге арналған жаялық, M'],
    ['S5-HYG-DIAPER-L', 'SET', 'Adult diapers, size L', 'Подгузники для взрослых, размер L', 'Ересектерге арналған жаялық, L'],
    ['S5-HYG-DIAPER-CHILD', 'SET', "Children's diapers", 'Подгузники детские', 'Балалар жаялығы'],
    ['S5-HYG-UROLOGY-BAG', 'SET', 'Urine bags', 'Мочеприемники', 'Несеп қабылдағыштар'],
    ['S5-HYG-OSTOMY-BAG', 'SET', 'Ostomy bags', 'Калоприемники', 'Нәжіс қабылдағыштар'],
    ['S5-HYG-ABSORB-SHEETS', 'SET', 'Absorbent sheets', 'Впитывающие простыни', 'Сіңіргіш жаймалар'],
    ['S5-HYG-CATHETERS', 'SET', 'Self-catheters', 'Катетеры для самокатетеризации', 'Өзіндік катетерлер'],
    ['S5-COMP-CRUTCHES', 'PAIR', 'Crutches', 'Костыли', 'Балдақтар'],
    ['S5-COMP-CANE', 'PIECE', 'Walking cane', 'Трость опорная', 'Тірек таяқ'],
    ['S5-COMP-WALKER', 'PIECE', 'Walker', 'Ходунки', 'Жүргізгіш'],
    ['S5-COMP-ROLLATOR', 'PIECE', 'Rollator', 'Роллатор', 'Роллатор'],
    ['S5-COMP-TOILET-CHAIR', 'PIECE', 'Toilet chair', 'Кресло-стул с санитарным оснащением', 'Санитарлық жабдықталған орындық'],
    ['S5-COMP-BATH-CHAIR', 'PIECE', 'Bath chair', 'Сиденье для ванны', 'Ванна орындығы'],
    ['S5-COMP-ANTIDECUBITUS-MATTRESS', 'PIECE', 'Anti-bedsore mattress', 'Противопролежневый матрац', 'Ойық жараға қарсы матрац'],
    ['S5-COMP-ANTIDECUBITUS-CUSHION', 'PIECE', 'Anti-bedsore cushion', 'Противопролежневая подушка', 'Ойық жараға қарсы жастық'],
    ['S5-COMP-STANDER', 'PIECE', 'Stander', 'Опора для стояния', 'Тұруға арналған тірек'],
    ['S5-COMP-REACHER', 'PIECE', 'Reacher grabber', 'Захват для удержания предметов', 'Заттарды ұстауға арналған қысқыш'],
    ['S5-COMP-BED', 'PIECE', 'Functional bed', 'Функциональная кровать', 'Функционалдық төсек'],
  ]),
  ...rows('S6', [
    ['S6-WC-MANUAL', 'PIECE', 'Manual wheelchair (basic)', 'Кресло-коляска с ручным приводом базовая', 'Қолмен жүретін арба (базалық)'],
    ['S6-WC-LEVER', 'PIECE', 'Lever-driven wheelchair', 'Кресло-коляска с рычажным приводом', 'Иінтіректі арба'],
    ['S6-WC-ACTIVE', 'PIECE', 'Active wheelchair', 'Кресло-коляска активного типа', 'Белсенді типтегі арба'],
    ['S6-WC-ELECTRIC', 'PIECE', 'Electric wheelchair', 'Кресло-коляска с электроприводом', 'Электр жетегі бар арба'],
    ['S6-WC-CHILD', 'PIECE', "Children's multifunctional wheelchair", 'Кресло-коляска для детей многофункциональная', 'Балаларға арналған көпфункциялы арба'],
  ]),
];

/**
 * Special social services (seeds 003 ¶8, 001: the first services on the portal), at home and in a day-stay
 * department, in hours. Kept apart from ITEM_TYPES, which an early migration inserts as it is.
 */
export const SPECIAL_SOCIAL_SERVICE_TYPES: ItemTypeInfo[] = rows('SSS', [
  ['SSS-HOME', 'HOUR', 'Special social services at home', 'Специальные социальные услуги на дому', 'Үйде көрсетілетін арнаулы әлеуметтік қызметтер'],
  ['SSS-DAY', 'HOUR', 'Special social services in a day-stay department', 'Специальные социальные услуги в отделении дневного пребывания', 'Күндізгі болу бөлімшесіндегі арнаулы әлеуметтік қызметтер'],
]);

/** Every item type: the services and aids of the standards, then the special social services. */
export const ALL_ITEM_TYPES: ItemTypeInfo[] = [...ITEM_TYPES, ...SPECIAL_SOCIAL_SERVICE_TYPES];

export const itemTypeByCode = new Map(ALL_ITEM_TYPES.map((t) => [t.code, t]));
