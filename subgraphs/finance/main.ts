import 'reflect-metadata';
import { runSubgraphMain } from '@aleumet/server-kit';
import { definition } from './definition.js';

await runSubgraphMain(definition, 4005);
