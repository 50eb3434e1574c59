import { Order } from './order.js';

export * from './order.js';
export * from './refs.js';
export const entities = [Order];
