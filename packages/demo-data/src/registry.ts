import { makeBin, makeIin, seedId } from '@aleumet/core';
import type { DemoPerson, DemoSupplier } from './types.js';

/**
 * The state registries of the demo world: what the person registry (ГБД ФЛ), the mobile-citizens
 * base (БМГ) and the legal-entity registry (ГБД ЮЛ) hold. They know every seeded person and
 * supplier, plus people and organizations the portal has never seen: persons born in 2021 (a year
 * the generators and the examples never produce) and organizations registered in 2024 with serials
 * from 9000. Those arrive on the portal by signing in, by an IPR publication or by a supplier
 * registration.
 */
export const REGISTRY_ONLY_BIRTH_YEAR = 2021;

export interface DemoIdDocument { type: 'ID_CARD' | 'PASSPORT' | 'BIRTH_CERTIFICATE'; number: string; issuer: string; issuedOn: string; validUntil: string | null }
export interface DemoRegistryPerson {
  iin: string; lastName: string; firstName: string; middleName: string | null; birthDate: string; sex: 'MALE' | 'FEMALE';
  regionCode: string; permanentAddress: string; temporaryAddress: string | null; idDocument: DemoIdDocument; deceasedOn: string | null;
}
export interface DemoLegalEntity {
  bin: string; name: string; shortName: string; ownershipForm: 'LLP' | 'JSC' | 'IE';
  head: { iin: string; fullName: string };
  founders: { name: string; iin: string | null; bin: string | null; citizenship: string | null }[];
  legalAddress: string; actualAddress: string | null; okedCodes: string[]; registeredOn: string;
}

/** The identity document the registry holds for a person: a birth certificate under 16, else an ID card. */
export function idDocumentOf(p: { iin: string; birthDate: string }): DemoIdDocument {
  const child = Number(p.birthDate.slice(0, 4)) > 2010;
  const issuedOn = child ? p.birthDate : `${Number(p.birthDate.slice(0, 4)) + 16 + (Number(p.iin.slice(7, 9)) % 10)}-03-15`;
  return child
    ? { type: 'BIRTH_CERTIFICATE', number: `I-${p.iin.slice(6, 12)}`, issuer: 'РАГС', issuedOn, validUntil: null }
    : { type: 'ID_CARD', number: `0${p.iin.slice(3, 11)}`, issuer: 'МВД РК', issuedOn, validUntil: `${Number(issuedOn.slice(0, 4)) + 10}-03-14` };
}

export function registryPersonOf(p: DemoPerson): DemoRegistryPerson {
  return {
    iin: p.iin, lastName: p.lastName, firstName: p.firstName, middleName: p.middleName, birthDate: p.birthDate, sex: p.sex,
    regionCode: p.regionCode, permanentAddress: p.address, temporaryAddress: null, idDocument: idDocumentOf(p), deceasedOn: null,
  };
}

const registryOnly = (n: number, sex: 'MALE' | 'FEMALE', lastName: string, firstName: string, middleName: string | null, regionCode: string, address: string): DemoRegistryPerson => {
  const birthDate = `${REGISTRY_ONLY_BIRTH_YEAR}-0${1 + (n % 9)}-1${n % 10}`;
  const iin = makeIin(birthDate, sex, 100 + n);
  return {
    iin, lastName, firstName, middleName, birthDate, sex, regionCode, permanentAddress: address,
    temporaryAddress: n % 2 ? 'Алматы, ул. Временная, д. 7' : null, idDocument: idDocumentOf({ iin, birthDate }), deceasedOn: null,
  };
};

/**
 * Persons in the registries who are not on the portal. [0] signs in for the first time in the
 * browser test, [1], [2] and [7] in the sign-in tests ([2] has no mobile number in БМГ); [3]..[5] arrive with an IPR
 * in the tests, [6] in the examples of docs/integrators.md. [8] (a child aged 1–6, like every one born in 2021)
 * arrives with a guaranteed social package in the tests.
 */
export const REGISTRY_ONLY_PERSONS: readonly DemoRegistryPerson[] = [
  registryOnly(0, 'FEMALE', 'Жаңабаева', 'Әйгерім', 'Серікқызы', 'KZ-71', 'Астана, ул. Кенесары, д. 40, кв. 12'),
  registryOnly(1, 'MALE', 'Омаров', 'Данияр', 'Ерланович', 'KZ-75', 'Алматы, ул. Абая, д. 15, кв. 3'),
  registryOnly(2, 'FEMALE', 'Ким', 'Алина', null, 'KZ-79', 'Шымкент, ул. Байтурсынова, д. 9'),
  registryOnly(3, 'MALE', 'Сейітов', 'Нұрлан', 'Болатұлы', 'KZ-71', 'Астана, пр. Мангилик Ел, д. 5, кв. 80'),
  registryOnly(4, 'FEMALE', 'Иванова', 'Мария', 'Петровна', 'KZ-75', 'Алматы, ул. Сатпаева, д. 22'),
  registryOnly(5, 'MALE', 'Ахметов', 'Тимур', null, 'KZ-71', 'Астана, ул. Сыганак, д. 3'),
  registryOnly(6, 'FEMALE', 'Пример', 'Жазба', null, 'KZ-71', 'Астана, ул. Примерная, д. 2'),
  registryOnly(7, 'MALE', 'Нұрланов', 'Арман', 'Әсетұлы', 'KZ-35', 'Караганда, ул. Ерубаева, д. 50'),
  registryOnly(8, 'MALE', 'Мұратов', 'Әли', 'Ерболұлы', 'KZ-75', 'Алматы, ул. Жандосова, д. 12, кв. 4'),
];

/** The verified mobile number БМГ holds for a registry-only person ([2] has none). */
export function registryOnlyPhone(index: number): string | null {
  return index === 2 ? null : `+77019${String(900000 + index).slice(0, 6)}`;
}

export function legalEntityOf(s: DemoSupplier, i: number): DemoLegalEntity {
  const headIin = makeIin(`19${60 + (i % 30)}-0${1 + (i % 9)}-1${i % 10}`, i % 2 ? 'MALE' : 'FEMALE', 500 + i);
  return {
    bin: s.bin, name: s.name.replace(/^ТОО /, 'Товарищество с ограниченной ответственностью ').replace(/^АО /, 'Акционерное общество '),
    shortName: s.name, ownershipForm: s.legalForm, head: { iin: headIin, fullName: s.headName },
    founders: s.legalForm === 'IE' ? [] : [{ name: s.headName, iin: headIin, bin: null, citizenship: 'KZ' }],
    legalAddress: s.legalAddress, actualAddress: s.actualAddress, okedCodes: s.okedCodes, registeredOn: `20${s.bin.slice(0, 2)}-${s.bin.slice(2, 4)}-01`,
  };
}

const newOrganization = (n: number, shortName: string, name: string, ownershipForm: 'LLP' | 'JSC' | 'IE', headName: string, okedCodes: string[], legalAddress: string): DemoLegalEntity => {
  const headIin = makeIin(`1980-0${1 + n}-20`, n % 2 ? 'FEMALE' : 'MALE', 700 + n);
  return {
    bin: makeBin(2024, 1 + n, 9000 + n), name, shortName, ownershipForm, head: { iin: headIin, fullName: headName },
    founders: ownershipForm === 'IE' ? [] : [
      { name: headName, iin: headIin, bin: null, citizenship: 'KZ' },
      { name: 'Jane Founder', iin: null, bin: null, citizenship: 'DE' },
    ],
    legalAddress, actualAddress: null, okedCodes, registeredOn: `2024-0${1 + n}-01`,
  };
};

/**
 * Every other BIN with a serial from 7000 (`makeBin(year, month, 7000..9999)`: the range tests and
 * examples register suppliers with) is in the demo legal-entity registry with a generated card.
 */
export function generatedOrganization(bin: string): DemoLegalEntity | null {
  const serial = Number(bin.slice(6, 10));
  if (bin.slice(4, 6) !== '40' || serial < 7000) return null;
  const n = serial % 100;
  const headIin = makeIin(`1975-0${1 + (n % 9)}-1${n % 10}`, n % 2 ? 'MALE' : 'FEMALE', 800 + (serial % 200));
  return {
    bin, name: `Товарищество с ограниченной ответственностью «Тест-${serial}»`, shortName: `ТОО «Тест-${serial}»`, ownershipForm: 'LLP',
    head: { iin: headIin, fullName: 'Тестова Гүлнар Ерланқызы' }, founders: [{ name: 'Тестова Гүлнар Ерланқызы', iin: headIin, bin: null, citizenship: 'KZ' }],
    legalAddress: 'Астана, ул. Тестовая, 1', actualAddress: null, okedCodes: ['47.74', '88.10', '86.90'], registeredOn: `20${bin.slice(0, 2)}-${bin.slice(2, 4)}-01`,
  };
}

/**
 * Organizations in the legal-entity registry that are not suppliers yet: [0] registers in the web
 * registration test, [1] in the onboarding tests, [2] in the registry tests.
 */
export const REGISTRY_ONLY_ORGANIZATIONS: readonly DemoLegalEntity[] = [
  newOrganization(0, 'ТОО «Жаңа Қадам»', 'Товарищество с ограниченной ответственностью «Жаңа Қадам»', 'LLP', 'Бекова Динара Асхатовна', ['47.74', '88.10'], 'Астана, ул. Бейбітшілік, 14'),
  newOrganization(1, 'ТОО «Сенім Сервис»', 'Товарищество с ограниченной ответственностью «Сенім Сервис»', 'LLP', 'Касымов Ержан Маратович', ['47.74', '88.10'], 'Алматы, пр. Достык, 52'),
  newOrganization(2, 'АО «Медтехника Плюс»', 'Акционерное общество «Медтехника Плюс»', 'JSC', 'Ли Виктор Сергеевич', ['47.74', '32.50'], 'Караганда, ул. Ерубаева, 33'),
];

