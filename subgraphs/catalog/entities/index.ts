import { Region } from './region.js';
import { ItemType } from './item-type.js';
import { Supplier } from './supplier.js';
import { Offering } from './offering.js';
import { SupplierDirection } from './direction.js';
import { SupplierDocument } from './document.js';
import { StockReservation } from './stock-reservation.js';
import { OutgoingCommand } from '@aleumet/server-kit';

export * from './region.js';
export * from './item-type.js';
export * from './supplier.js';
export * from './offering.js';
export * from './direction.js';
export * from './document.js';
export * from './stock-reservation.js';
// OutgoingCommand: commands to other subgraphs (a verified supplier's staff account in people).
export const entities = [Region, ItemType, Supplier, Offering, SupplierDirection, SupplierDocument, StockReservation, OutgoingCommand];
