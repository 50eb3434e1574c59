import { Region } from './region.js';
import { ItemType } from './item-type.js';
import { Supplier } from './supplier.js';
import { Offering } from './offering.js';

export * from './region.js';
export * from './item-type.js';
export * from './supplier.js';
export * from './offering.js';
export const entities = [Region, ItemType, Supplier, Offering];
