import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '@aleumet/platform';
import { startTestPlatform } from '@aleumet/platform/testing';
import { REGISTRY_ONLY_PERSONS, registryOnlyPhone } from '@aleumet/demo-data';
import { HttpPersonRegistry, registriesFromEnv, setRegistries } from '@aleumet/registries';
import { devSigner, signDocument } from '@aleumet/signing';
import { codes, departmentIdentity, gql, integratorIdentity, tokenFor } from '@aleumet/testkit';

/**
 * Persons arrive from the state systems, through the gateway: Е-Собес records a person with its IPR
 * data (`recordPerson`, and `publishMeasures` with `person`), idempotent by IIN and source version,
 * with a history of what each source said; a person signing in with the EDS for the first time is
 * created from the person registry with БМГ's verified phone; every registry read is audited.
 * Registry-only persons [1]..[5] and [7] of @aleumet/demo-data are this file's.
 */

let platform: Platform;
let url: string;
let eSobes: string;
beforeAll(async () => {
  platform = await startTestPlatform();
  url = platform.gateway.url;
  eSobes = await tokenFor(integratorIdentity(['people:write', 'people:read', 'programs:write', 'programs:read']));
});
afterAll(() => platform?.close());

const sql = (text: string, params: unknown[] = []) => platform.subgraphs.people.orm.em.getConnection().execute(text, params);
const ok = async (query: string, variables: Record<string, unknown>, token: string) => {
  const res = await gql(url, query, variables, token);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data;
};

const RECORD = `mutation($input: PersonRecordInput!) { recordPerson(input: $input) { outcome changedFields person { id iin fullName regionCode address temporaryAddress phone phoneVerified phoneSource category disabilityGroup disabilityReasons needs { mobility } idDocument { type number issuer issuedOn validUntil } } } }`;
const HISTORY = `query($id: ID!) { person(id: $id) { sourceHistory(first: 50) { nodes { source sourceVersion actorSub fields changes } } } }`;

const sent = (i: number, version: number, over: Record<string, unknown> = {}) => {
  const p = REGISTRY_ONLY_PERSONS[i]!;
  return {
    iin: p.iin, sourceVersion: version, lastName: p.lastName, firstName: p.firstName, middleName: p.middleName, birthDate: p.birthDate, sex: p.sex,
    regionCode: p.regionCode, permanentAddress: p.permanentAddress, temporaryAddress: null,
    idDocument: { type: p.idDocument.type, number: p.idDocument.number, issuer: p.idDocument.issuer, issuedOn: p.idDocument.issuedOn, validUntil: p.idDocument.validUntil },
    category: 'DISABLED', disabilityGroup: 2, disabilityReasons: ['GENERAL_DISEASE'], needs: { vision: false, hearing: false, mobility: true }, phone: '+77770000003',
    ...over,
  };
};

describe('Е-Собес records a person (people:write)', () => {
  const p = REGISTRY_ONLY_PERSONS[3]!;
  it('creates the person from what it sends, with БМГ\'s verified phone; the same version again changes nothing', async () => {
    const first = (await ok(RECORD, { input: sent(3, 1) }, eSobes)).recordPerson;
    expect(first.outcome).toBe('CREATED');
    expect(first.person).toMatchObject({
      iin: p.iin, fullName: `${p.lastName} ${p.firstName} ${p.middleName}`, regionCode: 'KZ-71', address: p.permanentAddress, temporaryAddress: null,
      // БМГ holds a verified number: it wins over the one Е-Собес sent.
      phone: registryOnlyPhone(3), phoneVerified: true, phoneSource: 'BMG',
      category: 'DISABLED', disabilityGroup: 2, disabilityReasons: ['GENERAL_DISEASE'], needs: { mobility: true },
      idDocument: { type: 'BIRTH_CERTIFICATE', number: p.idDocument.number, issuer: p.idDocument.issuer, issuedOn: p.birthDate, validUntil: null },
    });
    const again = (await ok(RECORD, { input: sent(3, 1) }, eSobes)).recordPerson;
    expect(again).toMatchObject({ outcome: 'UNCHANGED', changedFields: [], person: { id: first.person.id } });
    expect(await sql('select count(*)::int as n from people.person where iin = ?', [p.iin])).toEqual([{ n: 1 }]);
    const history = (await ok(HISTORY, { id: first.person.id }, eSobes)).person.sourceHistory.nodes;
    expect(history.map((h: any) => [h.source, h.sourceVersion, h.actorSub])).toEqual([['E_SOBES', '1', 'test-integrator'], ['BMG', null, 'test-integrator']]);
    expect(history[0].changes.lastName).toEqual({ from: null, to: p.lastName });
    expect(history[1].changes.phone).toEqual({ from: null, to: registryOnlyPhone(3) });
    // БМГ was asked once (at creation), and the read is audited with the person.
    const audit = await sql(`select actor_sub, operation_name, outcome, error_codes from people.audit_entry where operation_type = 'registry' and ? = any(person_ids)`, [first.person.id]);
    expect(audit).toEqual([{ actor_sub: 'test-integrator', operation_name: 'PhoneRegistry.phoneByIin', outcome: 'OK', error_codes: [] }]);
  });

  it('a later version updates what changed and is kept in the history; an older one is STALE; its department reads the history, another region\'s does not', async () => {
    const v2 = (await ok(RECORD, { input: sent(3, 2, { temporaryAddress: 'Астана, ул. Сарайшык, д. 5', disabilityGroup: 1 }) }, eSobes)).recordPerson;
    expect(v2).toMatchObject({ outcome: 'UPDATED', person: { temporaryAddress: 'Астана, ул. Сарайшык, д. 5', disabilityGroup: 1, phoneSource: 'BMG' } });
    expect(v2.changedFields.sort()).toEqual(['disabilityGroup', 'temporaryAddress']);
    const stale = (await ok(RECORD, { input: sent(3, 1, { lastName: 'Старый' }) }, eSobes)).recordPerson;
    expect(stale).toMatchObject({ outcome: 'UNCHANGED', person: { fullName: expect.stringMatching(/^Сейітов /) } });
    const older = (await ok(RECORD, { input: { ...sent(3, 1, { lastName: 'Старый' }), sourceVersion: 1 } }, eSobes)).recordPerson;
    expect(older.outcome).toBe('UNCHANGED');
    await ok(RECORD, { input: sent(3, 5, { temporaryAddress: 'Астана, ул. Сарайшык, д. 5', disabilityGroup: 1 }) }, eSobes);
    const older2 = (await ok(RECORD, { input: sent(3, 4, { lastName: 'Старый' }) }, eSobes)).recordPerson;
    expect(older2).toMatchObject({ outcome: 'STALE', changedFields: [] });

    const department = await tokenFor(departmentIdentity('KZ-71'));
    const history = (await ok(HISTORY, { id: v2.person.id }, department)).person.sourceHistory.nodes;
    expect(history.map((h: any) => `${h.source}:${h.sourceVersion}`)).toEqual(['E_SOBES:1', 'BMG:null', 'E_SOBES:2', 'E_SOBES:5']);
    expect(history[2].changes).toEqual({ disabilityGroup: { from: 2, to: 1 }, temporaryAddress: { from: null, to: 'Астана, ул. Сарайшык, д. 5' } });
    expect(history[3].fields).toEqual([]); // v5 said the same again: recorded, nothing changed
    expect(codes(await gql(url, HISTORY, { id: v2.person.id }, await tokenFor(departmentIdentity('KZ-75'))))).toEqual(['FORBIDDEN']);
  });

  it('refuses without people:write, and bad input, writing nothing', async () => {
    const p4 = REGISTRY_ONLY_PERSONS[5]!;
    expect(codes(await gql(url, RECORD, { input: sent(5, 1) }, await tokenFor(integratorIdentity(['programs:write', 'people:read']))))).toEqual(['FORBIDDEN']);
    const wrongBirth = await gql(url, RECORD, { input: sent(5, 1, { birthDate: '2021-06-16' }) }, eSobes);
    expect(wrongBirth.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.birthDate' });
    const wrongSex = await gql(url, RECORD, { input: sent(5, 1, { sex: 'FEMALE' }) }, eSobes);
    expect(wrongSex.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.sex' });
    const badIin = await gql(url, RECORD, { input: sent(5, 1, { iin: '210615510503' }) }, eSobes);
    expect(badIin.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.iin' });
    expect(codes(await gql(url, RECORD, { input: sent(5, 1, { disabilityReasons: ['lower case'] }) }, eSobes))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql(url, RECORD, { input: sent(5, 1, { lastName: 'x'.repeat(201) }) }, eSobes))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql(url, RECORD, { input: sent(5, 1, { category: 'NONE' }) }, eSobes))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql(url, RECORD, { input: sent(5, 1, { phone: '12' }) }, eSobes))).toEqual(['BAD_USER_INPUT']);
    expect(await sql('select count(*)::int as n from people.person where iin = ?', [p4.iin])).toEqual([{ n: 0 }]);
  });
});

describe('publishMeasures with the person', () => {
  const PUBLISH = `mutation($input: PublishMeasuresInput!) { publishMeasures(input: $input) { created program { number person { iin fullName } } } }`;
  const input = (i: number, person: Record<string, unknown> | null, n: string) => ({
    personIin: REGISTRY_ONLY_PERSONS[i]!.iin, programNumber: `IPR-EX-REG-${n}`, issuedOn: '2026-11-20', validUntil: '2027-11-19',
    measures: [{ sourceId: `SPS-EX-REG-${n}`, kind: 'S6', itemTypeCode: 'S6-WC-MANUAL', quantity: 1, guaranteedSum: 18_500_000 }],
    ...(person ? { person } : {}),
  });

  it('a person the portal has never seen: NOT_FOUND without the person, created with it', async () => {
    const p = REGISTRY_ONLY_PERSONS[4]!;
    expect(codes(await gql(url, PUBLISH, { input: input(4, null, `${process.pid}-a`) }, eSobes))).toEqual(['NOT_FOUND']);
    // The person's scope is needed to send the person; nothing is written without it.
    const programsOnly = await tokenFor(integratorIdentity(['programs:write', 'programs:read']));
    expect(codes(await gql(url, PUBLISH, { input: input(4, sent(4, 1), `${process.pid}-b`) }, programsOnly))).toEqual(['FORBIDDEN']);
    // A measure the sent data does not allow (S1 needs group 1 with mobility difficulty): nothing written, the person neither.
    const s1 = { ...input(4, sent(4, 1), `${process.pid}-c`), measures: [{ sourceId: `SPS-EX-REG-${process.pid}-c`, kind: 'S1', itemTypeCode: 'S1-ASSIST', quantity: 8, guaranteedSum: 1_000_000 }] };
    expect(codes(await gql(url, PUBLISH, { input: s1 }, eSobes))).toEqual(['NOT_ELIGIBLE']);
    // The person's refusals come back under person.
    const bad = await gql(url, PUBLISH, { input: input(4, sent(4, 1, { regionCode: 'KZ-00' }), `${process.pid}-d`) }, eSobes);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'person.regionCode' });
    expect(await sql('select count(*)::int as n from people.person where iin = ?', [p.iin])).toEqual([{ n: 0 }]);

    const published = (await ok(PUBLISH, { input: input(4, sent(4, 1), `${process.pid}-e`) }, eSobes)).publishMeasures;
    expect(published).toMatchObject({ created: 1, program: { person: { iin: p.iin, fullName: `${p.lastName} ${p.firstName} ${p.middleName}` } } });
    const history = await sql(`select h.source, h.source_version, h.actor_sub from people.person_source_record h join people.person p on p.id = h.person_id where p.iin = ? order by h.id`, [p.iin]);
    expect(history).toEqual([{ source: 'E_SOBES', source_version: '1', actor_sub: 'test-integrator' }, { source: 'BMG', source_version: null, actor_sub: 'test-integrator' }]);
  });
});

describe('sign-in creates the account from the person registry', () => {
  const CHALLENGE = `mutation($iin: String!) { signInChallenge(iin: $iin) { document } }`;
  const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { token role displayName personId } }`;
  const ME = `{ me { id iin fullName address temporaryAddress phone phoneVerified phoneSource category idDocument { type number } program { id } } }`;
  async function signIn(iin: string) {
    const challenge = (await gql(url, CHALLENGE, { iin })).data.signInChallenge.document as string;
    const signed = await signDocument(await devSigner(iin), JSON.parse(challenge));
    return gql(url, SIGN_IN, { input: { document: signed.document, signature: signed.signature, certificate: signed.certificate } });
  }

  it('a valid EDS of a person the portal does not know: a cabinet from the registry, no measures; audited; the second sign-in finds it', async () => {
    const p = REGISTRY_ONLY_PERSONS[1]!;
    const res = await signIn(p.iin);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    expect(res.data.signIn).toMatchObject({ role: 'RECIPIENT', displayName: `${p.lastName} ${p.firstName} ${p.middleName}`, personId: expect.any(String) });
    const me = (await ok(ME, {}, res.data.signIn.token)).me;
    expect(me).toMatchObject({
      iin: p.iin, address: p.permanentAddress, temporaryAddress: p.temporaryAddress, phone: registryOnlyPhone(1), phoneVerified: true, phoneSource: 'BMG',
      category: 'NONE', idDocument: { type: 'BIRTH_CERTIFICATE', number: p.idDocument.number }, program: null,
    });
    const audit = await sql(`select actor_sub, operation_name, outcome from people.audit_entry where operation_type = 'registry' and ? = any(person_ids) order by id`, [me.id]);
    expect(audit).toEqual([
      { actor_sub: me.id, operation_name: 'PersonRegistry.personByIin', outcome: 'OK' },
      { actor_sub: me.id, operation_name: 'PhoneRegistry.phoneByIin', outcome: 'OK' },
    ]);
    const again = await signIn(p.iin);
    expect(again.data.signIn.personId).toBe(me.id);
    expect(await sql('select count(*)::int as n from people.person where iin = ?', [p.iin])).toEqual([{ n: 1 }]);
  });

  it('no number in БМГ: the phone is not verified until the person corrects it in the cabinet (003 ¶6)', async () => {
    const p = REGISTRY_ONLY_PERSONS[2]!;
    const res = await signIn(p.iin);
    const token = res.data.signIn.token as string;
    expect((await ok(ME, {}, token)).me).toMatchObject({ phone: '', phoneVerified: false, phoneSource: null });
    const fixed = (await ok(`mutation { updateMyContacts(input: { phone: "+77015550002" }) { id phone phoneVerified phoneSource } }`, {}, token)).updateMyContacts;
    expect(fixed).toMatchObject({ phone: '+77015550002', phoneVerified: false, phoneSource: 'CABINET' });
    const history = (await ok(HISTORY, { id: fixed.id }, token)).person.sourceHistory.nodes;
    expect(history.map((h: any) => h.source)).toEqual(['PERSON_REGISTRY', 'CABINET']);
    expect(history[1].changes.phone).toEqual({ from: '', to: '+77015550002' });
  });

  it('an IIN the registry does not hold: NOT_IN_REGISTRY, nothing written but the audit row', async () => {
    const before = (await sql(`select count(*)::int as n from people.audit_entry where operation_name = 'PersonRegistry.personByIin' and outcome = 'OK' and 'NOT_IN_REGISTRY' = any(error_codes)`))[0].n;
    const unknown = '211228599907'; // valid, held by no registry
    const res = await signIn(unknown);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_IN_REGISTRY', registry: 'PERSON' });
    expect(await sql('select count(*)::int as n from people.person where iin = ?', [unknown])).toEqual([{ n: 0 }]);
    expect((await sql(`select count(*)::int as n from people.audit_entry where operation_name = 'PersonRegistry.personByIin' and outcome = 'OK' and 'NOT_IN_REGISTRY' = any(error_codes)`))[0].n).toBe(before + 1);
    // The development signer looks the IIN up in the registry too: audited as well, by whoever asked (nobody signed in).
    expect((await gql(url, `query($iin: String!) { developmentSigningKey(iin: $iin) { algorithm } }`, { iin: unknown })).data.developmentSigningKey).toBeNull();
    expect(await sql(`select actor_sub, actor_role, person_ids from people.audit_entry where operation_name = 'PersonRegistry.personByIin' and 'NOT_IN_REGISTRY' = any(error_codes) order by id desc limit 1`))
      .toEqual([{ actor_sub: 'anonymous', actor_role: 'ANONYMOUS', person_ids: [] }]);
  });

  it('the registry cannot be asked: REGISTRY_UNAVAILABLE, nothing written', async () => {
    const server: Server = createServer((_req, res) => res.writeHead(503).end());
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const dev = registriesFromEnv({});
    setRegistries({
      ...dev,
      persons: new HttpPersonRegistry({ url: base, username: 'u', password: 'p', timeoutMs: 500, retries: 1, backoffMs: 5, sender: 'aleumet', breaker: { failureThreshold: 5, openMs: 1000 } }),
    });
    try {
      const p = REGISTRY_ONLY_PERSONS[7]!;
      const res = await signIn(p.iin);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'REGISTRY_UNAVAILABLE', registry: 'person registry' });
      expect(await sql('select count(*)::int as n from people.person where iin = ?', [p.iin])).toEqual([{ n: 0 }]);
    } finally {
      setRegistries(undefined);
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
