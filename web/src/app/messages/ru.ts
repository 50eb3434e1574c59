import { mergeDisjoint, type Messages } from '../../lib/feature.js';
import type { AllStrings } from './en.js';
import { ru as shell } from '../../locales/ru.js';
import { ru as catalog } from '../../features/catalog/strings/ru.js';
import { ru as cabinet } from '../../features/cabinet/strings/ru.js';
import { ru as representation } from '../../features/representation/strings/ru.js';
import { ru as orders } from '../../features/orders/strings/ru.js';
import { ru as support } from '../../features/support/strings/ru.js';
import { ru as supplier } from '../../features/supplier/strings/ru.js';
import { ru as department } from '../../features/department/strings/ru.js';
import { ru as admin } from '../../features/admin/strings/ru.js';
import { ru as webhooks } from '../../features/webhooks/strings/ru.js';
import { ru as portal } from '../../features/portal/strings/ru.js';
import { ru as auth } from '../../features/auth/strings/ru.js';
import { ru as onboarding } from '../../features/onboarding/strings/ru.js';
import { ru as notifications } from '../../features/notifications/strings/ru.js';

/** Everything the app says in Russian (a chunk of its own, see ./en.ts). */
export const ru = mergeDisjoint<string | Messages>('Message namespace', [shell, catalog, cabinet, representation, orders, support, supplier, department, admin, webhooks, portal, auth, onboarding, notifications]) as AllStrings;
