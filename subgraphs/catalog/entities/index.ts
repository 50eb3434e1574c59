import { Region } from './region.js';
import { ItemType } from './item-type.js';
import { Supplier } from './supplier.js';
import { Offering } from './offering.js';
import { SupplierDirection } from './direction.js';
import { SupplierDocument } from './document.js';
import { StockReservation } from './stock-reservation.js';
import { AuthorizedSigner } from './authorized-signer.js';
import { OUTBOX_ENTITIES } from '@aleumet/events';

export * from './region.js';
export * from './item-type.js';
export * from './supplier.js';
export * from './offering.js';
export * from './direction.js';
export * from './document.js';
export * from './stock-reservation.js';
export * from './authorized-signer.js';
// The outbox: commands to other subgraphs (a verified supplier's staff account in people).
export const entities = [Region, ItemType, Supplier, Offering, SupplierDirection, SupplierDocument, StockReservation, AuthorizedSigner, ...OUTBOX_ENTITIES];
