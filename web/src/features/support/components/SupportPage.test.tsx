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
          failureTickets: { nodes: [{ __typename: 'FailureTicket', id: 't1', number: 'CC-2026-000007', status: 'REGISTERED', description: 'Cannot sign', reportedAt: '2026-11-30T05:00:00Z', decision: null, closedAt: null }] },
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
    expect(within(screen.getByRole('table', { name: 'My failure reports' })).getByText('Registered')).toBeTruthy();
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
});
