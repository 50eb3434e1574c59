import 'reflect-metadata';
import { runSubgraphMain } from '@aleumet/subgraph-kit';
import { definition } from './definition.js';

await runSubgraphMain(definition, 4005);
