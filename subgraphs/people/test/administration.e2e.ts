import { describe, expect, it } from 'vitest';
import { TestClock } from '@aleumet/runtime';
import { usePlatform } from '@aleumet/platform/testing';
import { codes, departmentIdentity, gql, recipientIdentity, supplierIdentity, tokenFor, world } from '@aleumet/testkit';
import { Complaint, FailureTicket, TicketAttachment } from '../entities/index.js';

/**
 * Administration and support through the gateway: portal content, contact-center tickets with the
 * Rules' service-level clocks (working time 9:00–18:30 Astana), complaints, retention.
 * Recipients 650–699 of the demo world are this file's. Astana is UTC+5.
 */
const clock = new TestClock(new Date('2026-12-01T05:00:00Z'));
/** The platform on this file's clock; `app.admin` is an administrator's token. */
const app = usePlatform({ clock });

async function ok<T = any>(query: string, vars: Record<string, unknown>, token?: string): Promise<T> {
  const r = await gql(app.url, query, vars, token);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data as T;
}
const at = (iso: string) => clock.set(new Date(iso));
const mine = (i: number) => 650 + i;
const personOf = (i: number) => world().persons[mine(i)]!;

describe('portal content', () => {
  const FAQ = `mutation($id: ID, $input: FaqEntryInput!) { saveFaqEntry(id: $id, input: $input) { id position } }`;
  const READ_FAQ = `query($l: Language!) { faqEntries(first: 200) { nodes { id question(language: $l) { text language fallback } answer(language: $l) { text language } } } }`;
  const NOTICE = `mutation($input: MaintenanceNoticeInput!) { saveMaintenanceNotice(input: $input) { id startsAt endsAt } }`;
  const BANNER = `query($l: Language!) { activeMaintenanceNotices { nodes { id text(language: $l) { text language fallback } } } }`;

  it('FAQ in the reader’s language with a fallback; only admins write', async () => {
    const input = { position: 1, question: { kk: 'Тапсырысты қалай беруге болады?', ru: 'Как оформить заказ?' }, answer: { kk: 'ЭЦҚ арқылы қол қойыңыз.', ru: 'Подпишите заказ ЭЦП.' } };
    const entry = (await ok(FAQ, { input }, app.admin)).saveFaqEntry;
    const kk = (await ok(READ_FAQ, { l: 'KK' })).faqEntries.nodes.find((n: { id: string }) => n.id === entry.id);
    expect(kk.question).toEqual({ text: 'Тапсырысты қалай беруге болады?', language: 'KK', fallback: false });
    const en = (await ok(READ_FAQ, { l: 'EN' })).faqEntries.nodes.find((n: { id: string }) => n.id === entry.id);
    expect(en.question).toEqual({ text: 'Как оформить заказ?', language: 'RU', fallback: true });
    // an English translation added later is served as is
    await ok(FAQ, { id: entry.id, input: { ...input, question: { ...input.question, en: 'How do I order?' } } }, app.admin);
    const en2 = (await ok(READ_FAQ, { l: 'EN' })).faqEntries.nodes.find((n: { id: string }) => n.id === entry.id);
    expect(en2.question).toEqual({ text: 'How do I order?', language: 'EN', fallback: false });

    expect(codes(await gql(app.url, FAQ, { input: { ...input, question: { kk: ' ' } } }, app.admin))).toEqual(['BAD_USER_INPUT']);
    for (const t of [await tokenFor(recipientIdentity(mine(0))), await tokenFor(supplierIdentity(world().suppliers[0]!.id))]) {
      expect(codes(await gql(app.url, FAQ, { input }, t))).toEqual(['FORBIDDEN']);
      expect(codes(await gql(app.url, NOTICE, { input: { startsAt: '2027-01-10T03:00:00Z', endsAt: '2027-01-10T05:00:00Z', text: { ru: 'x' } } }, t))).toEqual(['FORBIDDEN']);
    }
  });

  it('a maintenance notice is shown only inside its window', async () => {
    const notice = (await ok(NOTICE, { input: { startsAt: '2027-01-10T03:00:00Z', endsAt: '2027-01-10T05:00:00Z', text: { kk: 'Техникалық жұмыстар', ru: 'Технические работы', en: 'Maintenance' } } }, app.admin)).saveMaintenanceNotice;
    const shown = async () => (await ok(BANNER, { l: 'RU' })).activeMaintenanceNotices.nodes.filter((n: { id: string }) => n.id === notice.id);
    at('2027-01-10T02:59:59Z');
    expect(await shown()).toEqual([]);
    at('2027-01-10T03:00:00Z');
    expect(await shown()).toEqual([{ id: notice.id, text: { text: 'Технические работы', language: 'RU', fallback: false } }]);
    at('2027-01-10T04:59:59Z');
    expect(await shown()).toHaveLength(1);
    at('2027-01-10T05:00:00Z');
    expect(await shown()).toEqual([]);
    expect(codes(await gql(app.url, NOTICE, { input: { startsAt: '2027-01-10T05:00:00Z', endsAt: '2027-01-10T05:00:00Z', text: { ru: 'x' } } }, app.admin))).toEqual(['BAD_USER_INPUT']);
  });

  it('the contact-center phone with its hours in three languages', async () => {
    await ok(`mutation($i: ContactCenterInput!) { setContactCenter(input: $i) { phone } }`, { i: { phone: '1414', hours: { ru: 'Пн–Пт 9:00–18:30', en: 'Mon–Fri 9:00–18:30' } } }, app.admin);
    const c = (await ok(`{ contactCenter { phone kk: hours(language: KK) { text language fallback } en: hours(language: EN) { text language } } }`, {})).contactCenter;
    expect(c).toEqual({ phone: '1414', kk: { text: 'Пн–Пт 9:00–18:30', language: 'RU', fallback: true }, en: { text: 'Mon–Fri 9:00–18:30', language: 'EN' } });
    expect(codes(await gql(app.url, `mutation { setContactCenter(input: { phone: "1414" }) { phone } }`, {}, await tokenFor(recipientIdentity(mine(0)))))).toEqual(['FORBIDDEN']);
  });
});

describe('contact-center failure tickets: service-level clocks in working time', () => {
  const TICKET = `id number status closedAt clocks { step allowanceMinutes dueAt doneAt state remainingWorkingMinutes } steps { step at note }`;
  const REPORT = `mutation($i: ReportFailureInput!) { reportFailure(input: $i) { ${TICKET} } }`;
  const STEP = `mutation($id: ID!, $i: TicketStepInput!) { recordTicketStep(id: $id, input: $i) { ${TICKET} } }`;
  const GET = `query($id: ID!) { failureTicket(id: $id) { ${TICKET} } }`;
  const RISK = `{ ticketsAtRisk(first: 200) { nodes { id } } }`;
  const clockOf = (t: { clocks: { step: string }[] }, step: string) => t.clocks.find((c) => c.step === step) as any;

  it('a ticket across a weekend and a holiday, every step recorded; breaches per month', async () => {
    const reporter = await tokenFor(recipientIdentity(mine(0)));
    // Other test files' tickets share the database (the browser test files one at today's date): the report is
    // compared with the one they make at the same instant, before this test's tickets exist.
    const BREACHES = `{ ticketBreachReport(year: 2026, month: 12) { year month due breached byStep { step due breached } } }`;
    at('2026-12-18T08:00:00Z');
    const baseline = (await ok(BREACHES, {}, app.admin)).ticketBreachReport;
    const since = (r: any) => ({
      year: r.year, month: r.month, due: r.due - baseline.due, breached: r.breached - baseline.breached,
      byStep: r.byStep.map((x: any) => {
        const b = baseline.byStep.find((y: any) => y.step === x.step) ?? { due: 0, breached: 0 };
        return { step: x.step, due: x.due - b.due, breached: x.breached - b.breached };
      }),
    });
    // Friday 11 Dec 2026, 17:00 Astana: 1 h 30 left today, so "register within 3 h" is due Monday 10:30.
    at('2026-12-11T12:00:00Z');
    let t = (await ok(REPORT, { i: { description: 'The order page does not open', contact: '+77010000650' } }, reporter)).reportFailure;
    expect(t.status).toBe('REPORTED');
    expect(clockOf(t, 'REGISTER')).toMatchObject({ allowanceMinutes: 180, dueAt: '2026-12-14T05:30:00.000Z', state: 'ON_TIME', remainingWorkingMinutes: 180 });

    // Saturday: the clock does not run.
    at('2026-12-12T06:00:00Z');
    expect(clockOf((await ok(GET, { id: t.id }, app.admin)).failureTicket, 'REGISTER')).toMatchObject({ state: 'ON_TIME', remainingWorkingMinutes: 90 });
    // Monday 9:50: 75% used → near its deadline, listed for the administrator.
    at('2026-12-14T04:50:00Z');
    expect(clockOf((await ok(GET, { id: t.id }, app.admin)).failureTicket, 'REGISTER')).toMatchObject({ state: 'NEAR', remainingWorkingMinutes: 40 });
    expect((await ok(RISK, {}, app.admin)).ticketsAtRisk.nodes).toContainEqual({ id: t.id });
    // Monday 11:00: past due.
    at('2026-12-14T06:00:00Z');
    expect(clockOf((await ok(GET, { id: t.id }, reporter)).failureTicket, 'REGISTER')).toMatchObject({ state: 'BREACHED', remainingWorkingMinutes: -30 });

    t = (await ok(STEP, { id: t.id, i: { step: 'REGISTER', note: 'late: weekend backlog' } }, app.admin)).recordTicketStep;
    expect(clockOf(t, 'REGISTER')).toMatchObject({ state: 'MISSED', doneAt: '2026-12-14T06:00:00.000Z' });
    // analyse within 1 working day (9 h 30): Monday 11:00 + 7 h 30 today + 2 h Tuesday = Tuesday 11:00
    expect(clockOf(t, 'ANALYSE')).toMatchObject({ allowanceMinutes: 570, dueAt: '2026-12-15T06:00:00.000Z', state: 'ON_TIME' });

    // steps out of order are refused
    expect(codes(await gql(app.url, STEP, { id: t.id, i: { step: 'DECIDE', decision: 'x', fixRequired: false } }, app.admin))).toEqual(['INVALID_TRANSITION']);
    expect(codes(await gql(app.url, STEP, { id: t.id, i: { step: 'REGISTER' } }, app.admin))).toEqual(['INVALID_TRANSITION']);

    at('2026-12-15T05:00:00Z'); // Tuesday 10:00
    t = (await ok(STEP, { id: t.id, i: { step: 'ANALYSE', escalate: true } }, app.admin)).recordTicketStep;
    expect(clockOf(t, 'ANALYSE').state).toBe('MET');
    expect(clockOf(t, 'ESCALATE')).toMatchObject({ dueAt: '2026-12-15T08:00:00.000Z' });
    at('2026-12-15T07:00:00Z');
    t = (await ok(STEP, { id: t.id, i: { step: 'ESCALATE', note: 'to the platform team' } }, app.admin)).recordTicketStep;
    // Decision on Tuesday 18:15; Wednesday 16 December is Independence Day:
    // notify within 30 min = 15 min Tuesday + 15 min Thursday → Thursday 9:15; start the fix within 1 working day → Thursday 18:15.
    at('2026-12-15T13:15:00Z');
    t = (await ok(STEP, { id: t.id, i: { step: 'DECIDE', decision: 'A fix of the order page is needed', fixRequired: true, plannedFixAt: '2026-12-18T12:00:00Z' } }, app.admin)).recordTicketStep;
    expect(t.status).toBe('DECIDED');
    expect(clockOf(t, 'NOTIFY_DECISION')).toMatchObject({ allowanceMinutes: 30, dueAt: '2026-12-17T04:15:00.000Z' });
    expect(clockOf(t, 'START_FIX')).toMatchObject({ allowanceMinutes: 570, dueAt: '2026-12-17T13:15:00.000Z' });
    // on the holiday the clocks stand still
    at('2026-12-16T08:00:00Z');
    expect(clockOf((await ok(GET, { id: t.id }, app.admin)).failureTicket, 'NOTIFY_DECISION')).toMatchObject({ state: 'ON_TIME', remainingWorkingMinutes: 15 });

    at('2026-12-17T04:10:00Z');
    t = (await ok(STEP, { id: t.id, i: { step: 'NOTIFY_DECISION' } }, app.admin)).recordTicketStep;
    at('2026-12-17T12:00:00Z');
    t = (await ok(STEP, { id: t.id, i: { step: 'START_FIX' } }, app.admin)).recordTicketStep;
    at('2026-12-18T05:00:00Z');
    t = (await ok(STEP, { id: t.id, i: { step: 'FINISH_FIX' } }, app.admin)).recordTicketStep;
    expect(clockOf(t, 'NOTIFY_FIX')).toMatchObject({ allowanceMinutes: 180, dueAt: '2026-12-18T08:00:00.000Z' });
    at('2026-12-18T07:00:00Z');
    t = (await ok(STEP, { id: t.id, i: { step: 'NOTIFY_FIX' } }, app.admin)).recordTicketStep;
    expect(t).toMatchObject({ status: 'CLOSED', closedAt: '2026-12-18T07:00:00.000Z' });
    expect(t.steps.map((s: { step: string }) => s.step)).toEqual(['REGISTER', 'ANALYSE', 'ESCALATE', 'DECIDE', 'NOTIFY_DECISION', 'START_FIX', 'FINISH_FIX', 'NOTIFY_FIX']);
    expect(t.clocks.map((c: { step: string; state: string }) => [c.step, c.state])).toEqual([
      ['REGISTER', 'MISSED'], ['ANALYSE', 'MET'], ['ESCALATE', 'MET'], ['NOTIFY_DECISION', 'MET'], ['START_FIX', 'MET'], ['NOTIFY_FIX', 'MET'],
    ]);
    expect((await ok(RISK, {}, app.admin)).ticketsAtRisk.nodes).not.toContainEqual({ id: t.id });

    // An operator takes a phone report on Tuesday 17:00: registration is due Thursday 10:30 (the holiday skipped); nobody registers it.
    at('2026-12-15T12:00:00Z');
    const phone = (await ok(REPORT, { i: { description: 'Cannot sign the order with EDS', channel: 'PHONE', reporterName: 'Caller without an account', contact: '+77010000699' } }, app.admin)).reportFailure;
    expect(clockOf(phone, 'REGISTER').dueAt).toBe('2026-12-17T05:30:00.000Z');

    at('2026-12-18T08:00:00Z');
    const report = (await ok(BREACHES, {}, app.admin)).ticketBreachReport;
    expect(since(report)).toEqual({
      year: 2026, month: 12, due: 7, breached: 2,
      byStep: [
        { step: 'REGISTER', due: 2, breached: 2 }, { step: 'ANALYSE', due: 1, breached: 0 }, { step: 'ESCALATE', due: 1, breached: 0 },
        { step: 'NOTIFY_DECISION', due: 1, breached: 0 }, { step: 'START_FIX', due: 1, breached: 0 }, { step: 'NOTIFY_FIX', due: 1, breached: 0 },
      ],
    });
  });

  it('a ticket without escalation or fix closes after the decision is told; authorization', async () => {
    const reporter = await tokenFor(recipientIdentity(mine(1)));
    const other = await tokenFor(recipientIdentity(mine(2)));
    at('2027-02-02T05:00:00Z');
    let t = (await ok(REPORT, { i: { description: 'Typo on the FAQ page' } }, reporter)).reportFailure;
    expect(codes(await gql(app.url, GET, { id: t.id }, other))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(app.url, STEP, { id: t.id, i: { step: 'REGISTER' } }, reporter))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(app.url, RISK, {}, reporter))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(app.url, REPORT, { i: { description: 'on behalf', reporterName: 'Someone' } }, reporter))).toEqual(['FORBIDDEN']);
    expect((await ok(`{ failureTickets { nodes { id } } }`, {}, other)).failureTickets.nodes).not.toContainEqual({ id: t.id });
    expect((await ok(`{ failureTickets { nodes { id } } }`, {}, reporter)).failureTickets.nodes).toContainEqual({ id: t.id });
    for (const [step, extra] of [['REGISTER', {}], ['ANALYSE', { escalate: false }], ['DECIDE', { decision: 'Fixed the text', fixRequired: false }]] as const) {
      t = (await ok(STEP, { id: t.id, i: { step, ...extra } }, app.admin)).recordTicketStep;
    }
    expect(codes(await gql(app.url, STEP, { id: t.id, i: { step: 'START_FIX' } }, app.admin))).toEqual(['INVALID_TRANSITION']);
    t = (await ok(STEP, { id: t.id, i: { step: 'NOTIFY_DECISION' } }, app.admin)).recordTicketStep;
    expect(t.status).toBe('CLOSED');
    expect(t.clocks.map((c: { step: string }) => c.step)).toEqual(['REGISTER', 'ANALYSE', 'NOTIFY_DECISION']);
  });
});

describe('complaints: forwarded within 3 working days, answered within 5 of the registration', () => {
  const C = `id status receivedAt forwardDueAt forwardedAt forwardedTo answerDueAt answeredAt overdue retentionClass serviceKind supplierId orderId personId`;
  const FILE = `mutation($i: ComplaintInput!) { fileComplaint(input: $i) { ${C} } }`;
  const FORWARD = `mutation($id: ID!, $to: ResponsibleBody!) { forwardComplaint(id: $id, to: $to) { ${C} } }`;
  const ANSWER = `mutation($id: ID!, $a: String!) { answerComplaint(id: $id, answer: $a) { ${C} } }`;
  const OVERDUE = `{ complaints(overdue: true, first: 200) { nodes { id status } } }`;

  it('deadlines across a holiday and a weekend; overdue complaints are visible to administrators', async () => {
    const p = personOf(3);
    const recipient = await tokenFor(recipientIdentity(mine(3)));
    at('2026-12-14T05:00:00Z'); // Monday 10:00
    const c = (await ok(FILE, { i: { supplierId: world().suppliers[5]!.id, text: 'The wheelchair was delivered broken and nobody answers' } }, recipient)).fileComplaint;
    // working days after Monday 14: 15, (16 holiday), 17, 18 → by the end of Friday 18 December (24:00 Astana)
    // the department answers within 5 working days of the registration (004 ¶11): 15, 17, 18, 21, 22 → end of Tuesday 22 December
    expect(c).toMatchObject({ status: 'RECEIVED', forwardDueAt: '2026-12-18T19:00:00.000Z', answerDueAt: '2026-12-22T19:00:00.000Z', overdue: false, retentionClass: 'COMPLAINT', personId: p.id });

    at('2026-12-18T18:59:59Z');
    expect((await ok(OVERDUE, {}, app.admin)).complaints.nodes).not.toContainEqual({ id: c.id, status: 'RECEIVED' });
    at('2026-12-18T19:00:01Z');
    expect((await ok(OVERDUE, {}, app.admin)).complaints.nodes).toContainEqual({ id: c.id, status: 'RECEIVED' });

    // forwarded late, on Saturday 00:30 Astana: the answer is still due 5 working days after the registration, not after the forwarding
    at('2026-12-18T19:30:00Z');
    const f = (await ok(FORWARD, { id: c.id, to: 'EMPLOYMENT_DEPARTMENT' }, app.admin)).forwardComplaint;
    expect(f).toMatchObject({ status: 'FORWARDED', forwardedTo: 'EMPLOYMENT_DEPARTMENT', answerDueAt: '2026-12-22T19:00:00.000Z', overdue: false });
    expect(codes(await gql(app.url, FORWARD, { id: c.id, to: 'QUALITY_AUTHORITY' }, app.admin))).toEqual(['INVALID_TRANSITION']);
    at('2026-12-22T18:59:59Z');
    expect((await ok(OVERDUE, {}, app.admin)).complaints.nodes).not.toContainEqual({ id: c.id, status: 'FORWARDED' });
    at('2026-12-22T19:00:01Z');
    expect((await ok(OVERDUE, {}, app.admin)).complaints.nodes).toContainEqual({ id: c.id, status: 'FORWARDED' });
    // the department of the recipient's region sees it among its overdue ones and answers; another region may not
    const dept = await tokenFor(departmentIdentity(p.regionCode));
    expect((await ok(OVERDUE, {}, dept)).complaints.nodes).toContainEqual({ id: c.id, status: 'FORWARDED' });
    const otherRegion = world().persons.find((x) => x.regionCode !== p.regionCode)!.regionCode;
    expect(codes(await gql(app.url, ANSWER, { id: c.id, a: 'no' }, await tokenFor(departmentIdentity(otherRegion))))).toEqual(['FORBIDDEN']);
    const a = (await ok(ANSWER, { id: c.id, a: 'The supplier replaced the wheelchair' }, dept)).answerComplaint;
    expect(a).toMatchObject({ status: 'ANSWERED', overdue: false });
    expect((await ok(OVERDUE, {}, app.admin)).complaints.nodes).not.toContainEqual({ id: c.id, status: 'ANSWERED' });

    // the quality authority has 15 working days: forwarded Monday 4 January 2027, counting 5, 6, (7 Jan is a holiday) 8, 11–15, 18–22, 25, 26 → end of Tuesday 26 January
    at('2027-01-04T05:00:00Z');
    const q = (await ok(FILE, { i: { supplierId: world().suppliers[5]!.id, text: 'The quality of the service was poor' } }, recipient)).fileComplaint;
    const fq = (await ok(FORWARD, { id: q.id, to: 'QUALITY_AUTHORITY' }, app.admin)).forwardComplaint;
    expect(fq.answerDueAt).toBe('2027-01-26T19:00:00.000Z');
  });

  it('a complaint about an order: only the order’s recipient; its retention class follows the order (S4: prosthetics card)', async () => {
    const w = world();
    const measures = new Map(w.measures.map((m) => [m.id, m]));
    const ordersOf = (i: number) => w.orders.filter((o) => o.personId === personOf(i).id);
    const pick = (kind: string) => {
      for (let i = 4; i < 50; i++) {
        const o = ordersOf(i).find((x) => measures.get(x.measureId)?.kind === kind);
        if (o) return { i, o };
      }
      throw new Error(`no ${kind} order among recipients 654–699`);
    };
    const s4 = pick('S4');
    const s5 = pick('S5');
    at('2027-03-01T05:00:00Z');
    const token = await tokenFor(recipientIdentity(mine(s4.i)));
    const c = (await ok(FILE, { i: { orderId: s4.o.id, text: 'The prosthesis does not fit after the fitting' } }, token)).fileComplaint;
    expect(c).toMatchObject({ orderId: s4.o.id, supplierId: s4.o.supplierId, serviceKind: 'S4', retentionClass: 'PROSTHETICS_CARD' });
    const c5 = (await ok(FILE, { i: { orderId: s5.o.id, text: 'The hearing aid came without batteries' } }, await tokenFor(recipientIdentity(mine(s5.i))))).fileComplaint;
    expect(c5).toMatchObject({ serviceKind: 'S5', retentionClass: 'ORDER_FORM' });
    // somebody else's order, a supplier, an unknown supplier
    expect(codes(await gql(app.url, FILE, { i: { orderId: s4.o.id, text: 'Not my order but still' } }, await tokenFor(recipientIdentity(mine(49)))))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(app.url, FILE, { i: { supplierId: w.suppliers[0]!.id, text: 'A supplier complaining' } }, await tokenFor(supplierIdentity(w.suppliers[0]!.id))))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(app.url, FILE, { i: { supplierId: '01900000-0000-7000-8000-000000000000', text: 'Unknown supplier here' } }, token))).toEqual(['NOT_FOUND']);
    // visibility: the recipient's own, not another recipient's, not suppliers'
    expect(codes(await gql(app.url, `query($id: ID!) { complaint(id: $id) { id } }`, { id: c.id }, await tokenFor(recipientIdentity(mine(49)))))).toEqual(['FORBIDDEN']);
    expect((await ok(`query($id: ID!) { complaint(id: $id) { id } }`, { id: c.id }, token)).complaint.id).toBe(c.id);
    expect(codes(await gql(app.url, `{ complaints { nodes { id } } }`, {}, await tokenFor(supplierIdentity(s4.o.supplierId))))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(app.url, FORWARD, { id: c.id, to: 'EMPLOYMENT_DEPARTMENT' }, token))).toEqual(['FORBIDDEN']);
  });
});

describe('retention (people): past retention is anonymized, everything else is kept', () => {
  it('complaints and tickets on both sides of 5 years; the prosthetics card and open records never', async () => {
    const w = world();
    const measures = new Map(w.measures.map((m) => [m.id, m]));
    const orderOf = (kind: string) => {
      for (let i = 4; i < 50; i++) {
        const o = w.orders.find((x) => x.personId === personOf(i).id && measures.get(x.measureId)?.kind === kind);
        if (o) return { i, o };
      }
      throw new Error(kind);
    };
    at('2033-06-01T05:00:00Z');
    const now = clock.now();
    const FILE = `mutation($i: ComplaintInput!) { fileComplaint(input: $i) { id } }`;
    const file = async (i: number, input: Record<string, unknown>) => (await ok(FILE, { i: { text: 'Complaint kept for retention test', ...input } }, await tokenFor(recipientIdentity(mine(i))))).fileComplaint.id as string;
    const s4 = orderOf('S4');
    const s5 = orderOf('S5');
    const ids = {
      complaintOld: await file(10, { supplierId: w.suppliers[7]!.id }),
      complaintYoung: await file(11, { supplierId: w.suppliers[7]!.id }),
      orderFormOld: await file(s5.i, { orderId: s5.o.id }),
      prostheticsOld: await file(s4.i, { orderId: s4.o.id }),
      stillOpen: await file(12, { supplierId: w.suppliers[7]!.id }),
    };
    const REPORT = `mutation($i: ReportFailureInput!) { reportFailure(input: $i) { id } }`;
    const ticket = async (i: number) => (await ok(REPORT, { i: { description: 'Ticket for the retention test' } }, await tokenFor(recipientIdentity(mine(i))))).reportFailure.id as string;
    const tickets = { old: await ticket(13), young: await ticket(14), open: await ticket(15) };
    // a screenshot on each closed one: removed with the old ticket's personal data, kept with the young one
    const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]).toString('base64');
    const ATTACH = `mutation($id: ID!, $i: TicketAttachmentInput!) { attachToFailureTicket(ticketId: $id, input: $i) { id } }`;
    const attach = async (id: string) => (await ok(ATTACH, { id, i: { fileName: 'screen.png', contentType: 'image/png', contentBase64: PNG } }, app.admin)).attachToFailureTicket.id as string;
    const files = { old: await attach(tickets.old), young: await attach(tickets.young) };

    // Move their history back in time (the database is the record's truth).
    const em = app.platform.subgraphs.people.orm.em.fork();
    const ago = (years: number, days = 0) => new Date(Date.UTC(now.getUTCFullYear() - years, now.getUTCMonth(), now.getUTCDate() + days, 5));
    const answered = (id: string, when: Date) => em.nativeUpdate(Complaint, { id }, { status: 'ANSWERED' as never, answeredAt: when, answer: 'Answered', receivedAt: when, forwardDueAt: when });
    await answered(ids.complaintOld, ago(5, -1));
    await answered(ids.complaintYoung, ago(5, +1));
    await answered(ids.orderFormOld, ago(5, -1));
    await answered(ids.prostheticsOld, ago(30));
    await em.nativeUpdate(Complaint, { id: ids.stillOpen }, { receivedAt: ago(10), forwardDueAt: ago(10) });
    await em.nativeUpdate(FailureTicket, { id: tickets.old }, { status: 'CLOSED' as never, closedAt: ago(5, -1), reportedAt: ago(5, -2) });
    await em.nativeUpdate(FailureTicket, { id: tickets.young }, { status: 'CLOSED' as never, closedAt: ago(5, +1), reportedAt: ago(5) });
    await em.nativeUpdate(FailureTicket, { id: tickets.open }, { reportedAt: ago(10) });

    await app.platform.runtime.scheduler.runAll({ only: ['people.retention'], strict: true });

    const fresh = app.platform.subgraphs.people.orm.em.fork();
    const complaint = (id: string) => fresh.findOneOrFail(Complaint, { id });
    const gone = { personId: null, text: '[removed: retention period passed]', answer: '[removed: retention period passed]' };
    expect(await complaint(ids.complaintOld)).toMatchObject({ ...gone, anonymizedAt: now });
    expect(await complaint(ids.orderFormOld)).toMatchObject({ ...gone, retentionClass: 'ORDER_FORM' });
    expect(await complaint(ids.complaintYoung)).toMatchObject({ personId: personOf(11).id, text: 'Complaint kept for retention test', anonymizedAt: null });
    expect(await complaint(ids.prostheticsOld)).toMatchObject({ personId: personOf(s4.i).id, retentionClass: 'PROSTHETICS_CARD', anonymizedAt: null });
    expect(await complaint(ids.stillOpen)).toMatchObject({ personId: personOf(12).id, status: 'RECEIVED', anonymizedAt: null });
    const ticketRow = (id: string) => fresh.findOneOrFail(FailureTicket, { id });
    expect(await ticketRow(tickets.old)).toMatchObject({ reporterName: 'anonymized', reporterPersonId: null, description: '[removed: retention period passed]' });
    expect(await ticketRow(tickets.young)).toMatchObject({ reporterPersonId: personOf(14).id, description: 'Ticket for the retention test', anonymizedAt: null });
    expect(await ticketRow(tickets.open)).toMatchObject({ reporterPersonId: personOf(15).id, anonymizedAt: null });
    const fileRow = (id: string) => fresh.findOneOrFail(TicketAttachment, { id }, { populate: ['content'] });
    expect(await fileRow(files.old)).toMatchObject({ content: null, purgedAt: now });
    expect((await fileRow(files.young)).content?.toString('base64')).toBe(PNG);

    // running again changes nothing; only admins run it by hand
    const again = (await ok(`mutation { applyPeopleRetention { changed { record action count } } }`, {}, app.admin)).applyPeopleRetention;
    expect(again.changed).toEqual([
      { record: 'Complaint', action: 'ANONYMIZED', count: 0 }, { record: 'FailureTicket', action: 'ANONYMIZED', count: 0 }, { record: 'TicketAttachment', action: 'PURGED', count: 0 },
    ]);
    expect(codes(await gql(app.url, `mutation { applyPeopleRetention { asOf } }`, {}, await tokenFor(recipientIdentity(mine(0)))))).toEqual(['FORBIDDEN']);
  });
});
