import { describe, expect, it } from 'vitest';
import { TestClock } from '@aleumet/runtime';
import { usePlatform } from '@aleumet/platform/testing';
import { codes, departmentIdentity, gql, recipientIdentity, supplierIdentity, tokenFor, world } from '@aleumet/testkit';

/**
 * Complaints (seeds 004 ¶11), failure reports with attachments and the planned fix time (003 ¶15,
 * ¶16), notices, instructions and news (003 ¶14), through the gateway. Recipients 720–739 are this
 * file's. Astana is UTC+5.
 */
const clock = new TestClock(new Date('2027-02-01T05:00:00Z'));
/** The platform on this file's clock; `app.admin` is an administrator's token. */
const app = usePlatform({ clock });

async function ok<T = any>(query: string, vars: Record<string, unknown>, token?: string): Promise<T> {
  const r = await gql(app.url, query, vars, token);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data as T;
}
const at = (iso: string) => clock.set(new Date(iso));
const person = (i: number) => world().persons[720 + i]!;
const recipient = (i: number) => tokenFor(recipientIdentity(720 + i));

describe('complaints (004 ¶11)', () => {
  const C = 'id status receivedAt forwardDueAt answerDueAt answeredAt answer overdue';
  const FILE = `mutation($i: ComplaintInput!) { fileComplaint(input: $i) { ${C} } }`;
  const SATISFY = `mutation($id: ID!, $a: String!) { satisfyComplaint(id: $id, answer: $a) { ${C} } }`;
  const FORWARD = `mutation($id: ID!, $to: ResponsibleBody!) { forwardComplaint(id: $id, to: $to) { ${C} } }`;
  const LIST = `query($s: ComplaintStatus) { complaints(first: 200, status: $s) { nodes { id status } } }`;
  const file = async (i: number) => (await ok(FILE, { i: { supplierId: world().suppliers[6]!.id, text: 'The supplier does not answer the phone' } }, await recipient(i))).fileComplaint;

  it('a complaint satisfied within 3 working days is closed there and not forwarded; later it must be forwarded', async () => {
    at('2027-02-01T05:00:00Z'); // Monday 10:00 Astana
    const c = await file(0);
    expect(c).toMatchObject({ status: 'RECEIVED', forwardDueAt: '2027-02-04T19:00:00.000Z', answerDueAt: '2027-02-08T19:00:00.000Z' });
    const dept = await tokenFor(departmentIdentity(person(0).regionCode));
    const other = await tokenFor(departmentIdentity(world().persons.find((p) => p.regionCode !== person(0).regionCode)!.regionCode));
    // the department sees it on its own screen; another region's department does not and may not satisfy it
    expect((await ok(LIST, { s: 'RECEIVED' }, dept)).complaints.nodes).toContainEqual({ id: c.id, status: 'RECEIVED' });
    expect((await ok(LIST, { s: 'RECEIVED' }, other)).complaints.nodes).not.toContainEqual({ id: c.id, status: 'RECEIVED' });
    expect(codes(await gql(app.url, SATISFY, { id: c.id, a: 'Called back' }, other))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(app.url, SATISFY, { id: c.id, a: 'Called back' }, await recipient(0)))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(app.url, SATISFY, { id: c.id, a: ' ' }, dept))).toEqual(['BAD_USER_INPUT']);
    at('2027-02-04T18:00:00Z');
    const s = (await ok(SATISFY, { id: c.id, a: 'The supplier called back and delivered' }, dept)).satisfyComplaint;
    expect(s).toMatchObject({ status: 'SATISFIED', answer: 'The supplier called back and delivered', overdue: false });
    expect(codes(await gql(app.url, FORWARD, { id: c.id, to: 'EMPLOYMENT_DEPARTMENT' }, app.admin))).toEqual(['INVALID_TRANSITION']);
    // the recipient sees the answer
    expect((await ok(`query($id: ID!) { complaint(id: $id) { status answer } }`, { id: c.id }, await recipient(0))).complaint).toEqual({ status: 'SATISFIED', answer: 'The supplier called back and delivered' });

    // past the 3 working days it can no longer be closed without forwarding
    at('2027-02-01T05:00:00Z');
    const late = await file(1);
    at('2027-02-04T19:00:01Z');
    const r = await gql(app.url, SATISFY, { id: late.id, a: 'Too late' }, await tokenFor(departmentIdentity(person(1).regionCode)));
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_TRANSITION', reason: 'FORWARD_DEADLINE_PASSED' });
  });

  it('the answer deadline is 5 working days from registration however late it is forwarded; overdue when not answered by then', async () => {
    at('2027-02-01T05:00:00Z');
    const c = await file(2);
    at('2027-02-04T12:00:00Z'); // forwarded on the third working day
    const f = (await ok(FORWARD, { id: c.id, to: 'EMPLOYMENT_DEPARTMENT' }, app.admin)).forwardComplaint;
    expect(f.answerDueAt).toBe('2027-02-08T19:00:00.000Z');
    at('2027-02-08T19:00:01Z');
    expect((await ok(`query($id: ID!) { complaint(id: $id) { overdue } }`, { id: c.id }, app.admin)).complaint.overdue).toBe(true);
    // not forwarded at all: overdue for the answer too
    at('2027-02-01T05:00:00Z');
    const waiting = await file(3);
    at('2027-02-08T19:00:01Z');
    const dept = await tokenFor(departmentIdentity(person(3).regionCode));
    expect((await ok(`{ complaints(first: 200, overdue: true) { nodes { id } } }`, {}, dept)).complaints.nodes).toContainEqual({ id: waiting.id });
  });
});

describe('failure reports (003 ¶15, ¶16)', () => {
  const T = 'id number status channel plannedFixAt attachments { id fileName contentType size sha256 }';
  const REPORT = `mutation($i: ReportFailureInput!) { reportFailure(input: $i) { ${T} } }`;
  const STEP = `mutation($id: ID!, $i: TicketStepInput!) { recordTicketStep(id: $id, input: $i) { ${T} } }`;
  const ATTACH = `mutation($id: ID!, $i: TicketAttachmentInput!) { attachToFailureTicket(ticketId: $id, input: $i) { id fileName contentType size sha256 } }`;
  const CONTENT = `query($id: ID!) { ticketAttachmentContent(id: $id) }`;
  const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('screenshot of the failing page')]);

  it('messenger and chat-bot reports; screenshots attached and downloaded only by the reporter and the contact centre', async () => {
    at('2027-02-02T05:00:00Z');
    const reporter = await recipient(5);
    const bot = (await ok(REPORT, { i: { description: 'The chat-bot says the order page fails', channel: 'CHAT_BOT' } }, reporter)).reportFailure;
    expect(bot.channel).toBe('CHAT_BOT');
    const t = (await ok(REPORT, { i: { description: 'The order page shows an error', channel: 'MESSENGER' } }, reporter)).reportFailure;
    expect(t).toMatchObject({ channel: 'MESSENGER', attachments: [] });

    const a = (await ok(ATTACH, { id: t.id, i: { fileName: 'error.png', contentType: 'image/png', contentBase64: PNG.toString('base64') } }, reporter)).attachToFailureTicket;
    expect(a).toMatchObject({ fileName: 'error.png', contentType: 'image/png', size: PNG.length });
    // the declared type must match the content; only PDF, PNG, JPEG; bounded size
    expect(codes(await gql(app.url, ATTACH, { id: t.id, i: { fileName: 'x.pdf', contentType: 'application/pdf', contentBase64: PNG.toString('base64') } }, reporter))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql(app.url, ATTACH, { id: t.id, i: { fileName: 'x.exe', contentType: 'application/x-msdownload', contentBase64: 'TVo=' } }, reporter))).toEqual(['BAD_USER_INPUT']);
    const big = Buffer.concat([PNG, Buffer.alloc(710 * 1024)]).toString('base64');
    expect(codes(await gql(app.url, ATTACH, { id: t.id, i: { fileName: 'big.png', contentType: 'image/png', contentBase64: big } }, reporter))).toEqual(['BAD_USER_INPUT']);
    // someone else may neither attach nor download
    const stranger = await recipient(6);
    expect(codes(await gql(app.url, ATTACH, { id: t.id, i: { fileName: 'e.png', contentType: 'image/png', contentBase64: PNG.toString('base64') } }, stranger))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(app.url, CONTENT, { id: a.id }, stranger))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(app.url, CONTENT, { id: a.id }, await tokenFor(supplierIdentity(world().suppliers[3]!.id))))).toEqual(['FORBIDDEN']);
    for (const who of [reporter, app.admin]) expect((await ok(CONTENT, { id: a.id }, who)).ticketAttachmentContent).toBe(PNG.toString('base64'));
    // at most five per report
    for (let k = 0; k < 4; k++) await ok(ATTACH, { id: t.id, i: { fileName: `e${k}.png`, contentType: 'image/png', contentBase64: PNG.toString('base64') } }, app.admin);
    expect(codes(await gql(app.url, ATTACH, { id: t.id, i: { fileName: 'e5.png', contentType: 'image/png', contentBase64: PNG.toString('base64') } }, reporter))).toEqual(['BAD_USER_INPUT']);
  });

  it('a confirmed failure is decided with its planned fix time, which the reporter sees', async () => {
    at('2027-02-02T05:00:00Z');
    const reporter = await recipient(7);
    const t = (await ok(REPORT, { i: { description: 'Signing fails with an error' } }, reporter)).reportFailure;
    await ok(STEP, { id: t.id, i: { step: 'REGISTER' } }, app.admin);
    await ok(STEP, { id: t.id, i: { step: 'ANALYSE', escalate: false } }, app.admin);
    // a fix needs its planned time, in the future; no planned time without a fix
    expect(codes(await gql(app.url, STEP, { id: t.id, i: { step: 'DECIDE', decision: 'Confirmed', fixRequired: true } }, app.admin))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql(app.url, STEP, { id: t.id, i: { step: 'DECIDE', decision: 'Confirmed', fixRequired: true, plannedFixAt: '2027-02-01T00:00:00Z' } }, app.admin))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql(app.url, STEP, { id: t.id, i: { step: 'DECIDE', decision: 'Not a failure', fixRequired: false, plannedFixAt: '2027-02-03T10:00:00Z' } }, app.admin))).toEqual(['BAD_USER_INPUT']);
    const d = (await ok(STEP, { id: t.id, i: { step: 'DECIDE', decision: 'Confirmed', fixRequired: true, plannedFixAt: '2027-02-03T10:00:00Z' } }, app.admin)).recordTicketStep;
    expect(d).toMatchObject({ status: 'DECIDED', plannedFixAt: '2027-02-03T10:00:00.000Z' });
    expect((await ok(`query($id: ID!) { failureTicket(id: $id) { plannedFixAt decision } }`, { id: t.id }, reporter)).failureTicket)
      .toEqual({ plannedFixAt: '2027-02-03T10:00:00.000Z', decision: 'Confirmed' });
  });
});

describe('notices, instructions and news (003 ¶14)', () => {
  const NOTICE = `mutation($input: MaintenanceNoticeInput!) { saveMaintenanceNotice(input: $input) { id kind endsAt } }`;
  const BANNER = `query($k: NoticeKind) { activeMaintenanceNotices(kind: $k, first: 50) { nodes { id kind text(language: RU) { text } } } }`;
  const SAVE = `mutation($id: ID, $input: PortalArticleInput!) { savePortalArticle(id: $id, input: $input) { id kind published publishedAt videoUrl } }`;
  const READ = `query($k: ArticleKind, $l: Language!) { portalArticles(kind: $k, first: 100) { nodes { id kind videoUrl title(language: $l) { text language fallback } body(language: $l) { text } } } }`;

  it('a failure notice with its planned fix time beside planned works; each listed by kind', async () => {
    at('2027-02-03T05:00:00Z');
    const works = (await ok(NOTICE, { input: { startsAt: '2027-02-03T04:00:00Z', endsAt: '2027-02-03T08:00:00Z', text: { ru: 'Плановые работы' } } }, app.admin)).saveMaintenanceNotice;
    const failure = (await ok(NOTICE, { input: { kind: 'FAILURE', startsAt: '2027-02-03T04:30:00Z', endsAt: '2027-02-03T09:00:00Z', text: { ru: 'Сбой подписи, устраним к 14:00' } } }, app.admin)).saveMaintenanceNotice;
    expect([works.kind, failure.kind]).toEqual(['PLANNED_WORKS', 'FAILURE']);
    const ids = async (k: string | null) => (await ok(BANNER, { k })).activeMaintenanceNotices.nodes.map((n: { id: string }) => n.id);
    expect(await ids('FAILURE')).toContain(failure.id);
    expect(await ids('FAILURE')).not.toContain(works.id);
    expect(await ids(null)).toEqual(expect.arrayContaining([works.id, failure.id]));
  });

  it('instructions (text and video) and news, in the reader’s language; only admins write', async () => {
    const input = { kind: 'INSTRUCTION', title: { kk: 'Тапсырысқа қалай қол қою керек', ru: 'Как подписать заказ', en: 'How to sign an order' }, body: { ru: 'Откройте заказ и подпишите его ЭЦП.' }, videoUrl: 'https://video.example.kz/sign-order' };
    const howTo = (await ok(SAVE, { input }, app.admin)).savePortalArticle;
    expect(howTo).toMatchObject({ kind: 'INSTRUCTION', published: true, videoUrl: 'https://video.example.kz/sign-order' });
    const news = (await ok(SAVE, { input: { kind: 'NEWS', title: { ru: 'Новое: жалобы в кабинете отдела' }, body: { ru: 'Отдел видит жалобы своего региона.' } } }, app.admin)).savePortalArticle;
    const instructions = (await ok(READ, { k: 'INSTRUCTION', l: 'KK' })).portalArticles.nodes;
    expect(instructions.find((n: { id: string }) => n.id === howTo.id)).toMatchObject({ title: { text: 'Тапсырысқа қалай қол қою керек', language: 'KK', fallback: false }, body: { text: 'Откройте заказ и подпишите его ЭЦП.' } });
    expect(instructions.map((n: { id: string }) => n.id)).not.toContain(news.id);
    expect((await ok(READ, { k: 'NEWS', l: 'EN' })).portalArticles.nodes.find((n: { id: string }) => n.id === news.id).title).toMatchObject({ language: 'RU', fallback: true });
    // bounded input: https videos only, for instructions only
    expect(codes(await gql(app.url, SAVE, { input: { ...input, videoUrl: 'javascript:alert(1)' } }, app.admin))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql(app.url, SAVE, { input: { ...input, kind: 'NEWS' } }, app.admin))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql(app.url, SAVE, { input: { ...input, title: { ru: ' ' } } }, app.admin))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql(app.url, SAVE, { input }, await recipient(8)))).toEqual(['FORBIDDEN']);
    // unpublished: gone for readers, kept for admins
    await ok(SAVE, { id: news.id, input: { kind: 'NEWS', title: { ru: 'Новое' }, body: { ru: 'Текст' }, published: false } }, app.admin);
    expect((await ok(READ, { k: 'NEWS', l: 'RU' })).portalArticles.nodes.map((n: { id: string }) => n.id)).not.toContain(news.id);
    expect((await ok(`{ portalArticles(includeUnpublished: true, first: 100) { nodes { id } } }`, {}, app.admin)).portalArticles.nodes).toContainEqual({ id: news.id });
  });
});
