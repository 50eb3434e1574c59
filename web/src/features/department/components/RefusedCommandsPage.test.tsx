// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { RefusedCommandsPage } from './RefusedCommandsPage.js';
import { mockClient, renderWith } from '../../../test/render.js';
import { setSession } from '../../../lib/session.js';

afterEach(() => {
  cleanup();
  setSession(null);
});

const ORDER = '01a25000-0000-7000-8000-000000000001';
const refusal = (over: Record<string, unknown>) => ({
  __typename: 'RefusedCommand', id: 'r1', sender: 'orders', target: 'programs', command: 'internalMeasureOrdered', code: 'NOT_FOUND',
  message: 'Measure m9 not found', entityType: 'Order', entityId: ORDER, compensation: 'order cancelled: holding the measure was refused',
  regionCode: 'KZ-11', personId: '016f5e66-0000-7000-8000-000000000002', supplierId: null, measureId: null, orderId: ORDER, refusedAt: '2027-02-01T05:00:00Z', ...over,
});
const page = (nodes: unknown[], hasNextPage = false) => ({
  refusedCommands: { __typename: 'RefusedCommandConnection', pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor: hasNextPage ? 'c1' : null }, nodes },
});
const signedIn = (role: 'EMPLOYMENT_DEPARTMENT' | 'ADMIN') =>
  setSession({ token: 't', displayName: 'A', iin: '610412400123', claims: { sub: 'u', role, represents: [], regionCode: role === 'ADMIN' ? undefined : 'KZ-11' } });

describe('refused changes', () => {
  it('names the change and the services in words, the record once, what was done and the code; pages on with the cursor', async () => {
    signedIn('EMPLOYMENT_DEPARTMENT');
    const asked: unknown[] = [];
    renderWith(<RefusedCommandsPage />, {
      lang: 'ru',
      client: mockClient({
        RefusedCommands: (vars: { after?: string }) => {
          asked.push(vars.after ?? null);
          return vars.after ? page([refusal({ id: 'r2', command: 'internalSomethingNew', entityType: 'Thing', entityId: 'x1', orderId: null })]) : page([refusal({})], true);
        },
      }),
    });
    const row = (await screen.findByText('Закрепить мероприятие за заказом')).closest('tr')!;
    expect(within(row).getByText('Заказы → Программы реабилитации')).toBeTruthy();
    // The order is the record itself: listed once.
    expect(within(row).getAllByText(ORDER)).toHaveLength(1);
    expect(within(row).getByText('Заказ')).toBeTruthy();
    expect(within(row).getByText('order cancelled: holding the measure was refused').getAttribute('lang')).toBe('en');
    expect(within(row).getByText('NOT_FOUND')).toBeTruthy();
    // A department sees its own region only: no region column.
    expect(screen.queryByRole('columnheader', { name: 'Регион' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Показать ещё' }));
    await waitFor(() => expect(asked).toContain('c1'));
    // A command or record the page has no words for yet is shown by its name.
    expect(await screen.findByText('internalSomethingNew')).toBeTruthy();
    expect(screen.getByText('Thing')).toBeTruthy();
  });

  it("shows administrators each refusal's region, or that only administrators see it", async () => {
    signedIn('ADMIN');
    renderWith(<RefusedCommandsPage />, {
      client: mockClient({ RefusedCommands: page([refusal({}), refusal({ id: 'r2', regionCode: null, sender: 'catalog', target: 'people', command: 'internalCreateSupplierStaff' })]) }),
    });
    await screen.findByText("Create the supplier's staff account");
    expect(screen.getByRole('columnheader', { name: 'Region' })).toBeTruthy();
    expect(screen.getByText('Administrators only')).toBeTruthy();
  });

  it('says so when there is nothing refused', async () => {
    signedIn('EMPLOYMENT_DEPARTMENT');
    renderWith(<RefusedCommandsPage />, { client: mockClient({ RefusedCommands: page([]) }) });
    expect(await screen.findByText('No refused changes.')).toBeTruthy();
  });
});
