import type { SubgraphContext } from '@aleumet/server-kit';
import type { Loaders } from '../loaders/index.js';
export type Context = SubgraphContext<Loaders>;
