import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '@aleumet/platform';
import { startTestPlatform } from '@aleumet/platform/testing';
import { Role, type Identity } from '@aleumet/core';
import { REGISTRY_ONLY_PERSONS } from '@aleumet/demo-data';
import { adminIdentity, codes, departmentIdentity, gql, integratorIdentity, recipientIdentity, sql, supplierIdentity, tokenFor, world } from '@aleumet/testkit';

/**
 * The guaranteed social package (seeds 002 ¶1: its recipients are participants of the portal and see the kinds,
 * volumes and statuses in the cabinet), through the gateway: Е-Собес publishes a person's entitlements
 * (idempotent by sourceId and sourceVersion, a later version updates) and sets their statuses; the person, a
 * representative, the region's department and integrators by scope read them, nobody else; malformed input is
 * BAD_USER_INPUT naming the field, and writes nothing. Registry-only person [8] of @aleumet/demo-data and the
 * seeded recipients 930–939 are this file's; the seeded GSP recipients are only read.
 */

const PUBLISH = `mutation($input: PublishGspEntitlementsInput!) {
  publishGspEntitlements(input: $input) { personId created updated unchanged stale entitlements { id sourceId sourceVersion kind quantity unit startsOn endsOn status version regionCode } } }`;
const STATUS = `mutation($input: SetGspStatusInput!) { setGspStatus(input: $input) { changed entitlement { id sourceId status statusReason statusChangedAt } } }`;
const ONE = `query($id: ID!) { gspEntitlement(id: $id) { id kind quantity unit status person { id } } }`;
const LIST = `query($after: String, $status: GspStatus) { gspEntitlements(first: 200, after: $after, status: $status) { nodes { id regionCode status person { id } } pageInfo { hasNextPage endCursor } } }`;
const OF_PERSON = `query($id: ID!) { person(id: $id) { id gspEntitlements(first: 20) { nodes { id kind quantity unit startsOn endsOn status statusReason } } } }`;
const MINE = `{ me { id gspEntitlements(first: 20) { nodes { id kind status } } } }`;

let platform: Platform;
let url: string;
let eSobes: string;
let seq = 0;
const unique = (label: string) => `GSP-T-${label}-${process.pid}-${Date.now().toString(36)}-${(seq++).toString(36)}`;

beforeAll(async () => {
  platform = await startTestPlatform();
  url = platform.gateway.url;
  eSobes = await tokenFor(integratorIdentity(['programs:write', 'people:write']));
});
afterAll(() => platform?.close());

const ok = async (query: string, variables: Record<string, unknown>, token: string) => {
  const res = await gql(url, query, variables, token);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data;
};
const as = (identity: Identity) => tokenFor(identity);
const person = (i: number) => world().persons[i]!;
const food = (sourceId: string, over: Record<string, unknown> = {}) => ({
  sourceId, sourceVersion: 1, kind: 'FOOD_SET', quantity: 1, unit: 'SETS_PER_MONTH', startsOn: '2026-12-01', endsOn: '2027-05-31', ...over,
});
const forPerson = (i: number, entitlements: unknown[]) => ({ personIin: person(i).iin, entitlements });

describe('Е-Собес publishes the package (programs:write)', () => {
  it('an unknown IIN with the person data: the person is created as publishMeasures creates it (category NONE allowed), entitlements ASSIGNED; the same input again changes nothing', async () => {
    const p = REGISTRY_ONLY_PERSONS[8]!;
    const sentPerson = {
      iin: p.iin, sourceVersion: 1, lastName: p.lastName, firstName: p.firstName, middleName: p.middleName, birthDate: p.birthDate, sex: p.sex,
      regionCode: p.regionCode, permanentAddress: p.permanentAddress, category: 'NONE',
    };
    const input = { personIin: p.iin, person: sentPerson, entitlements: [food(unique('food')), food(unique('hyg'), { kind: 'HYGIENE_SET' })] };
    // Without the person the IIN is unknown; the person's data needs people:write.
    expect(codes(await gql(url, PUBLISH, { input: { ...input, person: undefined } }, eSobes))).toEqual(['NOT_FOUND']);
    expect(codes(await gql(url, PUBLISH, { input }, await as(integratorIdentity(['programs:write']))))).toEqual(['FORBIDDEN']);
    expect(await sql('select count(*)::int as n from people.person where iin = $1', [p.iin])).toEqual([{ n: 0 }]);

    const first = (await ok(PUBLISH, { input }, eSobes)).publishGspEntitlements;
    expect(first).toMatchObject({ created: 2, updated: 0, unchanged: 0, stale: 0 });
    expect(first.entitlements.map((e: any) => [e.kind, e.status, e.quantity, e.unit, e.regionCode])).toEqual([
      ['FOOD_SET', 'ASSIGNED', 1, 'SETS_PER_MONTH', 'KZ-75'], ['HYGIENE_SET', 'ASSIGNED', 1, 'SETS_PER_MONTH', 'KZ-75'],
    ]);
    const [created] = await sql('select id, category, last_name from people.person where iin = $1', [p.iin]);
    expect(created).toMatchObject({ id: first.personId, category: 'NONE', last_name: p.lastName });

    const again = (await ok(PUBLISH, { input }, eSobes)).publishGspEntitlements;
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2, stale: 0 });
    expect(again.entitlements.map((e: any) => e.id)).toEqual(first.entitlements.map((e: any) => e.id));
    expect(await sql('select count(*)::int as n from programs.gsp_entitlement where person_id = $1', [first.personId])).toEqual([{ n: 2 }]);
    // The person (a child) is this package's recipient: its own cabinet lists it.
    const mine = await ok(MINE, {}, await as({ sub: first.personId, role: Role.RECIPIENT, personId: first.personId, represents: [], scopes: [] }));
    expect(mine.me.gspEntitlements.nodes.map((e: any) => e.kind)).toEqual(['FOOD_SET', 'HYGIENE_SET']);
  });

  it('a known person with category NONE keeps the category the portal holds from the IPR', async () => {
    const p = person(930);
    const sentPerson = {
      iin: p.iin, sourceVersion: 900, lastName: p.lastName, firstName: p.firstName, middleName: p.middleName, birthDate: p.birthDate, sex: p.sex,
      regionCode: p.regionCode, permanentAddress: p.address, category: 'NONE',
    };
    await ok(PUBLISH, { input: { ...forPerson(930, [food(unique('keep'), { kind: 'SCHOOL_MEALS', unit: 'MEALS_PER_SCHOOL_DAY' })]), person: sentPerson } }, eSobes);
    expect(await sql('select category from people.person where iin = $1', [p.iin])).toEqual([{ category: p.category }]);
    // An IPR publication still needs DISABLED or ELDERLY.
    const ipr = await gql(url, `mutation($input: PublishMeasuresInput!) { publishMeasures(input: $input) { created } }`, {
      input: { personIin: p.iin, programNumber: unique('IPR'), issuedOn: '2026-11-20', validUntil: '2027-11-19', person: { ...sentPerson, sourceVersion: 901 },
        measures: [{ sourceId: unique('SPS'), kind: 'S6', itemTypeCode: 'S6-WC-MANUAL', quantity: 1, guaranteedSum: 18_500_000 }] },
    }, await as(integratorIdentity(['programs:write', 'people:write'])));
    expect(ipr.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'person.category' });
  });

  it('identical publications sent at once make one write', async () => {
    const body = forPerson(931, [food(unique('conc'))]);
    const answers = await Promise.all(Array.from({ length: 5 }, () => gql(url, PUBLISH, { input: body }, eSobes)));
    for (const a of answers) expect(a.errors, JSON.stringify(a.errors)).toBeUndefined();
    const results = answers.map((a) => a.data.publishGspEntitlements);
    expect(new Set(results.map((r) => r.entitlements[0].id)).size).toBe(1);
    expect(results.filter((r) => r.created === 1)).toHaveLength(1);
    expect(results.filter((r) => r.unchanged === 1)).toHaveLength(4);
  });

  it('a higher sourceVersion updates kind, volume and period; a lower one is stale; the same version with other content is CONFLICT', async () => {
    const id = unique('ver');
    const v1 = (await ok(PUBLISH, { input: forPerson(932, [food(id)]) }, eSobes)).publishGspEntitlements.entitlements[0];
    const v2 = (await ok(PUBLISH, { input: forPerson(932, [food(id, { sourceVersion: 2, quantity: 2, endsOn: '2027-08-31' })]) }, eSobes)).publishGspEntitlements;
    expect(v2).toMatchObject({ created: 0, updated: 1 });
    expect(v2.entitlements[0]).toMatchObject({ id: v1.id, sourceVersion: 2, quantity: 2, endsOn: '2027-08-31', version: v1.version + 1 });
    const late = (await ok(PUBLISH, { input: forPerson(932, [food(id)]) }, eSobes)).publishGspEntitlements;
    expect(late).toMatchObject({ stale: 1, updated: 0 });
    expect(late.entitlements[0]).toMatchObject({ sourceVersion: 2, quantity: 2 });
    const clash = await gql(url, PUBLISH, { input: forPerson(932, [food(id, { sourceVersion: 2, quantity: 3 })]) }, eSobes);
    expect(clash.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'entitlements.0.sourceVersion', currentVersion: 2 });
    // Another person's sourceId.
    const other = await gql(url, PUBLISH, { input: forPerson(933, [food(id, { sourceVersion: 3 })]) }, eSobes);
    expect(other.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'entitlements.0.sourceId' });
    expect(await sql('select quantity, source_version from programs.gsp_entitlement where source_id = $1', [id])).toEqual([{ quantity: 2, source_version: 2 }]);
  });

  it('statuses: ASSIGNED → BEING_PROVIDED → PROVIDED; the same status again changes nothing; a final status stays; unknown sourceId NOT_FOUND', async () => {
    const id = unique('st');
    const entitlementId = (await ok(PUBLISH, { input: forPerson(934, [food(id)]) }, eSobes)).publishGspEntitlements.entitlements[0].id;
    const set = (status: string, reason?: string) => gql(url, STATUS, { input: { sourceId: id, status, reason } }, eSobes);
    // The person's cabinet reads it before and after: the gateway's cached answer does not outlive the change.
    const owner = await as(recipientIdentity(934));
    const seen = async () => (await ok(OF_PERSON, { id: person(934).id }, owner)).person.gspEntitlements.nodes.find((e: any) => e.id === entitlementId).status;
    expect(await seen()).toBe('ASSIGNED');
    const providing = (await set('BEING_PROVIDED')).data.setGspStatus;
    expect(await seen()).toBe('BEING_PROVIDED');
    expect(providing).toMatchObject({ changed: true, entitlement: { status: 'BEING_PROVIDED', statusReason: null } });
    expect((await set('BEING_PROVIDED')).data.setGspStatus).toMatchObject({ changed: false, entitlement: { status: 'BEING_PROVIDED', statusChangedAt: providing.entitlement.statusChangedAt } });
    expect((await set('PROVIDED', 'Выдано за полугодие')).data.setGspStatus).toMatchObject({ changed: true, entitlement: { status: 'PROVIDED', statusReason: 'Выдано за полугодие' } });
    const back = await set('STOPPED');
    expect(back.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_TRANSITION', from: 'PROVIDED', to: 'STOPPED' });
    // A later publication changes the content, never the status.
    await ok(PUBLISH, { input: forPerson(934, [food(id, { sourceVersion: 2, quantity: 2 })]) }, eSobes);
    expect(await sql('select status, quantity from programs.gsp_entitlement where source_id = $1', [id])).toEqual([{ status: 'PROVIDED', quantity: 2 }]);

    const stopId = unique('stop');
    await ok(PUBLISH, { input: forPerson(934, [food(stopId)]) }, eSobes);
    const stopped = await gql(url, STATUS, { input: { sourceId: stopId, status: 'STOPPED', reason: 'Семья больше не получает АСП' } }, eSobes);
    expect(stopped.data.setGspStatus.entitlement).toMatchObject({ status: 'STOPPED', statusReason: 'Семья больше не получает АСП' });
    expect(codes(await gql(url, STATUS, { input: { sourceId: stopId, status: 'BEING_PROVIDED' } }, eSobes))).toEqual(['INVALID_TRANSITION']);
    expect(codes(await gql(url, STATUS, { input: { sourceId: unique('none'), status: 'PROVIDED' } }, eSobes))).toEqual(['NOT_FOUND']);

    // The person is told of each change once (a repeated status is no change), in Kazakh, the kind named.
    await platform.runtime.scheduler.runAll({ only: ['programs:commands'], strict: true });
    const centre = (await ok(`{ notifications(first: 100) { nodes { template title body } } }`, {}, owner)).notifications.nodes.filter((n: { template: string }) => n.template.startsWith('GSP_'));
    expect(centre.map((n: { template: string }) => n.template).sort()).toEqual(['GSP_ASSIGNED', 'GSP_ASSIGNED', 'GSP_BEING_PROVIDED', 'GSP_PROVIDED', 'GSP_STOPPED']);
    expect(centre.find((n: { template: string }) => n.template === 'GSP_ASSIGNED').title).toBe('Кепілдік берілген әлеуметтік пакет: Азық-түлік жиынтығы');
    expect(centre.find((n: { template: string }) => n.template === 'GSP_STOPPED').body).toBe('Кепілдік берілген әлеуметтік пакеттің Азық-түлік жиынтығы түрін беру тоқтатылды. Семья больше не получает АСП');
  });
});

describe('who may see and change the package', () => {
  const w = world();
  // A seeded GSP recipient with a legal representative (the demo world's parent), and one of another region.
  const parented = w.gspEntitlements.find((g) => w.representations.some((r) => r.principalId === g.personId && r.kind === 'LEGAL_REPRESENTATIVE'))!;
  const child = w.persons.findIndex((p) => p.id === parented.personId);
  const rep = w.representations.find((r) => r.principalId === parented.personId && r.kind === 'LEGAL_REPRESENTATIVE')!;
  const repIdentity: Identity = { sub: rep.representativeId, role: Role.REPRESENTATIVE, personId: rep.representativeId, represents: w.representations.filter((r) => r.representativeId === rep.representativeId).map((r) => r.principalId), scopes: [] };
  const region = parented.regionCode;
  const elsewhere = w.gspEntitlements.find((g) => g.regionCode !== region)!;
  const stranger = w.persons.findIndex((p) => p.category !== 'NONE' && p.regionCode !== region && !w.gspEntitlements.some((g) => g.personId === p.id));

  it('the person and the representative see the kinds, volumes and statuses; the seeded package is there', async () => {
    const own = (await ok(MINE, {}, await as(recipientIdentity(child)))).me.gspEntitlements.nodes;
    expect(own.map((e: any) => e.kind)).toEqual(['SCHOOL_MEALS', 'SCHOOL_UNIFORM', 'SCHOOL_SUPPLIES', 'PUBLIC_TRANSPORT']);
    const viaRep = (await ok(OF_PERSON, { id: parented.personId }, await as(repIdentity))).person.gspEntitlements.nodes;
    expect(viaRep.map((e: any) => [e.kind, e.status])).toEqual(w.gspEntitlements.filter((g) => g.personId === parented.personId).map((g) => [g.kind, g.status]));
    expect(viaRep[3]).toMatchObject({ quantity: 9, unit: 'MONTHS' });
    expect((await ok(ONE, { id: parented.id }, await as(repIdentity))).gspEntitlement).toMatchObject({ id: parented.id, person: { id: parented.personId } });
  });

  it("the region's department lists its region's recipients and only those; another region's, a stranger and a supplier are refused", async () => {
    const dept = await as(departmentIdentity(region));
    const nodes: any[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = (await ok(LIST, { after }, dept)).gspEntitlements;
      nodes.push(...page.nodes);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(nodes.map((n) => n.id)).toEqual(expect.arrayContaining(w.gspEntitlements.filter((g) => g.regionCode === region).map((g) => g.id)));
    expect(nodes.every((n) => n.regionCode === region)).toBe(true);
    const provided = (await ok(LIST, { after: null, status: 'PROVIDED' }, dept)).gspEntitlements.nodes;
    expect(provided.length).toBeGreaterThan(0);
    expect(provided.every((n: any) => n.status === 'PROVIDED')).toBe(true);

    expect(codes(await gql(url, ONE, { id: elsewhere.id }, dept))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(url, ONE, { id: parented.id }, await as(recipientIdentity(stranger))))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(url, OF_PERSON, { id: parented.personId }, await as(recipientIdentity(stranger))))).toContain('FORBIDDEN');
    const supplier = await as(supplierIdentity(w.suppliers[0]!.id));
    expect(codes(await gql(url, LIST, { after: null }, supplier))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(url, ONE, { id: parented.id }, supplier))).toEqual(['FORBIDDEN']);
    // A stranger's own list holds nothing of others.
    const strangers = (await ok(LIST, { after: null }, await as(recipientIdentity(stranger)))).gspEntitlements.nodes;
    expect(strangers).toEqual([]);
  });

  it('the programs subgraph decides on its own port too (root field and Person.gspEntitlements through _entities)', async () => {
    const programs = platform.subgraphs.programs.url;
    const strangerToken = await as(recipientIdentity(stranger));
    expect(codes(await gql(programs, ONE, { id: parented.id }, strangerToken))).toEqual(['FORBIDDEN']);
    expect((await gql(programs, ONE, { id: parented.id }, await as(departmentIdentity(region)))).data.gspEntitlement.id).toBe(parented.id);
    const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { gspEntitlements(first: 5) { nodes { id kind } } } } }`;
    const r = [{ __typename: 'Person', id: parented.personId }];
    expect(codes(await gql(programs, ENTITIES, { r }, strangerToken))).toContain('FORBIDDEN');
    const own = await gql(programs, ENTITIES, { r }, await as(repIdentity));
    expect(own.data._entities[0].gspEntitlements.nodes).toHaveLength(4);
  });

  it('integrators by scope: programs:read lists all, the publisher (programs:write) reads what it publishes, other scopes nothing', async () => {
    const reader = await as(integratorIdentity(['programs:read']));
    expect((await ok(ONE, { id: elsewhere.id }, reader)).gspEntitlement.id).toBe(elsewhere.id);
    expect((await ok(LIST, { after: null }, reader)).gspEntitlements.nodes.length).toBeGreaterThanOrEqual(w.gspEntitlements.length);
    expect((await ok(ONE, { id: elsewhere.id }, await as(integratorIdentity(['programs:write'])))).gspEntitlement.id).toBe(elsewhere.id);
    const orders = await as(integratorIdentity(['orders:read']));
    expect(codes(await gql(url, ONE, { id: elsewhere.id }, orders))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(url, LIST, { after: null }, orders))).toEqual(['FORBIDDEN']);
    expect((await ok(LIST, { after: null }, await as(adminIdentity()))).gspEntitlements.nodes.length).toBeGreaterThan(0);
  });

  it('only Е-Собес (programs:write) or an admin publishes and sets statuses', async () => {
    const input = forPerson(935, [food(unique('who'))]);
    for (const identity of [integratorIdentity(['programs:read', 'people:write']), recipientIdentity(935), departmentIdentity(person(935).regionCode), supplierIdentity(w.suppliers[0]!.id)]) {
      const token = await as(identity);
      expect(codes(await gql(url, PUBLISH, { input }, token))).toEqual(['FORBIDDEN']);
      expect(codes(await gql(url, STATUS, { input: { sourceId: parented.sourceId, status: 'STOPPED' } }, token))).toEqual(['FORBIDDEN']);
    }
    expect(codes(await gql(url, PUBLISH, { input }, undefined as unknown as string))).toEqual(['UNAUTHENTICATED']);
    expect(await sql('select count(*)::int as n from programs.gsp_entitlement where source_id = $1', [input.entitlements[0]!.sourceId])).toEqual([{ n: 0 }]);
  });
});

describe('malformed input: BAD_USER_INPUT naming the field, nothing written', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['unit of another kind', { unit: 'MONTHS' }, 'entitlements.0.unit'],
    ['quantity 0', { quantity: 0 }, 'entitlements.0.quantity'],
    ['quantity over 10 000', { quantity: 10_001 }, 'entitlements.0.quantity'],
    ['sourceVersion 0', { sourceVersion: 0 }, 'entitlements.0.sourceVersion'],
    ['blank sourceId', { sourceId: '  ' }, 'entitlements.0.sourceId'],
    ['over-long sourceId', { sourceId: 'G'.repeat(201) }, 'entitlements.0.sourceId'],
    ['impossible date', { startsOn: '2026-11-31' }, 'entitlements.0.startsOn'],
    ['period ending before it starts', { endsOn: '2026-11-30' }, 'entitlements.0.endsOn'],
  ];
  it.each(cases)('%s', async (_label, over, field) => {
    const sourceId = unique('bad');
    const res = await gql(url, PUBLISH, { input: forPerson(936, [food(sourceId, over)]) }, eSobes);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await sql('select count(*)::int as n from programs.gsp_entitlement where source_id = $1', [sourceId])).toEqual([{ n: 0 }]);
  });

  it('lists, IINs, repeated source ids, reasons', async () => {
    const field = async (query: string, input: unknown) => (await gql(url, query, { input }, eSobes)).errors?.[0]?.extensions;
    expect(await field(PUBLISH, forPerson(936, []))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'entitlements' });
    expect(await field(PUBLISH, forPerson(936, Array.from({ length: 51 }, (_, i) => food(`${unique('many')}-${i}`))))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'entitlements' });
    const twice = unique('twice');
    expect(await field(PUBLISH, forPerson(936, [food(twice), food(twice)]))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'entitlements' });
    expect(await field(PUBLISH, { personIin: '123456789012', entitlements: [food(unique('iin'))] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'personIin' });
    expect(await field(PUBLISH, { ...forPerson(936, [food(unique('p'))]), person: { iin: person(937).iin, sourceVersion: 1, lastName: 'x', firstName: 'x', birthDate: person(937).birthDate, sex: person(937).sex, regionCode: 'KZ-71', permanentAddress: 'x', category: 'NONE' } }))
      .toMatchObject({ code: 'BAD_USER_INPUT', field: 'person.iin' });
    expect(await field(STATUS, { sourceId: seededLast().sourceId, status: 'STOPPED', reason: 'x'.repeat(1001) })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect(await field(STATUS, { sourceId: 'x'.repeat(201), status: 'STOPPED' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sourceId' });
    expect(await sql('select status from programs.gsp_entitlement where source_id = $1', [seededLast().sourceId])).toEqual([{ status: seededLast().status }]);
  });
});

const seededLast = () => world().gspEntitlements.at(-1)!;
