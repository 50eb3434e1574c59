// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { DepartmentPage, isOverdue } from './DepartmentPage.js';
import { createClient } from '../../../lib/urql.js';
import { renderWith } from '../../../test/render.js';

/**
 * The console with the app's real urql client (graphcache, relayPagination) and a fake /graphql that
 * answers page by page: proves "Show more" merges pages, the charts count every page of orders, and
 * claims show their payments.
 */
const DAY = 86_400_000;
const now = Date.now();
const iso = (msAgo: number) => new Date(now - msAgo).toISOString();
const pageInfo = (endCursor: string | null, hasNextPage: boolean) => ({ __typename: 'PageInfo', endCursor, hasNextPage });

const measure = (id: string, status: string, publishedDaysAgo: number, name: string) => ({
  __typename: 'Measure',
  id,
  kind: 'S6',
  itemTypeCode: 'S6-MANUAL',
  status,
  guaranteedSum: 150_000_00,
  choiceDeadline: iso(publishedDaysAgo * DAY - 60 * DAY),
  daysLeftToChoose: status === 'BLOCKED' ? null : Math.max(0, 60 - publishedDaysAgo),
  publishedAt: iso(publishedDaysAgo * DAY),
  person: { __typename: 'Person', id: `p-${id}`, fullName: name },
});

const order = (id: string, kind: string, createdAt: string, publishedAt: string, handedOverAt: string | null) => ({
  __typename: 'Order',
  id,
  kind,
  status: handedOverAt ? 'HANDED_OVER' : 'ACCEPTED',
  createdAt,
  handedOverAt,
  measure: { __typename: 'Measure', id: `m-${id}`, kind, publishedAt },
});

function answer(operationName: string, variables: Record<string, unknown>): unknown {
  switch (operationName) {
    case 'ReferenceNames':
      return {
        itemTypes: { __typename: 'ItemTypeConnection', nodes: [{ __typename: 'ItemType', code: 'S6-MANUAL', kind: 'S6', nameKk: 'Қол арбасы', nameRu: 'Коляска', nameEn: 'Manual wheelchair' }] },
        regions: { __typename: 'RegionConnection', nodes: [] },
      };
    case 'DepartmentMeasures':
      if (variables.status === 'BLOCKED') return { measures: { __typename: 'MeasureConnection', nodes: [measure('b1', 'BLOCKED', 70, 'Blocked Person')], pageInfo: pageInfo('b1', false) } };
      return variables.after === 'a2'
        ? { measures: { __typename: 'MeasureConnection', nodes: [measure('a3', 'AWAITING_CHOICE', 45, 'Third Waiting')], pageInfo: pageInfo('a3', false) } }
        : { measures: { __typename: 'MeasureConnection', nodes: [measure('a1', 'AWAITING_CHOICE', 40, 'Late Chooser'), measure('a2', 'AWAITING_CHOICE', 5, 'New Arrival')], pageInfo: pageInfo('a2', true) } };
    case 'DepartmentOrders':
      // Two pages: the charts must count both.
      return variables.after === 'o2'
        ? { orders: { __typename: 'OrderConnection', nodes: [order('o3', 'S6', '2026-10-20T05:00:00Z', '2026-10-01T05:00:00Z', '2026-10-11T05:00:00Z')], pageInfo: pageInfo('o3', false) } }
        : {
            orders: {
              __typename: 'OrderConnection',
              nodes: [order('o1', 'S6', '2026-10-05T05:00:00Z', '2026-10-01T05:00:00Z', '2026-10-05T05:00:00Z'), order('o2', 'S5', '2026-10-06T05:00:00Z', '2026-10-01T05:00:00Z', null)],
              pageInfo: pageInfo('o2', true),
            },
          };
    case 'DepartmentClaims':
      return {
        claims: {
          __typename: 'ReimbursementClaimConnection',
          nodes: [
            {
              __typename: 'ReimbursementClaim',
              id: 'c1',
              status: 'PAID',
              statePart: 150_000_00,
              coPayment: 20_000_00,
              approvedAt: '2026-10-12T05:00:00Z',
              paidAt: '2026-10-14T05:00:00Z',
              version: 3,
              order: { __typename: 'Order', id: 'o1', number: 'ORD-000001' },
              payments: { __typename: 'PaymentConnection', nodes: [{ __typename: 'Payment', id: 'pay1', amount: 150_000_00, paidAt: '2026-10-14T05:00:00Z', reference: 'TR-42' }] },
            },
            {
              __typename: 'ReimbursementClaim',
              id: 'c2',
              status: 'APPROVED',
              statePart: 90_000_00,
              coPayment: 0,
              approvedAt: '2026-10-12T05:00:00Z',
              paidAt: null,
              version: 2,
              order: { __typename: 'Order', id: 'o2', number: 'ORD-000002' },
              payments: { __typename: 'PaymentConnection', nodes: [] },
            },
          ],
          pageInfo: pageInfo('c2', false),
        },
      };
    case 'PayClaim':
      return {
        payClaim: {
          __typename: 'ReimbursementClaim',
          id: variables.id,
          status: 'PAID',
          paidAt: '2026-11-30T05:00:00Z',
          version: 3,
          payments: { __typename: 'PaymentConnection', nodes: [{ __typename: 'Payment', id: 'pay2', amount: 90_000_00, paidAt: '2026-11-30T05:00:00Z', reference: variables.reference }] },
        },
      };
    case 'SubmittedActs':
      return { serviceActs: { __typename: 'ServiceActConnection', nodes: [], pageInfo: pageInfo(null, false) } };
    default:
      throw new Error(`unexpected operation ${operationName}`);
  }
}

const requests: { operationName: string; variables: Record<string, unknown> }[] = [];
beforeEach(() => {
  requests.length = 0;
  vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body)) as { operationName: string; variables: Record<string, unknown> };
    requests.push(body);
    return new Response(JSON.stringify({ data: answer(body.operationName, body.variables ?? {}) }), { headers: { 'content-type': 'application/json' } });
  });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('DepartmentPage', () => {
  it('counts a measure as overdue from a month after publication', () => {
    expect(isOverdue('2026-01-31T10:00:00Z', Date.parse('2026-03-03T10:00:00Z'))).toBe(true);
    expect(isOverdue('2026-10-15T10:00:00Z', Date.parse('2026-11-14T10:00:00Z'))).toBe(false);
    expect(isOverdue('2026-10-15T10:00:00Z', Date.parse('2026-11-15T10:00:00Z'))).toBe(true);
  });

  it('shows measures by status with "Show more", charts over every page of orders, and claims with their payments', async () => {
    renderWith(<DepartmentPage />, { client: createClient() });
    const group = await screen.findByRole('group', { name: 'Which measures' });
    const tab = (name: RegExp) => within(group).getByRole('button', { name });

    // Blocked first.
    expect(tab(/^Blocked \(1\)$/).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('rowheader', { name: 'Blocked Person' })).toBeTruthy();

    // Awaiting choice: the first page says more exist ("2+"), "Show more" merges the second page in.
    expect(tab(/^Awaiting choice \(2\+\)$/)).toBeTruthy();
    fireEvent.click(tab(/^Awaiting choice/));
    expect(screen.getByRole('rowheader', { name: 'Late Chooser' })).toBeTruthy();
    expect(screen.getByText('Shown: 2. More are available.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    await screen.findByRole('rowheader', { name: 'Third Waiting' });
    expect(screen.getByRole('rowheader', { name: 'Late Chooser' })).toBeTruthy();
    expect(screen.getByRole('rowheader', { name: 'New Arrival' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
    // Focus is not lost with the button: it moves to the note that everything is shown.
    await waitFor(() => expect(document.activeElement?.textContent).toBe('All 3 shown.'));
    expect(requests.filter((r) => r.operationName === 'DepartmentMeasures').map((r) => r.variables)).toContainEqual({ status: 'AWAITING_CHOICE', after: 'a2' });

    // Overdue: a month after publication without a choice (40 and 45 days), not the 5-day-old one.
    fireEvent.click(tab(/^Overdue/));
    expect(tab(/^Overdue.*\(2\)$/).getAttribute('aria-pressed')).toBe('true');
    const overdueTable = screen.getByRole('table', { name: /Overdue/ });
    expect(within(overdueTable).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['Late Chooser', 'Third Waiting']);

    // Charts: three orders over two pages, October 2026: S5 once, S6 twice.
    const perMonth = await screen.findByRole('table', { name: 'Orders per month and kind of service' });
    const cells = within(perMonth).getAllByRole('row').map((r) => r.textContent);
    expect(cells).toEqual(['Oct 2026 · S51', 'Oct 2026 · S62']);
    // Average days publication → handover, handed-over orders only: (4 + 10) / 2 = 7 days for wheelchairs.
    const avg = screen.getByRole('table', { name: 'Average days from publication to handover' });
    expect(within(avg).getByRole('row').textContent).toMatch(/Wheelchair.*7 days/);

    // Claims and payments.
    const claims = screen.getByRole('table', { name: 'Claims and payments' });
    const paid = within(claims).getByRole('row', { name: /ORD-000001/ });
    expect(paid.textContent).toContain('TR-42');
    expect(paid.textContent).toContain('14 October 2026');
    // An approved claim: the department records the treasury's payment order; the row shows it paid.
    const approved = within(claims).getByRole('row', { name: /ORD-000002/ });
    const reference = within(approved).getByLabelText(/Payment order no\./);
    fireEvent.change(reference, { target: { value: 'TR 43' } });
    fireEvent.click(within(approved).getByRole('button', { name: /Record payment/ }));
    expect(reference.getAttribute('aria-invalid')).toBe('true');
    expect(requests.some((r) => r.operationName === 'PayClaim')).toBe(false);
    fireEvent.change(reference, { target: { value: 'TR-43' } });
    fireEvent.click(within(approved).getByRole('button', { name: /Record payment/ }));
    await waitFor(() => expect(approved.textContent).toContain('payment order TR-43'));
    expect(approved.textContent).toContain('Paid');
    expect(requests.find((r) => r.operationName === 'PayClaim')!.variables).toEqual({ id: 'c2', version: 2, reference: 'TR-43' });
  });
});
