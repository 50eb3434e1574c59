import { Order } from './order.js';

export * from './order.js';
export * from './refs.js';
import { OutboxEvent } from '@aleumet/events';

export { OutboxEvent };
export const entities = [OutboxEvent, Order];
