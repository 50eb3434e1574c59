// The shapes of the demo world (what buildWorld returns and the generators make).
import type { GspKindCode, GspStatusCode, GspUnitCode, ServiceKind } from '@aleumet/core';

export type Sex = 'MALE' | 'FEMALE';
export type MeasureStatus = 'PUBLISHED' | 'AWAITING_CHOICE' | 'ORDERED' | 'FULFILLED' | 'BLOCKED' | 'CANCELLED';
export type OrderStatus = 'AWAITING_SUPPLIER' | 'ACCEPTED' | 'REFUSED' | 'EXPIRED' | 'READY' | 'HANDED_OVER' | 'CANCELLED';
export type ClaimStatus = 'APPLIED' | 'APPROVED' | 'PAID' | 'CANCELLED';
export type DeliveryMode = 'DELIVERY' | 'PICKUP' | 'BOTH';

export interface DemoPerson {
  id: string; iin: string; lastName: string; firstName: string; middleName: string | null;
  birthDate: string; sex: Sex; regionCode: string; address: string; phone: string; email: string | null;
  category: 'DISABLED' | 'ELDERLY' | 'NONE'; disabilityGroup: number | null;
  vision: boolean; hearing: boolean; mobility: boolean;
}
export interface DemoRepresentation { id: string; representativeId: string; principalId: string; kind: 'LEGAL_REPRESENTATIVE' | 'PROXY'; validFrom: string; validTo: string | null }
export interface DemoStaff { id: string; iin: string; fullName: string; role: 'SUPPLIER' | 'EMPLOYMENT_DEPARTMENT' | 'ADMIN'; supplierId: string | null; regionCode: string | null }
export interface DemoProgram { id: string; personId: string; number: string; issuedOn: string; validUntil: string; regionCode: string }
export interface DemoMeasure {
  id: string; programId: string; personId: string; regionCode: string; kind: ServiceKind; itemTypeCode: string;
  quantity: number; guaranteedSum: number; status: MeasureStatus; sourceId: string; publishedAt: Date; choiceDeadline: Date;
  /** The handover of its order (FULFILLED measures), else null. */
  fulfilledAt: Date | null;
}
export interface DemoSupplier {
  id: string; bin: string; name: string; legalForm: 'LLP' | 'JSC' | 'IE'; legalAddress: string; actualAddress: string;
  headName: string; phone: string; email: string; okedCodes: string[]; directions: ServiceKind[]; regionCodes: string[];
}
export interface DemoOffering {
  id: string; supplierId: string; kind: ServiceKind; itemTypeCode: string; title: string; titleKk: string; titleEn: string | null; description: string; descriptionKk: string; descriptionEn: string | null;
  characteristics: Record<string, string>; price: number; deliveryMode: DeliveryMode; leadTimeDays: number; stock: number; regionCodes: string[];
}
export interface DemoOrder {
  id: string; number: string; measureId: string; offeringId: string; personId: string; supplierId: string; regionCode: string;
  kind: ServiceKind; itemTypeCode: string; status: OrderStatus; price: number; quantity: number; createdAt: Date; acceptDeadline: Date;
  acceptedAt: Date | null; handedOverAt: Date | null; closedAt: Date | null; refusalCode: 'OUT_OF_STOCK' | 'OTHER' | null; refusalReason: string | null;
}
export interface DemoClaim { id: string; orderId: string; measureId: string; supplierId: string; personId: string; regionCode: string; statePart: number; coPayment: number; status: ClaimStatus }
export interface DemoPayment { id: string; claimId: string; amount: number; paidAt: Date; reference: string }
/** What the programs subgraph records when a handover completes (lifecycle `internalMeasureFulfilled`): one per FULFILLED measure. */
export interface DemoFulfilment { id: string; measureId: string; sourceId: string; orderId: string; supplierId: string; personId: string; regionCode: string; fulfilledAt: Date }
/** A kind of the guaranteed social package assigned to a person (the programs subgraph's GspEntitlement). */
export interface DemoGspEntitlement {
  id: string; personId: string; regionCode: string; kind: GspKindCode; quantity: number; unit: GspUnitCode; startsOn: string; endsOn: string;
  sourceId: string; sourceVersion: number; status: GspStatusCode; publishedAt: Date; statusChangedAt: Date; statusReason: string | null;
}
export interface DemoGuaranteedSum { id: string; itemTypeCode: string; year: number; amount: number }

export interface DemoWorld {
  persons: DemoPerson[]; representations: DemoRepresentation[]; staff: DemoStaff[];
  programs: DemoProgram[]; measures: DemoMeasure[]; fulfilments: DemoFulfilment[]; gspEntitlements: DemoGspEntitlement[];
  suppliers: DemoSupplier[]; offerings: DemoOffering[];
  orders: DemoOrder[]; claims: DemoClaim[]; payments: DemoPayment[]; guaranteedSums: DemoGuaranteedSum[];
}

export interface WorldOptions { recipients?: number; suppliers?: number; now?: Date; seed?: number }

/**
 * The demo data set as plain objects with deterministic ids: each subgraph's seeder writes
 * its own part, so cross-subgraph references agree without any subgraph reading another's tables.
 * Built from the generators in generators.ts (which `streamWorld` uses for national scale).
 */
