import { RehabilitationProgram } from './program.js';
import { Measure } from './measure.js';
import { Notification } from './notification.js';
import { Fulfilment } from './fulfilment.js';

export * from './program.js';
export * from './measure.js';
export * from './notification.js';
export * from './fulfilment.js';
export * from './refs.js';
import { OutboxEvent } from '@aleumet/events';
import { OutgoingCommand, ProcessedCommand } from '@aleumet/server-kit';
import { SupplierAccess } from '@aleumet/subgraph-kit';

export { OutboxEvent };
export const entities = [OutboxEvent, OutgoingCommand, ProcessedCommand, SupplierAccess, RehabilitationProgram, Measure, Notification, Fulfilment];
