import { isValidBin, isValidIin } from '@aleumet/core';
import { RegistryClient, type RegistryEndpoint } from './http.js';
import type { Founder, IdDocument, LegalEntity, LegalEntityRegistry, PersonRegistry, PhoneRegistry, RegistryPerson, RegistryPhone } from './types.js';

type Obj = Record<string, unknown>;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function obj(v: unknown, what: string): Obj {
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error(`${what} is not an object`);
  return v as Obj;
}
function str(o: Obj, key: string, max = 500): string {
  const v = o[key];
  if (typeof v !== 'string' || !v.trim() || v.length > max) throw new Error(`${key} must be a non-empty string`);
  return v.trim();
}
function optStr(o: Obj, key: string, max = 500): string | null {
  return o[key] == null || o[key] === '' ? null : str(o, key, max);
}
function date(o: Obj, key: string): string {
  const v = str(o, key, 10);
  if (!DATE.test(v)) throw new Error(`${key} must be YYYY-MM-DD`);
  return v;
}
const optDate = (o: Obj, key: string) => (o[key] == null ? null : date(o, key));
function list<T>(o: Obj, key: string, each: (v: unknown) => T): T[] {
  const v = o[key] ?? [];
  if (!Array.isArray(v) || v.length > 200) throw new Error(`${key} must be a list`);
  return v.map(each);
}

export function parsePerson(iin: string, data: unknown): RegistryPerson {
  const p = obj(data, 'person');
  if (p.iin !== iin) throw new Error('the answer is about another IIN');
  const sex = p.sex;
  if (sex !== 'MALE' && sex !== 'FEMALE') throw new Error('sex must be MALE or FEMALE');
  const regionCode = str(p, 'regionCode', 8);
  if (!/^KZ-\d{2}$/.test(regionCode)) throw new Error('regionCode must be an ISO 3166-2:KZ code');
  const doc = p.idDocument == null ? null : obj(p.idDocument, 'idDocument');
  const idDocument: IdDocument | null = doc
    ? { type: str(doc, 'type', 40), number: str(doc, 'number', 40), issuer: str(doc, 'issuer', 200), issuedOn: date(doc, 'issuedOn'), validUntil: optDate(doc, 'validUntil') }
    : null;
  return {
    iin, lastName: str(p, 'lastName', 200), firstName: str(p, 'firstName', 200), middleName: optStr(p, 'middleName', 200),
    birthDate: date(p, 'birthDate'), sex, regionCode, permanentAddress: str(p, 'permanentAddress'), temporaryAddress: optStr(p, 'temporaryAddress'),
    idDocument, deceasedOn: optDate(p, 'deceasedOn'),
  };
}

export function parsePhone(data: unknown): RegistryPhone {
  const p = obj(data, 'phone');
  const phone = str(p, 'phone', 16);
  if (!/^\+7\d{10}$/.test(phone)) throw new Error('phone must be +7 followed by 10 digits');
  const verifiedAt = str(p, 'verifiedAt', 40);
  if (Number.isNaN(Date.parse(verifiedAt))) throw new Error('verifiedAt must be a date-time');
  return { phone, verifiedAt: new Date(verifiedAt).toISOString() };
}

export function parseLegalEntity(bin: string, data: unknown): LegalEntity {
  const o = obj(data, 'organization');
  if (o.bin !== bin) throw new Error('the answer is about another BIN');
  const head = obj(o.head, 'head');
  const headIin = optStr(head, 'iin', 12);
  if (headIin && !isValidIin(headIin)) throw new Error('head.iin is not a valid IIN');
  return {
    bin, name: str(o, 'name'), shortName: str(o, 'shortName'), ownershipForm: str(o, 'ownershipForm', 20),
    head: { iin: headIin, fullName: str(head, 'fullName', 200) },
    founders: list(o, 'founders', (v): Founder => {
      const f = obj(v, 'founder');
      const fIin = optStr(f, 'iin', 12);
      const fBin = optStr(f, 'bin', 12);
      if (fIin && !isValidIin(fIin)) throw new Error('founder iin is not a valid IIN');
      if (fBin && !isValidBin(fBin)) throw new Error('founder bin is not a valid BIN');
      return { name: str(f, 'name'), iin: fIin, bin: fBin, citizenship: optStr(f, 'citizenship', 2) };
    }),
    legalAddress: str(o, 'legalAddress'), actualAddress: optStr(o, 'actualAddress'),
    okedCodes: list(o, 'okedCodes', (v) => {
      if (typeof v !== 'string' || !/^\d{2}(\.\d{1,3})*$/.test(v)) throw new Error('OKED codes look like 47.74');
      return v;
    }),
    registeredOn: optDate(o, 'registeredOn'),
    // Only a liquidated organization carries the date (an operating one: absent or null).
    ...(o.liquidatedOn == null ? {} : { liquidatedOn: date(o, 'liquidatedOn') }),
  };
}

/** ГБД ФЛ through the e-government gateway: `request: { iin }`. */
export class HttpPersonRegistry implements PersonRegistry {
  readonly client: RegistryClient;
  constructor(endpoint: RegistryEndpoint) {
    this.client = new RegistryClient('person registry', endpoint);
  }
  personByIin(iin: string): Promise<RegistryPerson | null> {
    return this.client.ask({ iin }, (d) => parsePerson(iin, d));
  }
}

/** БМГ (mobile-citizens base): `request: { iin }`, the verified mobile number. */
export class HttpPhoneRegistry implements PhoneRegistry {
  readonly client: RegistryClient;
  constructor(endpoint: RegistryEndpoint) {
    this.client = new RegistryClient('mobile-citizens base', endpoint);
  }
  phoneByIin(iin: string): Promise<RegistryPhone | null> {
    return this.client.ask({ iin }, parsePhone);
  }
}

/** ГБД ЮЛ: `request: { bin }`. */
export class HttpLegalEntityRegistry implements LegalEntityRegistry {
  readonly client: RegistryClient;
  constructor(endpoint: RegistryEndpoint) {
    this.client = new RegistryClient('legal-entity registry', endpoint);
  }
  legalEntityByBin(bin: string): Promise<LegalEntity | null> {
    return this.client.ask({ bin }, (d) => parseLegalEntity(bin, d));
  }
}
