import { REGIONS, SPECIAL_SOCIAL_SERVICE_TYPES, makeBin, makeIin, seedId } from '@aleumet/core';
import { DAY, basePrice, quantityFor } from './generators.js';
import type { DemoMeasure, DemoOffering, DemoPerson, DemoProgram, DemoStaff, DemoSupplier } from './types.js';

/**
 * Providers of special social services and the services recommended to elderly recipients (seeds 003
 * ¶7, ¶8, ¶13; at the launch 283 of the 297 registered suppliers were such providers, 000). Appended
 * after the rest of the world, without the random stream, so every earlier record stays as it was.
 */
export const SSS_PROVIDERS = 8;

export interface SpecialSocialServices { suppliers: DemoSupplier[]; staff: DemoStaff[]; offerings: DemoOffering[]; measures: DemoMeasure[] }

export function specialSocialServices(
  firstSupplier: number, firstOffering: number, firstMeasure: number,
  persons: DemoPerson[], programs: DemoProgram[], gsum: Map<string, number>,
): SpecialSocialServices {
  const out: SpecialSocialServices = { suppliers: [], staff: [], offerings: [], measures: [] };
  for (let j = 0; j < SSS_PROVIDERS; j++) {
    const i = firstSupplier + j;
    // Three regions each; together the eight cover all twenty.
    const regionCodes = [0, 1, 2].map((x) => REGIONS[(j * 3 + x) % REGIONS.length]!.code);
    const region = REGIONS.find((r) => r.code === regionCodes[0])!;
    const supplier: DemoSupplier = {
      id: seedId('supplier', i), bin: makeBin(2010 + j, 1 + j, 3000 + j), name: `ТОО «Қамқор орталығы-${j + 1}»`, legalForm: 'LLP',
      legalAddress: `${region.ru}, ул. Абая, ${40 + j}`, actualAddress: `${region.ru}, ул. Абая, ${40 + j}`,
      headName: `Серикова Айгуль ${j + 1}`, phone: `+7717${String(4000000 + j * 31).slice(0, 7)}`, email: `care${j}@provider.example.kz`,
      okedCodes: ['88.10'], directions: ['SSS'], regionCodes,
    };
    out.suppliers.push(supplier);
    out.staff.push({ id: seedId('staff', i), iin: makeIin(`1979-0${1 + (j % 9)}-1${j % 9}`, 'FEMALE', 500 + i), fullName: `Менеджер ${supplier.name}`, role: 'SUPPLIER', supplierId: supplier.id, regionCode: null });
    for (const t of SPECIAL_SOCIAL_SERVICE_TYPES) {
      out.offerings.push({
        id: seedId('offering', firstOffering + out.offerings.length), supplierId: supplier.id, kind: 'SSS', itemTypeCode: t.code,
        title: `${t.ru} — ${supplier.name}`, titleKk: `${t.kk} — ${supplier.name}`, titleEn: `${t.en} — ${supplier.name}`,
        description: `${t.ru}: поставщик ${supplier.name}`, descriptionKk: `${t.kk}: жеткізуші ${supplier.name}`, descriptionEn: `${t.en}: supplied by ${supplier.name}`,
        characteristics: {},
        price: Math.round((basePrice(t) * quantityFor('SSS') * (88 + j * 3)) / 100 / 100) * 100,
        deliveryMode: 'PICKUP', leadTimeDays: 3, stock: 1000, regionCodes,
      });
    }
  }
  // Recipients 100–449 who cannot care for themselves because of old age: every other one has a recommended service.
  persons.slice(100, 450).filter((p) => p.category === 'ELDERLY').filter((_, n) => n % 2 === 0).forEach((p, n) => {
    const program = programs.find((g) => g.personId === p.id)!;
    const type = SPECIAL_SOCIAL_SERVICE_TYPES[n % SPECIAL_SOCIAL_SERVICE_TYPES.length]!;
    const publishedAt = new Date(Date.parse(`${program.issuedOn}T00:00:00Z`) + 2 * DAY);
    out.measures.push({
      id: seedId('measure', firstMeasure + out.measures.length), programId: program.id, personId: p.id, regionCode: p.regionCode,
      kind: 'SSS', itemTypeCode: type.code, quantity: quantityFor('SSS'), guaranteedSum: gsum.get(type.code)!,
      status: 'AWAITING_CHOICE', sourceId: `SSS-${program.number}`, publishedAt, choiceDeadline: new Date(publishedAt.getTime() + 61 * DAY), fulfilledAt: null,
    });
  });
  return out;
}
