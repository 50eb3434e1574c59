// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Client } from 'urql';
import { BreachReport, TicketDesk, nextSteps } from './TicketDesk.js';
import { SupplierSuspension } from './SupplierSuspension.js';
import { ComplaintsOverview } from './SupportOverview.js';
import { mockClient, renderWith } from '../../../test/render.js';

afterEach(cleanup);

const clock = (step: string, state: string, over: Record<string, unknown> = {}) => ({
  __typename: 'TicketClockView', step, dueAt: '2026-12-01T07:00:00Z', doneAt: null, state, remainingWorkingMinutes: 45, ...over,
});
const ticket = (over: Record<string, unknown>) => ({
  __typename: 'FailureTicket', id: 't1', number: 'CC-2026-000042', status: 'REGISTERED', reporterName: 'Aigerim S.', description: 'The cabinet does not open',
  reportedAt: '2026-12-01T04:00:00Z', escalate: null, fixRequired: null, decision: null,
  clocks: [clock('REGISTER', 'MET', { doneAt: '2026-12-01T05:00:00Z', remainingWorkingMinutes: 0 }), clock('ANALYSE', 'ON_TIME')],
  steps: [{ __typename: 'TicketEvent', id: 'e1', step: 'REGISTER', at: '2026-12-01T05:00:00Z', note: 'by phone' }],
  ...over,
});

/** A mock client that also records the variables of every query. */
function recordingClient(responses: Record<string, unknown>, onMutation?: (name: string, vars: unknown) => unknown): { client: Client; queries: unknown[] } {
  const client = mockClient(responses, onMutation);
  const queries: unknown[] = [];
  const executeQuery = client.executeQuery.bind(client);
  client.executeQuery = ((op: { variables: unknown }, ...rest: unknown[]) => {
    queries.push(op.variables);
    return (executeQuery as (...a: unknown[]) => unknown)(op, ...rest);
  }) as Client['executeQuery'];
  return { client, queries };
}

describe('administrator desk: tickets, breaches, complaints, suppliers', () => {
  it('offers only the steps the server accepts next', () => {
    const s = (status: string, steps: string[] = [], over = {}) => nextSteps({ status, steps: steps.map((step) => ({ step })), ...over } as Parameters<typeof nextSteps>[0]);
    expect(s('REPORTED')).toEqual(['REGISTER']);
    expect(s('REGISTERED')).toEqual(['ANALYSE']);
    expect(s('ANALYSED', [], { escalate: true })).toEqual(['ESCALATE']);
    expect(s('ANALYSED', [], { escalate: false })).toEqual(['DECIDE']);
    expect(s('DECIDED', ['DECIDE'], { fixRequired: true })).toEqual(['NOTIFY_DECISION', 'START_FIX']);
    expect(s('FIX_IN_PROGRESS', ['DECIDE', 'NOTIFY_DECISION'])).toEqual(['FINISH_FIX']);
    expect(s('FIXED', ['DECIDE', 'NOTIFY_DECISION'])).toEqual(['NOTIFY_FIX']);
    expect(s('CLOSED')).toEqual([]);
  });

  it('shows every clock of a ticket (met or pending) and records the analysis with an escalation', async () => {
    const sent: unknown[] = [];
    renderWith(<TicketDesk />, {
      client: mockClient({ DeskTickets: { failureTickets: { nodes: [ticket({}), ticket({ id: 't2', number: 'CC-2026-000043', status: 'CLOSED' })] } } }, (name, vars) => {
        sent.push({ name, vars });
        return { recordTicketStep: ticket({ status: 'ANALYSED', escalate: true }) };
      }),
    });
    const table = screen.getByRole('table', { name: 'Open tickets: record each step' });
    expect(within(table).queryByText('CC-2026-000043')).toBeNull();
    const row = within(table).getByRole('rowheader', { name: 'CC-2026-000042' }).closest('tr')!;
    expect(row.textContent).toContain('Registration: met — due');
    expect(row.textContent).toContain('(done ');
    expect(row.textContent).toContain('Analysis: on time — due');
    expect(row.textContent).toContain('0 h 45 min left');
    expect(row.textContent).toContain('(by phone)');
    const form = within(row).getByRole('form', { name: 'Next step of ticket CC-2026-000042' });
    expect((within(form).getByLabelText('Next step') as HTMLSelectElement).value).toBe('ANALYSE');
    fireEvent.click(within(form).getByLabelText('Needs escalation'));
    fireEvent.change(within(form).getByLabelText('Note (optional)'), { target: { value: 'Login service down' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Record the step CC-2026-000042' }));
    await waitFor(() => expect(sent).toEqual([{ name: 'RecordTicketStep', vars: { id: 't1', input: { step: 'ANALYSE', note: 'Login service down', escalate: true } } }]));
    await screen.findByText('Recorded: Analysis, ticket CC-2026-000042.');
  });

  it('asks for the decision text before recording a decision', async () => {
    const sent: unknown[] = [];
    renderWith(<TicketDesk />, {
      lang: 'ru',
      client: mockClient({ DeskTickets: { failureTickets: { nodes: [ticket({ status: 'ANALYSED', escalate: false })] } } }, (name, vars) => {
        sent.push({ name, vars });
        return { recordTicketStep: ticket({ status: 'DECIDED', fixRequired: true, decision: 'Исправим' }) };
      }),
    });
    const form = screen.getByRole('form', { name: 'Следующий этап обращения CC-2026-000042' });
    fireEvent.click(within(form).getByRole('button', { name: /Записать этап/ }));
    expect(within(form).getByText('Напишите решение (не меньше 3 символов).')).toBeTruthy();
    expect(sent).toHaveLength(0);
    fireEvent.change(within(form).getByLabelText('Решение, сообщаемое заявителю'), { target: { value: 'Исправим' } });
    fireEvent.click(within(form).getByLabelText('Нужно исправление'));
    fireEvent.click(within(form).getByRole('button', { name: /Записать этап/ }));
    // a fix needs its planned time (told to the reporter)
    expect(await within(form).findByText('Если нужно исправление, укажите плановое время устранения.')).toBeTruthy();
    expect(sent).toHaveLength(0);
    fireEvent.change(within(form).getByLabelText(/Плановое время устранения/), { target: { value: '2026-12-03T14:00' } });
    fireEvent.click(within(form).getByRole('button', { name: /Записать этап/ }));
    const plannedFixAt = '2026-12-03T09:00:00.000Z'; // 14:00 Astana
    await waitFor(() => expect(sent).toEqual([{ name: 'RecordTicketStep', vars: { id: 't1', input: { step: 'DECIDE', note: null, decision: 'Исправим', fixRequired: true, plannedFixAt } } }]));
  });

  it('reports breaches of a month per clock, the month picked by the administrator', async () => {
    const { client, queries } = recordingClient({
      TicketBreachReport: {
        ticketBreachReport: {
          __typename: 'TicketBreachReport', year: 2026, month: 11, due: 7, breached: 2,
          byStep: [
            { __typename: 'BreachCount', step: 'REGISTER', due: 4, breached: 1 },
            { __typename: 'BreachCount', step: 'ANALYSE', due: 3, breached: 1 },
          ],
        },
      },
    });
    renderWith(<BreachReport />, { lang: 'kk', client });
    const picker = screen.getByLabelText('Ай') as HTMLInputElement;
    expect(picker.type).toBe('month');
    fireEvent.change(picker, { target: { value: '2026-11' } });
    await waitFor(() => expect(queries).toContainEqual({ year: 2026, month: 11 }));
    const table = screen.getByRole('table', { name: '2026-11 бойынша бұзылулар, мерзімдер бойынша' });
    const row = within(table).getByRole('rowheader', { name: 'Тіркеу' }).closest('tr')!;
    expect([...row.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['4', '1']);
    expect(screen.getByText('Айдағы мерзімдер: 7, бұзылғаны: 2.')).toBeTruthy();
  });

  it('records the answer of a forwarded complaint', async () => {
    const sent: unknown[] = [];
    const forwarded = {
      __typename: 'Complaint', id: 'c9', status: 'FORWARDED', text: 'Late delivery', regionCode: 'KZ-71', orderId: null, supplierId: 's1', receivedAt: '2026-11-20T05:00:00Z',
      forwardDueAt: '2026-11-25T19:00:00Z', forwardedTo: 'EMPLOYMENT_DEPARTMENT', answerDueAt: '2026-12-02T19:00:00Z', overdue: false,
    };
    renderWith(<ComplaintsOverview />, {
      client: mockClient(
        { ReferenceNames: { itemTypes: { nodes: [] }, regions: { nodes: [] } }, AdminComplaints: { overdue: { nodes: [] }, received: { nodes: [] }, forwarded: { nodes: [forwarded] } } },
        (name, vars) => {
          sent.push({ name, vars });
          return { answerComplaint: { ...forwarded, status: 'ANSWERED', answer: 'Refund made', answeredAt: '2026-12-01T05:00:00Z' } };
        },
      ),
    });
    const row = within(screen.getByRole('table', { name: 'Forwarded complaints waiting for an answer' })).getByText('Late delivery').closest('tr')!;
    expect(row.textContent).toContain('Employment department');
    fireEvent.click(within(row).getByRole('button', { name: 'Record the answer' }));
    fireEvent.change(within(row).getByLabelText('Answer of the responsible body'), { target: { value: 'Refund made' } });
    fireEvent.click(within(row).getByRole('button', { name: 'Record the answer' }));
    await waitFor(() => expect(sent).toEqual([{ name: 'AnswerComplaint', vars: { id: 'c9', answer: 'Refund made' } }]));
    await screen.findByText('Answer recorded.');
  });

  it('suspends a verified supplier only with a reason, and reinstates a suspended one', async () => {
    const sent: unknown[] = [];
    const supplier = (id: string, name: string, over: Record<string, unknown> = {}) => ({
      __typename: 'Supplier', id, name, bin: '210440007510', iin: null, status: 'VERIFIED', decidedAt: '2026-11-01T05:00:00Z', suspendedAt: null, suspensionReason: null, ...over,
    });
    renderWith(<SupplierSuspension />, {
      client: mockClient(
        {
          SuppliersToManage: {
            verified: { nodes: [supplier('s1', 'Komek LLP')] },
            suspended: { nodes: [supplier('s2', 'Demeu LLP', { status: 'SUSPENDED', suspendedAt: '2026-11-28T05:00:00Z', suspensionReason: 'Licence expired' })] },
          },
        },
        (name, vars) => {
          sent.push({ name, vars });
          return name === 'SuspendSupplier'
            ? { suspendSupplier: supplier('s1', 'Komek LLP', { status: 'SUSPENDED', suspensionReason: 'Unsafe goods' }) }
            : { reinstateSupplier: supplier('s2', 'Demeu LLP') };
        },
      ),
    });
    const verified = screen.getByRole('table', { name: 'Verified suppliers' });
    const row = within(verified).getByRole('rowheader', { name: /Komek LLP/ }).closest('tr')!;
    fireEvent.click(within(row).getByRole('button', { name: 'Suspend Komek LLP' }));
    fireEvent.click(within(row).getByRole('button', { name: 'Suspend' }));
    expect(within(row).getByText('Give a reason (at least 3 characters).')).toBeTruthy();
    expect(sent).toHaveLength(0);
    fireEvent.change(within(row).getByLabelText('Reason of suspension'), { target: { value: 'Unsafe goods' } });
    fireEvent.click(within(row).getByRole('button', { name: 'Suspend' }));
    await waitFor(() => expect(sent).toEqual([{ name: 'SuspendSupplier', vars: { id: 's1', reason: 'Unsafe goods' } }]));
    await screen.findByText('Suspended: Komek LLP.');

    const suspended = screen.getByRole('table', { name: 'Suspended suppliers' });
    const other = within(suspended).getByRole('rowheader', { name: /Demeu LLP/ }).closest('tr')!;
    expect(other.textContent).toContain('Licence expired');
    fireEvent.click(within(other).getByRole('button', { name: 'Reinstate Demeu LLP' }));
    await waitFor(() => expect(sent).toContainEqual({ name: 'ReinstateSupplier', vars: { id: 's2' } }));
    await screen.findByText('Reinstated: Demeu LLP.');
  });
});
