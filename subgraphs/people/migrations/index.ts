import type { Migration } from '@mikro-orm/migrations';
import { Migration20261130005358 } from './Migration20261130005358.js';
import { Migration20261130011016 } from './Migration20261130011016.js';
import { Migration20261130013000 } from './Migration20261130013000.js';
import { Migration20261130013032 } from './Migration20261130013032.js';
import { Migration20261130033816 } from './Migration20261130033816.js';
import { Migration20261206230000 } from './Migration20261206230000.js';
import { Migration20261207035110 } from './Migration20261207035110.js';
import { Migration20261207035404 } from './Migration20261207035404.js';
import { Migration20261207035659 } from './Migration20261207035659.js';
import { Migration20261207040218 } from './Migration20261207040218.js';
import { Migration20261207040751 } from './Migration20261207040751.js';
import { Migration20261207065755 } from './Migration20261207065755.js';
import { Migration20261207070314 } from './Migration20261207070314.js';
import { Migration20261207074506 } from './Migration20261207074506.js';
import { Migration20261207101321 } from './Migration20261207101321.js';
import { Migration20261207104821 } from './Migration20261207104821.js';

export const migrations: { name: string; class: new (...args: any[]) => Migration }[] = [
  { name: 'Migration20261130005358', class: Migration20261130005358 },
  { name: 'Migration20261130011016', class: Migration20261130011016 },
  { name: 'Migration20261130013000', class: Migration20261130013000 },
  { name: 'Migration20261130013032', class: Migration20261130013032 },
  { name: 'Migration20261130033816', class: Migration20261130033816 },
  { name: 'Migration20261206230000', class: Migration20261206230000 },
  { name: 'Migration20261207035110', class: Migration20261207035110 },
  { name: 'Migration20261207035404', class: Migration20261207035404 },
  { name: 'Migration20261207035659', class: Migration20261207035659 },
  { name: 'Migration20261207040218', class: Migration20261207040218 },
  { name: 'Migration20261207040751', class: Migration20261207040751 },
  { name: 'Migration20261207065755', class: Migration20261207065755 },
  { name: 'Migration20261207070314', class: Migration20261207070314 },
  { name: 'Migration20261207074506', class: Migration20261207074506 },
  { name: 'Migration20261207101321', class: Migration20261207101321 },
  { name: 'Migration20261207104821', class: Migration20261207104821 },
];
