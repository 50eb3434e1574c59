import { Order, OrderNumberCounter } from './order.js';
import { JournalEntry, ServiceAct } from './service.js';

export * from './order.js';
export * from './service.js';
export * from './refs.js';
import { OutboxEvent } from '@aleumet/events';
import { OutgoingCommand, ProcessedCommand } from '@aleumet/server-kit';

export { OutboxEvent };
export const entities = [OutboxEvent, OutgoingCommand, ProcessedCommand, Order, OrderNumberCounter, JournalEntry, ServiceAct];
