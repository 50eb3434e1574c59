import { mergeDisjoint, type Messages } from '../../lib/feature.js';
import { en as shell } from '../../locales/en.js';
import { en as catalog } from '../../features/catalog/strings/en.js';
import { en as cabinet } from '../../features/cabinet/strings/en.js';
import { en as representation } from '../../features/representation/strings/en.js';
import { en as orders } from '../../features/orders/strings/en.js';
import { en as support } from '../../features/support/strings/en.js';
import { en as supplier } from '../../features/supplier/strings/en.js';
import { en as department } from '../../features/department/strings/en.js';
import { en as admin } from '../../features/admin/strings/en.js';
import { en as webhooks } from '../../features/webhooks/strings/en.js';
import { en as portal } from '../../features/portal/strings/en.js';
import { en as auth } from '../../features/auth/strings/en.js';
import { en as onboarding } from '../../features/onboarding/strings/en.js';
import { en as notifications } from '../../features/notifications/strings/en.js';

const parts = [shell, catalog, cabinet, representation, orders, support, supplier, department, admin, webhooks, portal, auth, onboarding, notifications] as const;

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
/** Every message of the app, as the reference language has it. */
export type AllStrings = UnionToIntersection<(typeof parts)[number]>;

/**
 * Everything the app says in English: the shell's namespaces plus each feature's (a namespace
 * declared twice is an error). Each language is a chunk of its own (loaded by `MESSAGES` in
 * `../features.ts`), so a reader downloads only the language they read; tests import it directly.
 */
export const en = mergeDisjoint<string | Messages>('Message namespace', parts) as AllStrings;
