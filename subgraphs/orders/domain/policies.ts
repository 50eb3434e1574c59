import { ownerPolicy } from '@aleumet/core';
import type { JournalEntry, Order, ServiceAct, SignedDocument } from '../entities/index.js';

export const SCOPE = 'orders:read';

/** Orders, journal rows and acts: the person and representatives, the order's supplier, the region's department, admins, integrators with orders:read. */
export const orderPolicy = ownerPolicy<Order>('Order', SCOPE);
export const journalEntryPolicy = ownerPolicy<JournalEntry>('JournalEntry', SCOPE);
export const serviceActPolicy = ownerPolicy<ServiceAct>('ServiceAct', SCOPE);

/** A signed document: whoever may see its order. */
export const signedDocumentPolicy = ownerPolicy<SignedDocument>('SignedDocument', SCOPE);

export const policies = [orderPolicy, journalEntryPolicy, serviceActPolicy, signedDocumentPolicy];
