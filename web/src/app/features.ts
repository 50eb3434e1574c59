import { mergeDisjoint, setHomes, type FeatureRoute, type Messages, type Role } from '../lib/feature.js';
import { kk as kkShared } from '../locales/kk.js';
import { ru as ruShared } from '../locales/ru.js';
import { en as enShared } from '../locales/en.js';
import { catalog } from '../features/catalog/index.js';
import { cabinet } from '../features/cabinet/index.js';
import { orders } from '../features/orders/index.js';
import { support } from '../features/support/index.js';
import { supplier } from '../features/supplier/index.js';
import { department } from '../features/department/index.js';
import { admin } from '../features/admin/index.js';
import { portal } from '../features/portal/index.js';
import { auth } from '../features/auth/index.js';
import { onboarding } from '../features/onboarding/index.js';
import { representation } from '../features/representation/index.js';
import { webhooks } from '../features/webhooks/index.js';
import { notifications } from '../features/notifications/index.js';

/** Every feature of the app, in navigation order. A new feature is one folder plus one line here. */
export const FEATURES = [catalog, cabinet, representation, orders, support, supplier, department, admin, webhooks, portal, auth, onboarding, notifications] as const;

export const ROUTES: readonly FeatureRoute[] = FEATURES.flatMap((f) => f.routes);
mergeDisjoint('Route', ROUTES.map((r) => ({ [r.path]: r })));

setHomes(Object.fromEntries(ROUTES.flatMap((r) => (r.homeOf ?? []).map((role) => [role, r.path]))) as Partial<Record<Role, string>>);

export const CACHE_UPDATES = mergeDisjoint('Cache update for', FEATURES.map((f) => f.updates ?? {}));
export const LIVE_UPDATES = mergeDisjoint('Live cache update for', FEATURES.map((f) => f.liveUpdates ?? {}));

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
type AllStrings = typeof enShared & UnionToIntersection<(typeof FEATURES)[number]['strings']['en']>;

function translations(shared: Messages, lang: 'kk' | 'ru' | 'en'): AllStrings {
  return mergeDisjoint('Message namespace', [shared, ...FEATURES.map((f) => f.strings[lang])]) as AllStrings;
}

/** The translations of the whole app: the shell's own namespaces plus each feature's. */
export const kk = translations(kkShared, 'kk');
export const ru = translations(ruShared, 'ru');
export const en = translations(enShared, 'en');
export const MESSAGES = { kk, ru, en };
