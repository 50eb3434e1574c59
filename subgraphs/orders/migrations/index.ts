import type { Migration } from '@mikro-orm/migrations';
import { Migration20261130005403 } from './Migration20261130005403.js';
import { Migration20261130005810 } from './Migration20261130005810.js';
import { Migration20261130010150 } from './Migration20261130010150.js';
import { Migration20261130013000 } from './Migration20261130013000.js';
import { Migration20261130013100 } from './Migration20261130013100.js';
import { Migration20261130013247 } from './Migration20261130013247.js';
import { Migration20261130033807 } from './Migration20261130033807.js';
import { Migration20261130063135 } from './Migration20261130063135.js';
import { Migration20261207005225 } from './Migration20261207005225.js';
import { Migration20261207010000 } from './Migration20261207010000.js';
import { Migration20261207013252 } from './Migration20261207013252.js';
import { Migration20261207020241 } from './Migration20261207020241.js';
import { Migration20261207034719 } from './Migration20261207034719.js';
import { Migration20261207035100 } from './Migration20261207035100.js';
import { Migration20261207035935 } from './Migration20261207035935.js';
import { Migration20261207040720 } from './Migration20261207040720.js';
import { Migration20261207040725 } from './Migration20261207040725.js';
import { Migration20261207042305 } from './Migration20261207042305.js';
import { Migration20261207101318 } from './Migration20261207101318.js';

export const migrations: { name: string; class: new (...args: any[]) => Migration }[] = [
  { name: 'Migration20261130005403', class: Migration20261130005403 },
  { name: 'Migration20261130005810', class: Migration20261130005810 },
  { name: 'Migration20261130010150', class: Migration20261130010150 },
  { name: 'Migration20261130013000', class: Migration20261130013000 },
  { name: 'Migration20261130013100', class: Migration20261130013100 },
  { name: 'Migration20261130013247', class: Migration20261130013247 },
  { name: 'Migration20261130033807', class: Migration20261130033807 },
  { name: 'Migration20261130063135', class: Migration20261130063135 },
  { name: 'Migration20261207005225', class: Migration20261207005225 },
  { name: 'Migration20261207010000', class: Migration20261207010000 },
  { name: 'Migration20261207013252', class: Migration20261207013252 },
  { name: 'Migration20261207020241', class: Migration20261207020241 },
  { name: 'Migration20261207034719', class: Migration20261207034719 },
  { name: 'Migration20261207035100', class: Migration20261207035100 },
  { name: 'Migration20261207035935', class: Migration20261207035935 },
  { name: 'Migration20261207040720', class: Migration20261207040720 },
  { name: 'Migration20261207040725', class: Migration20261207040725 },
  { name: 'Migration20261207042305', class: Migration20261207042305 },
  { name: 'Migration20261207101318', class: Migration20261207101318 },
];
