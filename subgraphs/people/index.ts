import { startSubgraph, type StartOptions } from '@aleumet/subgraph-kit';
import { definition } from './definition.js';

export { definition };
export const start = (options: StartOptions) => startSubgraph(definition, options);
