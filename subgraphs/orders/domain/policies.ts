import { ownerPolicy } from '@aleumet/core';
import type { JournalEntry, Order, ProstheticsCard, ServiceAct, SignedDocument } from '../entities/index.js';

export const SCOPE = 'orders:read';

/** Orders, journal rows and acts: the person and representatives, the order's supplier, the region's department, admins, integrators with orders:read. */
export const orderPolicy = ownerPolicy<Order>('Order', SCOPE);
export const journalEntryPolicy = ownerPolicy<JournalEntry>('JournalEntry', SCOPE);
export const serviceActPolicy = ownerPolicy<ServiceAct>('ServiceAct', SCOPE);

/** The prosthetics card (004 ¶34): the recipient's cabinet, the order's supplier, the department, admins, integrators (Е-Собес). */
export const prostheticsCardPolicy = ownerPolicy<ProstheticsCard>('ProstheticsCard', SCOPE);

/** A signed document: whoever may see its order. */
export const signedDocumentPolicy = ownerPolicy<SignedDocument>('SignedDocument', SCOPE);

export const policies = [orderPolicy, journalEntryPolicy, serviceActPolicy, prostheticsCardPolicy, signedDocumentPolicy];
