// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { DepartmentComplaintsPage } from './DepartmentComplaintsPage.js';
import { mockClient, renderWith } from '../../../test/render.js';

afterEach(cleanup);

const none = { __typename: 'PageInfo', hasNextPage: false, endCursor: null };
const complaint = (over: Record<string, unknown>) => ({
  __typename: 'Complaint', id: 'c1', status: 'RECEIVED', text: 'The supplier does not answer the phone', orderId: null, supplierId: 's1',
  receivedAt: '2027-02-01T05:00:00Z', forwardDueAt: '2027-02-04T19:00:00Z', forwardedTo: null, answerDueAt: '2027-02-08T19:00:00Z',
  answeredAt: null, answer: null, overdue: false, ...over,
});

describe("the department's complaints (004 ¶11)", () => {
  it('shows both deadlines; satisfies a received complaint only with an answer, and answers a forwarded one', async () => {
    const sent: unknown[] = [];
    renderWith(<DepartmentComplaintsPage />, {
      client: mockClient(
        {
          DepartmentComplaints: {
            complaints: {
              __typename: 'ComplaintConnection', pageInfo: none,
              nodes: [complaint({}), complaint({ id: 'c2', status: 'FORWARDED', text: 'The wheelchair came broken', forwardedTo: 'EMPLOYMENT_DEPARTMENT', overdue: true })],
            },
          },
        },
        (name, vars) => {
          sent.push({ name, vars });
          return name === 'SatisfyComplaint'
            ? { satisfyComplaint: { __typename: 'Complaint', id: 'c1', status: 'SATISFIED', answer: 'Called back', answeredAt: '2027-02-02T05:00:00Z', overdue: false } }
            : { answerComplaint: { __typename: 'Complaint', id: 'c2', status: 'ANSWERED', answer: 'Replaced', answeredAt: '2027-02-02T05:00:00Z', overdue: false } };
        },
      ),
    });
    const received = (await screen.findByText('The supplier does not answer the phone')).closest('li')!;
    expect(within(received).getByText('Satisfy by (3 working days)')).toBeTruthy();
    expect(within(received).getByText('Answer by')).toBeTruthy();
    const forwarded = screen.getByText('The wheelchair came broken').closest('li')!;
    expect(within(forwarded).getByText('Overdue')).toBeTruthy();

    fireEvent.click(within(received).getByRole('button', { name: 'Mark as satisfied' }));
    fireEvent.click(within(received).getByRole('button', { name: 'Mark as satisfied' }));
    expect(await within(received).findByText('Write the answer (at least 3 characters).')).toBeTruthy();
    expect(sent).toEqual([]);
    fireEvent.change(within(received).getByLabelText('How were the demands satisfied?'), { target: { value: 'Called back' } });
    fireEvent.click(within(received).getByRole('button', { name: 'Mark as satisfied' }));
    await waitFor(() => expect(sent).toEqual([{ name: 'SatisfyComplaint', vars: { id: 'c1', answer: 'Called back' } }]));
    expect(await screen.findByText('The complaint is satisfied: it is not forwarded.')).toBeTruthy();

    fireEvent.click(within(forwarded).getByRole('button', { name: 'Answer' }));
    fireEvent.change(within(forwarded).getByLabelText('Answer to the complainant'), { target: { value: 'Replaced' } });
    fireEvent.click(within(forwarded).getByRole('button', { name: 'Answer' }));
    await waitFor(() => expect(sent).toContainEqual({ name: 'DepartmentAnswerComplaint', vars: { id: 'c2', answer: 'Replaced' } }));
  });
});
