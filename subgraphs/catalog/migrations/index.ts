import type { Migration } from '@mikro-orm/migrations';
import { Migration20261130005402 } from './Migration20261130005402.js';
import { Migration20261130010000 } from './Migration20261130010000.js';
import { Migration20261130011602 } from './Migration20261130011602.js';
import { Migration20261130020127 } from './Migration20261130020127.js';
import { Migration20261130033811 } from './Migration20261130033811.js';
import { Migration20261207010000 } from './Migration20261207010000.js';
import { Migration20261207040058 } from './Migration20261207040058.js';
import { Migration20261207041055 } from './Migration20261207041055.js';
import { Migration20261207042250 } from './Migration20261207042250.js';
import { Migration20261207070702 } from './Migration20261207070702.js';
import { Migration20261207101312 } from './Migration20261207101312.js';

export const migrations: { name: string; class: new (...args: any[]) => Migration }[] = [
  { name: 'Migration20261130005402', class: Migration20261130005402 },
  { name: 'Migration20261130010000', class: Migration20261130010000 },
  { name: 'Migration20261130011602', class: Migration20261130011602 },
  { name: 'Migration20261130020127', class: Migration20261130020127 },
  { name: 'Migration20261130033811', class: Migration20261130033811 },
  { name: 'Migration20261207010000', class: Migration20261207010000 },
  { name: 'Migration20261207040058', class: Migration20261207040058 },
  { name: 'Migration20261207041055', class: Migration20261207041055 },
  { name: 'Migration20261207042250', class: Migration20261207042250 },
  { name: 'Migration20261207070702', class: Migration20261207070702 },
  { name: 'Migration20261207101312', class: Migration20261207101312 },
];
