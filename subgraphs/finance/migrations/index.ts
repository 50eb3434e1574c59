import type { Migration } from '@mikro-orm/migrations';
import { Migration20261130005405 } from './Migration20261130005405.js';
import { Migration20261130013000 } from './Migration20261130013000.js';
import { Migration20261130013100 } from './Migration20261130013100.js';
import { Migration20261207010000 } from './Migration20261207010000.js';
import { Migration20261207040738 } from './Migration20261207040738.js';
import { Migration20261207101315 } from './Migration20261207101315.js';

export const migrations: { name: string; class: new (...args: any[]) => Migration }[] = [
  { name: 'Migration20261130005405', class: Migration20261130005405 },
  { name: 'Migration20261130013000', class: Migration20261130013000 },
  { name: 'Migration20261130013100', class: Migration20261130013100 },
  { name: 'Migration20261207010000', class: Migration20261207010000 },
  { name: 'Migration20261207040738', class: Migration20261207040738 },
  { name: 'Migration20261207101315', class: Migration20261207101315 },
];
