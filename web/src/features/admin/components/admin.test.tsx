// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { RegistrationsToVerify } from './RegistrationsToVerify.js';
import { ComplaintsOverview, TicketsAtRisk } from './SupportOverview.js';
import { ContentPage, astanaToIso } from './ContentPage.js';
import { mockClient, renderWith } from '../../../test/render.js';

afterEach(cleanup);

const submitted = {
  __typename: 'Supplier', id: 's1', kind: 'PERSONAL_ASSISTANT', bin: null, iin: '900101300123', name: 'Aliya Nurova', legalForm: null, legalAddress: 'Astana', actualAddress: 'Astana',
  headName: 'Aliya Nurova', headIin: null, phone: '+77010000011', email: 'a@example.kz', okedCodes: ['88.10'], regionCodes: ['KZ-71'], founders: [], premises: null,
  status: 'SUBMITTED', submittedAt: '2026-12-01T05:00:00Z', decidedAt: null, rejectionReason: null, bankDetails: null,
  registryChecks: [
    { __typename: 'RegistryCheckResult', check: 'NO_PSYCHIATRIC_REGISTRATION', passed: true, reason: null, checkedAt: '2026-12-01T06:00:00Z' },
    { __typename: 'RegistryCheckResult', check: 'NO_CRIMINAL_RECORD', passed: false, reason: 'Unexpunged record (development stub)', checkedAt: '2026-12-01T06:00:00Z' },
  ],
  directionCards: [{ __typename: 'SupplierDirection', id: 'd1', kind: 'PERSONAL_ASSISTANT', okedCode: '88.10', personnel: [], documents: [{ __typename: 'SupplierDocument', id: 'doc1', kind: 'CERTIFICATE', title: 'Cert', fileName: 'c.pdf', size: 2048 }] }],
};

describe('administrator', () => {
  it('sees a negative registry answer on the registration and rejects it only with a reason', async () => {
    const sent: unknown[] = [];
    const client = mockClient({ RegistrationsToVerify: { supplierRegistrations: { nodes: [submitted] } }, ReferenceNames: { itemTypes: { nodes: [] }, regions: { nodes: [] } } }, (name, vars) => {
      sent.push({ name, vars });
      return { rejectSupplier: { __typename: 'Supplier', id: 's1', status: 'REJECTED', decidedAt: '2026-12-01T07:00:00Z', rejectionReason: 'Criminal record' } };
    });
    renderWith(<RegistrationsToVerify />, { client });
    const row = screen.getByRole('rowheader', { name: /Aliya Nurova/ }).closest('tr')!;
    expect(within(row).getByText(/No unexpunged criminal record: NO — Unexpunged record \(development stub\)/)).toBeTruthy();
    expect(within(row).getByText(/No psychiatric registration: yes/)).toBeTruthy();
    fireEvent.click(within(row).getByRole('button', { name: 'Reject Aliya Nurova' }));
    fireEvent.click(within(row).getByRole('button', { name: 'Reject' }));
    expect(within(row).getByText('Give a reason (at least 3 characters).')).toBeTruthy();
    expect(sent).toHaveLength(0);
    fireEvent.change(within(row).getByLabelText('Reason of rejection'), { target: { value: 'Criminal record' } });
    fireEvent.click(within(row).getByRole('button', { name: 'Reject' }));
    await waitFor(() => expect(sent).toEqual([{ name: 'RejectSupplier', vars: { id: 's1', reason: 'Criminal record' } }]));
  });

  it('sees tickets near or past a deadline with the clock at risk', () => {
    renderWith(<TicketsAtRisk />, {
      lang: 'ru',
      client: mockClient({
        TicketsAtRisk: {
          ticketsAtRisk: {
            nodes: [{
              __typename: 'FailureTicket', id: 't1', number: 'CC-2026-000001', status: 'REPORTED', reporterName: 'Иванов', description: 'Не открывается кабинет', reportedAt: '2026-12-01T04:00:00Z',
              clocks: [{ __typename: 'TicketClockView', step: 'REGISTER', dueAt: '2026-12-01T07:00:00Z', state: 'BREACHED', remainingWorkingMinutes: -75 }],
            }],
          },
        },
      }),
    });
    const row = screen.getByRole('rowheader', { name: 'CC-2026-000001' }).closest('tr')!;
    expect(row.textContent).toContain('Регистрация: срок прошёл');
    expect(row.textContent).toContain('просрочено на 1 ч 15 мин');
  });

  it('sees overdue complaints and forwards a new one', async () => {
    const sent: unknown[] = [];
    const complaint = (id: string, over: Record<string, unknown>) => ({
      __typename: 'Complaint', id, status: 'RECEIVED', text: `Complaint ${id}`, regionCode: 'KZ-71', orderId: null, supplierId: 's1', receivedAt: '2026-11-20T05:00:00Z',
      forwardDueAt: '2026-11-25T19:00:00Z', forwardedTo: null, answerDueAt: null, overdue: false, ...over,
    });
    renderWith(<ComplaintsOverview />, {
      client: mockClient(
        {
          ReferenceNames: { itemTypes: { nodes: [] }, regions: { nodes: [] } },
          AdminComplaints: { overdue: { nodes: [complaint('c1', { overdue: true })] }, received: { nodes: [complaint('c1', { overdue: true }), complaint('c2', {})] } },
        },
        (name, vars) => {
          sent.push({ name, vars });
          return { forwardComplaint: complaint('c2', { status: 'FORWARDED', forwardedTo: 'QUALITY_AUTHORITY', answerDueAt: '2026-12-20T19:00:00Z' }) };
        },
      ),
    });
    const overdue = screen.getByRole('table', { name: 'Overdue complaints' });
    expect(within(overdue).getByText('Complaint c1')).toBeTruthy();
    expect(within(overdue).getByText('Overdue')).toBeTruthy();
    const fresh = screen.getByRole('table', { name: 'New complaints to forward' });
    const row = within(fresh).getByText('Complaint c2').closest('tr')!;
    fireEvent.change(within(row).getByLabelText('Forward to'), { target: { value: 'QUALITY_AUTHORITY' } });
    fireEvent.click(within(row).getByRole('button', { name: 'Forward' }));
    await waitFor(() => expect(sent).toEqual([{ name: 'ForwardComplaint', vars: { id: 'c2', to: 'QUALITY_AUTHORITY' } }]));
  });

  it('publishes a maintenance notice with its window in Astana time and texts in the languages given', async () => {
    expect(astanaToIso('2026-12-01T09:00')).toBe('2026-12-01T04:00:00.000Z');
    expect(astanaToIso('nonsense')).toBeNull();
    const sent: unknown[] = [];
    renderWith(<ContentPage />, {
      client: mockClient({ AdminContent: { faqEntries: { nodes: [] }, maintenanceNotices: { nodes: [] }, contactCenter: null } }, (name, vars) => {
        sent.push({ name, vars });
        return { saveMaintenanceNotice: { __typename: 'MaintenanceNotice', id: 'n1', startsAt: '2026-12-01T04:00:00.000Z', endsAt: '2026-12-01T06:00:00.000Z', textKk: null, textRu: 'Работы', textEn: null } };
      }),
    });
    const form = screen.getByRole('form', { name: 'New maintenance notice' });
    fireEvent.click(within(form).getByRole('button', { name: 'Publish the notice' }));
    expect(within(form).getByRole('alert').textContent).toBe('Give the start and the end of the window.');
    fireEvent.change(within(form).getByLabelText('Starts'), { target: { value: '2026-12-01T09:00' } });
    fireEvent.change(within(form).getByLabelText('Ends'), { target: { value: '2026-12-01T11:00' } });
    fireEvent.change(within(form).getByLabelText('Русский'), { target: { value: 'Работы' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Publish the notice' }));
    await waitFor(() =>
      expect(sent).toEqual([{ name: 'SaveMaintenanceNotice', vars: { input: { startsAt: '2026-12-01T04:00:00.000Z', endsAt: '2026-12-01T06:00:00.000Z', text: { ru: 'Работы' }, kind: 'PLANNED_WORKS' } } }]),
    );
  });
});
