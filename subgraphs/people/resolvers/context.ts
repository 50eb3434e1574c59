import type { SubgraphContext } from '@aleumet/subgraph-kit';
import type { Loaders } from '../loaders/index.js';
export type Context = SubgraphContext<Loaders>;
