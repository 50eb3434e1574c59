// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { SupportPage } from './SupportPage.js';
import { mockClient, renderWith } from '../../../test/render.js';
import { setSession } from '../../../lib/session.js';

afterEach(() => {
  cleanup();
  setSession(null);
});

describe('SupportPage', () => {
  it('files a complaint about a supplier of the region and shows complaints and tickets with their status', async () => {
    setSession({ token: 'x.e30.y', claims: { sub: 'p1', role: 'RECIPIENT', personId: 'p1', represents: [] }, displayName: 'Person', iin: '900101300123' });
    const sent: unknown[] = [];
    const client = mockClient(
      {
        MySupport: {
          complaints: {
            nodes: [{ __typename: 'Complaint', id: 'c1', status: 'FORWARDED', text: 'Late delivery', orderId: null, supplierId: 's1', receivedAt: '2026-11-20T05:00:00Z', forwardDueAt: '2026-11-25T19:00:00Z', forwardedTo: 'EMPLOYMENT_DEPARTMENT', answerDueAt: '2026-12-02T19:00:00Z', answeredAt: null, answer: null }],
          },
          failureTickets: { nodes: [{ __typename: 'FailureTicket', id: 't1', number: 'CC-2026-000007', status: 'REGISTERED', description: 'Cannot sign', reportedAt: '2026-11-30T05:00:00Z', decision: 'A fix is needed', plannedFixAt: '2026-12-02T10:00:00Z', closedAt: null, attachments: [{ __typename: 'TicketAttachment', id: 'a1', fileName: 'screen.png' }] }] },
        },
        ComplaintTargets: { person: { __typename: 'Person', id: 'p1', regionCode: 'KZ-71' }, orders: { nodes: [] } },
        RegionSuppliers: { suppliers: { nodes: [{ __typename: 'Supplier', id: 's1', name: 'Komek LLP' }, { __typename: 'Supplier', id: 's2', name: 'Densaulyk LLP' }] } },
      },
      (name, vars) => {
        sent.push({ name, vars });
        return { fileComplaint: { __typename: 'Complaint', id: 'c2', status: 'RECEIVED', text: 'x', orderId: null, supplierId: 's2', receivedAt: '2026-12-01T05:00:00Z', forwardDueAt: '2026-12-04T19:00:00Z', forwardedTo: null, answerDueAt: null, answeredAt: null, answer: null } };
      },
    );
    renderWith(<SupportPage />, { client });
    const complaints = screen.getByRole('table', { name: 'My complaints' });
    expect(within(complaints).getByText('Forwarded')).toBeTruthy();
    expect(within(complaints).getByText(/Employment department; answered by/)).toBeTruthy();
    const reports = screen.getByRole('table', { name: 'My failure reports' });
    expect(within(reports).getByText('Registered')).toBeTruthy();
    // the planned time of the fix and the attached screenshot (003 ¶15)
    expect(within(reports).getByText(/Fix planned by/)).toBeTruthy();
    expect(within(reports).getByText('screen.png')).toBeTruthy();
    // No orders: a complaint about an order cannot be chosen.
    expect((screen.getByLabelText('one of my orders') as HTMLInputElement).disabled).toBe(true);

    const form = screen.getByRole('form', { name: 'File a complaint' });
    fireEvent.change(within(form).getByLabelText('Supplier'), { target: { value: 's2' } });
    fireEvent.change(within(form).getByLabelText('What happened'), { target: { value: 'short' } });
    fireEvent.click(within(form).getByRole('button', { name: 'File the complaint' }));
    expect(within(form).getByText('Describe it in at least 10 characters.')).toBeTruthy();
    fireEvent.change(within(form).getByLabelText('What happened'), { target: { value: 'The wheelchair came broken.' } });
    fireEvent.click(within(form).getByRole('button', { name: 'File the complaint' }));
    await waitFor(() => expect(sent).toEqual([{ name: 'FileComplaint', vars: { input: { personId: 'p1', text: 'The wheelchair came broken.', supplierId: 's2' } } }]));
    await waitFor(() => expect(within(form).getByRole('status').textContent).toBe('Complaint filed.'));
  });

  it('reports a failure with a screenshot: the report, then its attachment; other file types are refused before sending', async () => {
    setSession({ token: 'x.e30.y', claims: { sub: 'p1', role: 'RECIPIENT', personId: 'p1', represents: [] }, displayName: 'Person', iin: '900101300123' });
    const sent: { name: string; vars: any }[] = [];
    const client = mockClient(
      {
        MySupport: { complaints: { nodes: [] }, failureTickets: { nodes: [] } },
        ComplaintTargets: { person: { __typename: 'Person', id: 'p1', regionCode: 'KZ-71' }, orders: { nodes: [] } },
        RegionSuppliers: { suppliers: { nodes: [] } },
      },
      (name, vars) => {
        sent.push({ name, vars });
        return name === 'ReportFailure'
          ? { reportFailure: { __typename: 'FailureTicket', id: 't9', number: 'T-2026-9', status: 'REPORTED', description: 'x', reportedAt: '2026-12-01T05:00:00Z', decision: null, closedAt: null } }
          : { attachToFailureTicket: { __typename: 'TicketAttachment', id: 'a9', fileName: 'screen.png', contentType: 'image/png', size: 4 } };
      },
    );
    renderWith(<SupportPage />, { client });
    const form = screen.getByRole('form', { name: 'Report a failure' });
    fireEvent.change(within(form).getByLabelText(/What does not work/), { target: { value: 'The order page shows an error' } });
    const input = within(form).getByLabelText(/Screenshot or document/) as HTMLInputElement;
    const pick = (file: File) => Object.defineProperty(input, 'files', { value: [file], configurable: true });
    pick(new File(['MZ'], 'tool.exe', { type: 'application/x-msdownload' }));
    fireEvent.click(within(form).getByRole('button', { name: /Send/ }));
    expect(await within(form).findByText('Choose a PNG, JPEG or PDF file of at most 700 KB.')).toBeTruthy();
    expect(sent).toEqual([]);
    pick(new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'screen.png', { type: 'image/png' }));
    fireEvent.click(within(form).getByRole('button', { name: /Send/ }));
    await waitFor(() => expect(sent.map((x) => x.name)).toEqual(['ReportFailure', 'AttachToFailureTicket']));
    expect(sent[1]!.vars).toEqual({ ticketId: 't9', input: { fileName: 'screen.png', contentType: 'image/png', contentBase64: 'iVBORw==' } });
  });
});
