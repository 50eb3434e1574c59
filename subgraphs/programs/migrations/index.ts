import type { Migration } from '@mikro-orm/migrations';
import { Migration20261130005400 } from './Migration20261130005400.js';
import { Migration20261130005812 } from './Migration20261130005812.js';
import { Migration20261130011426 } from './Migration20261130011426.js';
import { Migration20261130013000 } from './Migration20261130013000.js';
import { Migration20261206230000 } from './Migration20261206230000.js';
import { Migration20261207010000 } from './Migration20261207010000.js';
import { Migration20261207035706 } from './Migration20261207035706.js';
import { Migration20261207040450 } from './Migration20261207040450.js';
import { Migration20261207040654 } from './Migration20261207040654.js';
import { Migration20261207101122 } from './Migration20261207101122.js';
import { Migration20261207101325 } from './Migration20261207101325.js';

export const migrations: { name: string; class: new (...args: any[]) => Migration }[] = [
  { name: 'Migration20261130005400', class: Migration20261130005400 },
  { name: 'Migration20261130005812', class: Migration20261130005812 },
  { name: 'Migration20261130011426', class: Migration20261130011426 },
  { name: 'Migration20261130013000', class: Migration20261130013000 },
  { name: 'Migration20261206230000', class: Migration20261206230000 },
  { name: 'Migration20261207010000', class: Migration20261207010000 },
  { name: 'Migration20261207035706', class: Migration20261207035706 },
  { name: 'Migration20261207040450', class: Migration20261207040450 },
  { name: 'Migration20261207040654', class: Migration20261207040654 },
  { name: 'Migration20261207101122', class: Migration20261207101122 },
  { name: 'Migration20261207101325', class: Migration20261207101325 },
];
