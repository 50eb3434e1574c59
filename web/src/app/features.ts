import { mergeDisjoint, setHomes, type FeatureRoute, type Messages, type Role } from '../lib/feature.js';
import type { Lang } from '../lib/format.js';
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

/** Every feature of the app, in navigation order. A new feature is one folder plus one line here and one in each `messages/<lang>.ts`. */
export const FEATURES = [catalog, cabinet, representation, orders, support, supplier, department, admin, webhooks, portal, auth, onboarding, notifications] as const;

export const ROUTES: readonly FeatureRoute[] = FEATURES.flatMap((f) => f.routes);
mergeDisjoint('Route', ROUTES.map((r) => ({ [r.path]: r })));

setHomes(Object.fromEntries(ROUTES.flatMap((r) => (r.homeOf ?? []).map((role) => [role, r.path]))) as Partial<Record<Role, string>>);

export const CACHE_UPDATES = mergeDisjoint('Cache update for', FEATURES.map((f) => f.updates ?? {}));
export const LIVE_UPDATES = mergeDisjoint('Live cache update for', FEATURES.map((f) => f.liveUpdates ?? {}));

/**
 * The translations of the whole app, one chunk per language (`./messages/<lang>.ts`: the shell's
 * namespaces plus each feature's): a reader downloads only the language they read, and another one
 * when they switch. The built index.html preloads the chosen language's chunk beside the main script.
 */
export const MESSAGES: Record<Lang, () => Promise<Messages>> = {
  kk: () => import('./messages/kk.js').then((m) => m.kk),
  ru: () => import('./messages/ru.js').then((m) => m.ru),
  en: () => import('./messages/en.js').then((m) => m.en),
};
