import { mergeDisjoint, type Messages } from '../../lib/feature.js';
import type { AllStrings } from './en.js';
import { kk as shell } from '../../locales/kk.js';
import { kk as catalog } from '../../features/catalog/strings/kk.js';
import { kk as cabinet } from '../../features/cabinet/strings/kk.js';
import { kk as representation } from '../../features/representation/strings/kk.js';
import { kk as orders } from '../../features/orders/strings/kk.js';
import { kk as support } from '../../features/support/strings/kk.js';
import { kk as supplier } from '../../features/supplier/strings/kk.js';
import { kk as department } from '../../features/department/strings/kk.js';
import { kk as admin } from '../../features/admin/strings/kk.js';
import { kk as webhooks } from '../../features/webhooks/strings/kk.js';
import { kk as portal } from '../../features/portal/strings/kk.js';
import { kk as auth } from '../../features/auth/strings/kk.js';
import { kk as onboarding } from '../../features/onboarding/strings/kk.js';
import { kk as notifications } from '../../features/notifications/strings/kk.js';

/** Everything the app says in Kazakh (a chunk of its own, see ./en.ts). */
export const kk = mergeDisjoint<string | Messages>('Message namespace', [shell, catalog, cabinet, representation, orders, support, supplier, department, admin, webhooks, portal, auth, onboarding, notifications]) as AllStrings;
