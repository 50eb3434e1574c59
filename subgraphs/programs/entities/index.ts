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
import { OutgoingCommand, ProcessedCommand, SupplierAccess } from '@aleumet/server-kit';

export { OutboxEvent };
export const entities = [OutboxEvent, OutgoingCommand, ProcessedCommand, SupplierAccess, RehabilitationProgram, Measure, Notification, Fulfilment];
