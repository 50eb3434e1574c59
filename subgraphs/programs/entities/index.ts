import { RehabilitationProgram } from './program.js';
import { Measure } from './measure.js';
import { Fulfilment } from './fulfilment.js';

export * from './program.js';
export * from './measure.js';
export * from './fulfilment.js';
export * from './refs.js';
import { OUTBOX_ENTITIES, OutboxEvent, ProcessedCommand } from '@aleumet/events';
import { SupplierAccess } from '@aleumet/subgraph-kit';

export { OutboxEvent };
export const entities = [...OUTBOX_ENTITIES, ProcessedCommand, SupplierAccess, RehabilitationProgram, Measure, Fulfilment];
