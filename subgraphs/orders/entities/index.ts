import { Order, OrderNumberCounter } from './order.js';
import { JournalEntry, ServiceAct } from './service.js';
import { SupplierSigned } from './supplier-signed.js';
import { ProstheticsCard } from './prosthetics.js';
import { SignedDocument } from './signed-document.js';

export * from './order.js';
export * from './service.js';
export * from './refs.js';
export * from './prosthetics.js';
export * from './signed-document.js';
import { OUTBOX_ENTITIES, OutboxEvent, ProcessedCommand } from '@aleumet/events';

export { OutboxEvent };
export const entities = [...OUTBOX_ENTITIES, ProcessedCommand, SupplierSigned, Order, OrderNumberCounter, JournalEntry, ServiceAct, ProstheticsCard, SignedDocument];
