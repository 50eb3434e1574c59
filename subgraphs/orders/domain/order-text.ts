import { itemTypeByCode } from '@aleumet/core';
import { registerEnumType } from 'type-graphql';

/** The language a signed order document is written in (the signer's choice among the portal's three). */
export enum DocumentLanguage { KK = 'KK', RU = 'RU', EN = 'EN' }
registerEnumType(DocumentLanguage, { name: 'Language', description: 'KK Kazakh (state language), RU Russian, EN English' });

const NBSP = '\u00a0';

/**
 * Tenge for a person, from integer tiyn, the same on every machine (no locale data involved):
 * kk/ru `423 360,00 ₸` (no-break space between groups and before the sign), en `₸423,360.00`.
 */
export function tengeText(tiyn: number, language: DocumentLanguage): string {
  const negative = tiyn < 0;
  const abs = Math.abs(tiyn);
  const whole = Math.trunc(abs / 100).toString();
  const cents = String(abs % 100).padStart(2, '0');
  const sign = negative ? '−' : '';
  if (language === DocumentLanguage.EN) return `${sign}₸${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
  return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP)},${cents}${NBSP}₸`;
}

export interface OrderTextInput {
  language: DocumentLanguage;
  itemTypeCode: string;
  quantity: number;
  offeringTitle: string;
  supplierName: string;
  handover: 'DELIVERY' | 'PICKUP' | null;
  delivery: { address: string; phone: string; window: string | null; comment: string | null } | null;
  price: number;
  guaranteedSum: number;
  statePart: number;
  coPayment: number;
  /** S3: the stay's first and last day. */
  stay?: { from: string; to: string } | null;
}

type Labels = {
  title: string; item: string; quantity: string; offering: string; supplier: string; handover: string; delivery: string; pickup: string;
  address: string; phone: string; window: string; comment: string; price: string; guaranteed: string; statePart: string; coPayment: string;
  /** The order and the application for reimbursement (order №458 form: the recipient orders and applies; the state part goes to the supplier). */
  application: string;
  /** S3 (seeds 004 ¶26). */
  stay: string; travel: string;
};

const LABELS: Record<DocumentLanguage, Labels> = {
  KK: {
    title: 'Тапсырыс және кепілдендірілген соманы өтеуге өтініш',
    item: 'Түрі', quantity: 'Саны', offering: 'Ұсыныс', supplier: 'Жеткізуші', handover: 'Алу тәсілі', delivery: 'жеткізу', pickup: 'өзі алып кету',
    address: 'Жеткізу мекенжайы', phone: 'Байланыс телефоны', window: 'Қолайлы уақыт', comment: 'Түсініктеме',
    price: 'Бағасы', guaranteed: 'Кепілдендірілген сома', statePart: 'Мемлекет төлейді', coPayment: 'Мен жеткізушіге төлеймін',
    stay: 'Санаторийде болу мерзімі', travel: 'Санаторийге дейін және кері жол жүру шығыстарын өзім төлеймін.',
    application: 'Оңалтудың жеке бағдарламасының іс-шарасы бойынша осы ұсынысқа тапсырыс беремін және мемлекет төлейтін бөлікті жеткізушіге өтеуді сұраймын; қосымша төлемді жеткізушіге өзім төлеймін.',
  },
  RU: {
    title: 'Заказ и заявление на возмещение гарантированной суммы',
    item: 'Вид', quantity: 'Количество', offering: 'Предложение', supplier: 'Поставщик', handover: 'Способ получения', delivery: 'доставка', pickup: 'самовывоз',
    address: 'Адрес доставки', phone: 'Контактный телефон', window: 'Удобное время', comment: 'Комментарий',
    price: 'Цена', guaranteed: 'Гарантированная сумма', statePart: 'Оплачивает государство', coPayment: 'Я доплачиваю поставщику',
    stay: 'Срок пребывания в санатории', travel: 'Проезд до санатория и обратно оплачиваю сам(а).',
    application: 'Заказываю это предложение по мероприятию индивидуальной программы реабилитации и прошу возместить поставщику часть, оплачиваемую государством; доплату я вношу поставщику сам(а).',
  },
  EN: {
    title: 'Order and application for reimbursement of the guaranteed sum',
    item: 'Type', quantity: 'Quantity', offering: 'Offering', supplier: 'Supplier', handover: 'Handover', delivery: 'delivery', pickup: 'pickup',
    address: 'Delivery address', phone: 'Contact phone', window: 'Preferred time', comment: 'Comment',
    price: 'Price', guaranteed: 'Guaranteed sum', statePart: 'The state pays', coPayment: 'I pay the supplier',
    stay: 'Stay at the sanatorium', travel: 'I pay the travel to the sanatorium and back myself.',
    application: 'I order this offering for my rehabilitation measure and apply for the reimbursement of the state part to the supplier; I pay the co-payment to the supplier.',
  },
};

/** The human-readable text of an order document: one `label: value` per line, in the signer's language; signed with the rest. */
export function orderText(o: OrderTextInput): string {
  const l = LABELS[o.language];
  const type = itemTypeByCode.get(o.itemTypeCode);
  const typeName = type ? type[o.language === DocumentLanguage.KK ? 'kk' : o.language === DocumentLanguage.RU ? 'ru' : 'en'] : o.itemTypeCode;
  const money = (v: number) => tengeText(v, o.language);
  const lines = [
    l.title,
    `${l.item}: ${typeName}`,
    `${l.quantity}: ${o.quantity}`,
    `${l.offering}: ${o.offeringTitle}`,
    `${l.supplier}: ${o.supplierName}`,
    ...(o.handover ? [`${l.handover}: ${o.handover === 'DELIVERY' ? l.delivery : l.pickup}`] : []),
    ...(o.delivery
      ? [
        `${l.address}: ${o.delivery.address}`,
        `${l.phone}: ${o.delivery.phone}`,
        ...(o.delivery.window ? [`${l.window}: ${o.delivery.window}`] : []),
        ...(o.delivery.comment ? [`${l.comment}: ${o.delivery.comment}`] : []),
      ]
      : []),
    ...(o.stay ? [`${l.stay}: ${o.stay.from} … ${o.stay.to}`, l.travel] : []),
    `${l.price}: ${money(o.price)}`,
    `${l.guaranteed}: ${money(o.guaranteedSum)}`,
    `${l.statePart}: ${money(o.statePart)}`,
    `${l.coPayment}: ${money(o.coPayment)}`,
    l.application,
  ];
  return lines.join('\n');
}
