import { startSubgraph, type StartOptions } from '@aleumet/server-kit';
import { definition } from './definition.js';

export { definition };
export const start = (options: StartOptions) => startSubgraph(definition, options);
