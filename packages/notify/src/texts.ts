import i18next, { type i18n } from 'i18next';
import { kzCalendar, localDate } from '@aleumet/calendar';
import { gspKindByCode, itemTypeByCode } from '@aleumet/core';

/** Languages of texts: kk and ru for people (003 ¶4: the portal works in both), en for staff who chose it. */
export type NotifyLanguage = 'kk' | 'ru' | 'en';
export const NOTIFY_LANGUAGES: readonly NotifyLanguage[] = ['kk', 'ru', 'en'];

/** What a notification is about; each has an SMS text, a title and a body in every language. */
export const TEMPLATES = [
  'MEASURE_PUBLISHED',
  'CHOICE_REMINDER',
  'MEASURE_BLOCKED',
  'CHOOSE_AGAIN',
  'MEASURE_FULFILLED',
  'MEASURE_CANCELLED',
  'ORDER_RECEIVED',
  'ORDER_ACCEPTED',
  'ORDER_REJECTED',
  'PAYMENT_MADE',
  'TICKET_UPDATE',
  'COMMAND_REFUSED',
  'COMPLAINT_ANSWERED',
  'ACT_RETURNED',
  'GSP_ASSIGNED',
  'GSP_BEING_PROVIDED',
  'GSP_PROVIDED',
  'GSP_STOPPED',
] as const;
export type NotificationTemplate = (typeof TEMPLATES)[number];

/**
 * Parameters of a text. Dates arrive as ISO instants and are shown as the Astana calendar date;
 * amounts arrive in tiyn and are shown in tenge. `item` is a short name (an item-type code or a
 * service name), `number` an order, ticket or payment order number, `step` a step's or an answer's
 * words, `link` the cabinet address.
 */
export interface TextParams {
  item?: string;
  deadline?: string;
  number?: string;
  amount?: number;
  step?: string;
  link: string;
}

type Entry = { sms: string; title: string; body: string };
type Resources = Record<NotificationTemplate, Entry>;

// SMS texts are kept within two UCS-2 segments (a test renders every one with long values).
const kk: Resources = {
  MEASURE_PUBLISHED: { sms: 'Aleumet: {{item}} шарасы қолжетімді. {{deadline}} дейін жеткізушіні таңдаңыз: {{link}}', title: 'Жаңа шара: {{item}}', body: 'Оңалту бағдарламаңыздың {{item}} шарасы порталда қолжетімді. Жеткізушіні {{deadline}} дейін таңдаңыз, әйтпесе шара жалпы кезекке оралады.' },
  CHOICE_REMINDER: { sms: 'Aleumet: еске салу — {{item}} үшін {{deadline}} дейін жеткізушіні таңдаңыз: {{link}}', title: 'Еске салу: {{item}}', body: '{{item}} үшін жеткізушіні {{deadline}} дейін таңдаңыз. Мерзім өтсе, шара жалпы кезекке оралады.' },
  MEASURE_BLOCKED: { sms: 'Aleumet: {{item}} үшін 2 айда жеткізуші таңдалмады, шара жалпы кезекке оралды: {{link}}', title: 'Шара бұғатталды: {{item}}', body: '2 ай ішінде жеткізуші таңдалмады, {{item}} шарасы жалпы кезекке оралды. Таңдауды порталда қайта қосуға болады.' },
  CHOOSE_AGAIN: { sms: 'Aleumet: {{item}} бойынша тапсырыс орындалмады. Жеткізушіні қайта таңдаңыз: {{link}}', title: 'Жеткізушіні қайта таңдаңыз: {{item}}', body: '{{item}} бойынша тапсырысыңыз орындалмады. Порталда жеткізушіні қайта таңдаңыз.' },
  MEASURE_FULFILLED: { sms: 'Aleumet: {{item}} берілді, шара орындалды: {{link}}', title: 'Шара орындалды: {{item}}', body: '{{item}} сізге берілді, шара орындалды.' },
  MEASURE_CANCELLED: { sms: 'Aleumet: {{item}} шарасы жабылды: {{link}}', title: 'Шара жабылды: {{item}}', body: '{{item}} шарасы жабылды.' },
  ORDER_RECEIVED: { sms: 'Aleumet: жаңа тапсырыс №{{number}} ({{item}}). Қабылдаңыз: {{link}}', title: 'Жаңа тапсырыс №{{number}}', body: '{{item}} бойынша жаңа тапсырыс №{{number}} келді. Оны қабылдаңыз немесе бас тартыңыз.' },
  ORDER_ACCEPTED: { sms: 'Aleumet: №{{number}} тапсырысыңызды ({{item}}) жеткізуші қабылдады: {{link}}', title: 'Тапсырыс қабылданды №{{number}}', body: '{{item}} бойынша №{{number}} тапсырысыңызды жеткізуші қабылдады.' },
  ORDER_REJECTED: { sms: 'Aleumet: №{{number}} тапсырыстан ({{item}}) жеткізуші бас тартты. Басқасын таңдаңыз: {{link}}', title: 'Тапсырыстан бас тартылды №{{number}}', body: 'Жеткізуші {{item}} бойынша №{{number}} тапсырыстан бас тартты. Басқа жеткізушіні таңдаңыз.' },
  PAYMENT_MADE: { sms: 'Aleumet: өтемақы төленді: {{amount}}, төлем тапсырмасы №{{number}}: {{link}}', title: 'Төлем: {{amount}}', body: 'Өтемақы өтінімі бойынша {{amount}} төленді (төлем тапсырмасы №{{number}}).' },
  TICKET_UPDATE: { sms: 'Aleumet: №{{number}} өтініш: {{step}}. {{link}}', title: '№{{number}} өтініш', body: '№{{number}} өтінішіңіз бойынша: {{step}}.' },
  COMMAND_REFUSED: { sms: 'Aleumet: №{{number}} ({{item}}) бойынша әрекет орындалмады, өзгеріс тоқтатылды. Бөлім хабардар: {{link}}', title: 'Әрекет орындалмады: №{{number}}', body: '№{{number}} ({{item}}) бойынша платформа қызметі байланысты әрекеттен бас тартты. Өзгеріс болдырылмады немесе белгіленді; жұмыспен қамту бөлімі хабардар және сізбен байланысады.' },
  COMPLAINT_ANSWERED: { sms: 'Aleumet: {{deadline}} шағымыңызға жауап берілді, ол жеке кабинетте: {{link}}', title: 'Шағымға жауап', body: '{{deadline}} шағымыңызға жауап: {{step}}' },
  ACT_RETURNED: { sms: 'Aleumet: {{item}} актісі қайтарылды, себебі жеке кабинетте: {{link}}', title: '{{item}} актісі қайтарылды', body: '{{item}} кезеңіндегі көрсетілген қызметтер актісі қайтарылды: {{step}}' },
  GSP_ASSIGNED: { sms: 'Aleumet: кепілдік берілген әлеуметтік пакет тағайындалды: {{item}}. {{link}}', title: 'Кепілдік берілген әлеуметтік пакет: {{item}}', body: '{{item}} тағайындалды. Көлемі, кезеңі және мәртебесі жеке кабинетте.' },
  GSP_BEING_PROVIDED: { sms: 'Aleumet: {{item}} беріле бастады. {{link}}', title: 'Беріліп жатыр: {{item}}', body: 'Кепілдік берілген әлеуметтік пакеттің {{item}} түрі беріле бастады.' },
  GSP_PROVIDED: { sms: 'Aleumet: {{item}} толық берілді. {{link}}', title: 'Берілді: {{item}}', body: 'Кепілдік берілген әлеуметтік пакеттің {{item}} түрі толық берілді.' },
  GSP_STOPPED: { sms: 'Aleumet: {{item}} беру тоқтатылды, себебі жеке кабинетте: {{link}}', title: 'Тоқтатылды: {{item}}', body: 'Кепілдік берілген әлеуметтік пакеттің {{item}} түрін беру тоқтатылды. {{step}}' },
};

const ru: Resources = {
  MEASURE_PUBLISHED: { sms: 'Aleumet: доступна мера {{item}}. Выберите поставщика до {{deadline}}: {{link}}', title: 'Новая мера: {{item}}', body: 'Мера {{item}} вашей программы реабилитации доступна на портале. Выберите поставщика до {{deadline}}, иначе мера вернётся в общую очередь.' },
  CHOICE_REMINDER: { sms: 'Aleumet: напоминаем — выберите поставщика {{item}} до {{deadline}}: {{link}}', title: 'Напоминание: {{item}}', body: 'Выберите поставщика для {{item}} до {{deadline}}. После этого срока мера вернётся в общую очередь.' },
  MEASURE_BLOCKED: { sms: 'Aleumet: поставщик {{item}} не выбран за 2 месяца, мера в общей очереди: {{link}}', title: 'Мера заблокирована: {{item}}', body: 'За 2 месяца поставщик не выбран, мера {{item}} вернулась в общую очередь. Выбор можно возобновить на портале.' },
  CHOOSE_AGAIN: { sms: 'Aleumet: заказ {{item}} не состоялся. Выберите поставщика снова: {{link}}', title: 'Выберите поставщика снова: {{item}}', body: 'Ваш заказ {{item}} не состоялся. Выберите поставщика снова на портале.' },
  MEASURE_FULFILLED: { sms: 'Aleumet: {{item}} передано, мера исполнена: {{link}}', title: 'Мера исполнена: {{item}}', body: '{{item}} передано вам, мера исполнена.' },
  MEASURE_CANCELLED: { sms: 'Aleumet: мера {{item}} закрыта: {{link}}', title: 'Мера закрыта: {{item}}', body: 'Мера {{item}} закрыта.' },
  ORDER_RECEIVED: { sms: 'Aleumet: новый заказ №{{number}} ({{item}}). Примите его: {{link}}', title: 'Новый заказ №{{number}}', body: 'Поступил новый заказ №{{number}} на {{item}}. Примите его или откажитесь.' },
  ORDER_ACCEPTED: { sms: 'Aleumet: поставщик принял ваш заказ №{{number}} ({{item}}): {{link}}', title: 'Заказ принят №{{number}}', body: 'Поставщик принял ваш заказ №{{number}} на {{item}}.' },
  ORDER_REJECTED: { sms: 'Aleumet: поставщик отказался от заказа №{{number}} ({{item}}). Выберите другого: {{link}}', title: 'Отказ по заказу №{{number}}', body: 'Поставщик отказался от заказа №{{number}} на {{item}}. Выберите другого поставщика.' },
  PAYMENT_MADE: { sms: 'Aleumet: возмещение оплачено: {{amount}}, платёжное поручение №{{number}}: {{link}}', title: 'Оплата: {{amount}}', body: 'По заявке на возмещение оплачено {{amount}} (платёжное поручение №{{number}}).' },
  TICKET_UPDATE: { sms: 'Aleumet: обращение №{{number}}: {{step}}. {{link}}', title: 'Обращение №{{number}}', body: 'По вашему обращению №{{number}}: {{step}}.' },
  COMMAND_REFUSED: { sms: 'Aleumet: по №{{number}} ({{item}}) действие не выполнено, изменение остановлено. Отдел в курсе: {{link}}', title: 'Действие не выполнено: №{{number}}', body: 'По №{{number}} ({{item}}) служба платформы отказала в связанном действии. Изменение отменено или отмечено; отдел занятости в курсе и свяжется с вами.' },
  COMPLAINT_ANSWERED: { sms: 'Aleumet: на вашу жалобу от {{deadline}} дан ответ, он в личном кабинете: {{link}}', title: 'Ответ на жалобу', body: 'Ответ на вашу жалобу от {{deadline}}: {{step}}' },
  ACT_RETURNED: { sms: 'Aleumet: акт за {{item}} возвращён, причина в личном кабинете: {{link}}', title: 'Акт за {{item}} возвращён', body: 'Акт оказанных услуг за {{item}} возвращён: {{step}}' },
  GSP_ASSIGNED: { sms: 'Aleumet: назначен гарантированный социальный пакет: {{item}}. {{link}}', title: 'Гарантированный социальный пакет: {{item}}', body: 'Назначено: {{item}}. Объём, период и статус — в личном кабинете.' },
  GSP_BEING_PROVIDED: { sms: 'Aleumet: начата выдача: {{item}}. {{link}}', title: 'Выдаётся: {{item}}', body: 'Начата выдача по гарантированному социальному пакету: {{item}}.' },
  GSP_PROVIDED: { sms: 'Aleumet: выдано полностью: {{item}}. {{link}}', title: 'Выдано: {{item}}', body: 'По гарантированному социальному пакету выдано полностью: {{item}}.' },
  GSP_STOPPED: { sms: 'Aleumet: выдача прекращена: {{item}}, причина в личном кабинете: {{link}}', title: 'Прекращено: {{item}}', body: 'Выдача по гарантированному социальному пакету прекращена: {{item}}. {{step}}' },
};

const en: Resources = {
  MEASURE_PUBLISHED: { sms: 'Aleumet: measure {{item}} is available. Choose a supplier by {{deadline}}: {{link}}', title: 'New measure: {{item}}', body: 'Measure {{item}} is available. Choose a supplier by {{deadline}}, otherwise it returns to the ordinary queue.' },
  CHOICE_REMINDER: { sms: 'Aleumet: reminder, choose a supplier for {{item}} by {{deadline}}: {{link}}', title: 'Reminder: {{item}}', body: 'Choose a supplier for {{item}} by {{deadline}}.' },
  MEASURE_BLOCKED: { sms: 'Aleumet: no supplier chosen for {{item}} in 2 months; back to the ordinary queue: {{link}}', title: 'Measure blocked: {{item}}', body: 'No supplier was chosen for {{item}} within 2 months; the measure returned to the ordinary queue.' },
  CHOOSE_AGAIN: { sms: 'Aleumet: the order for {{item}} did not go ahead. Choose a supplier again: {{link}}', title: 'Choose again: {{item}}', body: 'The order for {{item}} did not go ahead. Choose a supplier again.' },
  MEASURE_FULFILLED: { sms: 'Aleumet: {{item}} was handed over; the measure is fulfilled: {{link}}', title: 'Fulfilled: {{item}}', body: '{{item}} was handed over; the measure is fulfilled.' },
  MEASURE_CANCELLED: { sms: 'Aleumet: the measure {{item}} was closed: {{link}}', title: 'Closed: {{item}}', body: 'The measure {{item}} was closed.' },
  ORDER_RECEIVED: { sms: 'Aleumet: new order No. {{number}} ({{item}}). Accept it: {{link}}', title: 'New order No. {{number}}', body: 'A new order No. {{number}} for {{item}} arrived. Accept or reject it.' },
  ORDER_ACCEPTED: { sms: 'Aleumet: the supplier accepted order No. {{number}} ({{item}}): {{link}}', title: 'Order accepted No. {{number}}', body: 'The supplier accepted order No. {{number}} for {{item}}.' },
  ORDER_REJECTED: { sms: 'Aleumet: the supplier rejected order No. {{number}} ({{item}}): {{link}}', title: 'Order rejected No. {{number}}', body: 'The supplier rejected order No. {{number}} for {{item}}. Choose another supplier.' },
  PAYMENT_MADE: { sms: 'Aleumet: reimbursement paid: {{amount}}, payment order No. {{number}}: {{link}}', title: 'Payment: {{amount}}', body: 'The reimbursement claim was paid: {{amount}} (payment order No. {{number}}).' },
  TICKET_UPDATE: { sms: 'Aleumet: request No. {{number}}: {{step}}. {{link}}', title: 'Request No. {{number}}', body: 'Your request No. {{number}}: {{step}}.' },
  COMMAND_REFUSED: { sms: 'Aleumet: No. {{number}} ({{item}}): a step was refused, the change is stopped. The department knows: {{link}}', title: 'Step refused: No. {{number}}', body: 'A platform service refused a step of No. {{number}} ({{item}}). The change was undone or flagged; the employment department knows and will contact you.' },
  COMPLAINT_ANSWERED: { sms: 'Aleumet: your complaint of {{deadline}} was answered; see your cabinet: {{link}}', title: 'Answer to your complaint', body: 'The answer to your complaint of {{deadline}}: {{step}}' },
  ACT_RETURNED: { sms: 'Aleumet: the act for {{item}} was returned; the reason is in your cabinet: {{link}}', title: 'Act for {{item}} returned', body: 'The act of services rendered for {{item}} was returned: {{step}}' },
  GSP_ASSIGNED: { sms: 'Aleumet: guaranteed social package assigned: {{item}}. {{link}}', title: 'Guaranteed social package: {{item}}', body: 'Assigned: {{item}}. The volume, period and status are in your cabinet.' },
  GSP_BEING_PROVIDED: { sms: 'Aleumet: now being provided: {{item}}. {{link}}', title: 'Being provided: {{item}}', body: 'Your guaranteed social package is being provided: {{item}}.' },
  GSP_PROVIDED: { sms: 'Aleumet: provided in full: {{item}}. {{link}}', title: 'Provided: {{item}}', body: 'Your guaranteed social package was provided in full: {{item}}.' },
  GSP_STOPPED: { sms: 'Aleumet: stopped: {{item}}; the reason is in your cabinet: {{link}}', title: 'Stopped: {{item}}', body: 'Providing your guaranteed social package was stopped: {{item}}. {{step}}' },
};

let instance: i18n | undefined;
function texts(): i18n {
  if (instance) return instance;
  const i = i18next.createInstance();
  void i.init({
    resources: { kk: { notify: kk }, ru: { notify: ru }, en: { notify: en } },
    ns: ['notify'],
    defaultNS: 'notify',
    fallbackLng: 'ru',
    initAsync: false,
    // Plain text: the HTML part escapes on its own (see `renderHtml`).
    interpolation: { escapeValue: false },
  });
  instance = i;
  return i;
}

const DATE_LOCALE: Record<NotifyLanguage, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };

/** A date as people in Kazakhstan read it: the Astana calendar date (dd.mm.yyyy), never the UTC one. */
export function astanaDate(iso: string | Date): string {
  const [y, m, d] = localDate(new Date(iso)).split('-');
  return `${d}.${m}.${y}`;
}

/** Tiyn as tenge: `12 345 ₸`, with tiyn only when there are any (`12 345,50 ₸`). */
export function tenge(tiyn: number, language: NotifyLanguage = 'ru'): string {
  const whole = tiyn % 100 === 0;
  const n = new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'ru-RU', { minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: 2 }).format(tiyn / 100);
  return `${n.replace(/\u00a0|\u202f/g, ' ')} ₸`;
}

/** Time of day in Astana for texts (HH:MM). */
export function astanaTime(at: Date, language: NotifyLanguage): string {
  return new Intl.DateTimeFormat(DATE_LOCALE[language], { timeZone: kzCalendar.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
}

export interface RenderedText {
  sms: string;
  title: string;
  body: string;
  /** The e-mail's parts. */
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** An item type's or a GSP kind's name in the language (a person reads «Протез кисти», not S4-PROS-HAND); other values as given. */
function itemName(code: string, language: NotifyLanguage): string {
  const named = itemTypeByCode.get(code) ?? gspKindByCode.get(code);
  return named ? named[language] : code;
}

/** One notification's texts in a language: SMS, in-app title and body, e-mail subject, text and HTML. */
export function render(template: NotificationTemplate, language: NotifyLanguage, params: TextParams): RenderedText {
  const t = texts().getFixedT(language, 'notify');
  const values = {
    item: params.item ? itemName(params.item, language) : '',
    number: params.number ?? '',
    step: params.step ?? '',
    link: params.link,
    deadline: params.deadline ? astanaDate(params.deadline) : '',
    amount: params.amount !== undefined ? tenge(params.amount, language) : '',
  };
  const sms = smsText(t(`${template}.sms`, values), (item) => t(`${template}.sms`, { ...values, item }), values.item);
  const title = t(`${template}.title`, values);
  const body = t(`${template}.body`, values);
  return { sms, title, body, ...emailParts(language, title, body, params.link) };
}

/** An e-mail from a notification's title and body: subject, text and HTML with the cabinet link. */
export function emailParts(language: NotifyLanguage, title: string, body: string, link: string): { subject: string; text: string; html: string } {
  const footer = { kk: 'Жеке кабинет', ru: 'Личный кабинет', en: 'Your cabinet' }[language];
  return {
    subject: `Aleumet: ${title}`,
    text: `${body}\n\n${footer}: ${link}\n`,
    html: `<!doctype html><html lang="${language}"><body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(body)}</p><p><a href="${escapeHtml(link)}">${escapeHtml(footer)}</a></p><p>Aleumet</p></body></html>`,
  };
}

const GSM7 = /^[A-Za-z0-9 @£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ!"#¤%&'()*+,\-./:;<=>?¡ÄÖÑÜ§¿äöñüà^{}\\[~\]|€]*$/;

/** Two segments: 2 × 153 GSM-7 characters, 2 × 67 UCS-2 (Cyrillic). */
const twoSegments = (text: string) => (GSM7.test(text) ? 306 : 134);

/** An SMS within two segments: a long item name is shortened (with …) to fit; the in-app and e-mail texts keep it whole. */
function smsText(sms: string, withItem: (item: string) => string, item: string): string {
  const over = [...sms].length - twoSegments(sms);
  if (over <= 0 || !item) return sms;
  const chars = [...item];
  return withItem(`${chars.slice(0, Math.max(4, chars.length - over - 1)).join('').trimEnd()}…`);
}

/** How many SMS segments a text takes: GSM-7 160/153 characters, otherwise UCS-2 70/67 (Cyrillic). */
export function smsSegments(text: string): number {
  const gsm = GSM7.test(text);
  const single = gsm ? 160 : 70;
  const part = gsm ? 153 : 67;
  const length = [...text].length;
  return length <= single ? 1 : Math.ceil(length / part);
}
