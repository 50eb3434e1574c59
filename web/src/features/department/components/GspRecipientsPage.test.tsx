// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { GspRecipientsPage } from './GspRecipientsPage.js';
import { gspEntitlement } from '../../../test/gsp.js';
import { mockClient, renderWith } from '../../../test/render.js';
import { setSession } from '../../../lib/session.js';

afterEach(() => {
  cleanup();
  setSession(null);
});

const none = { __typename: 'PageInfo', hasNextPage: false, endCursor: null };
const entitlement = (id: string, kind: string, quantity: number, unit: string, status: string, statusReason: string | null = null) => ({
  ...gspEntitlement(id, kind, quantity, unit, status, statusReason),
  person: { __typename: 'Person', id: `p${id}`, fullName: `Person ${id}` },
});

describe("the department's recipients of the guaranteed social package", () => {
  it('lists each entitlement with its recipient, volume, period and status in Russian, and filters by status', async () => {
    setSession({ token: 't', displayName: 'Officer', iin: '800101300123', claims: { sub: 'u', role: 'EMPLOYMENT_DEPARTMENT', regionCode: 'KZ-75', represents: [] } });
    const asked: unknown[] = [];
    renderWith(<GspRecipientsPage />, {
      lang: 'ru',
      client: mockClient({
        DepartmentGsp: (vars: { status: string | null }) => {
          asked.push(vars);
          return {
            gspEntitlements: {
              __typename: 'GspEntitlementConnection',
              pageInfo: none,
              nodes: [entitlement('1', 'SCHOOL_MEALS', 1, 'MEALS_PER_SCHOOL_DAY', 'BEING_PROVIDED'), entitlement('2', 'PUBLIC_TRANSPORT', 9, 'MONTHS', 'STOPPED', 'Семья больше не получает АСП')].filter(
                (g) => !vars.status || g.status === vars.status,
              ),
            },
          };
        },
      }),
    });
    expect(await screen.findByRole('heading', { name: 'Получатели гарантированного социального пакета' })).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Получатели пакета' });
    const meals = within(table).getByRole('row', { name: /Person 1/ });
    expect(meals.textContent).toContain('Бесплатное питание в школе');
    expect(meals.textContent).toContain('1 раз в учебный день');
    expect(meals.textContent).toContain('Предоставляется');
    const travel = within(table).getByRole('row', { name: /Person 2/ });
    expect(travel.textContent).toContain('9 месяцев');
    expect(travel.textContent).toContain('Прекращён');
    expect(travel.textContent).toContain('Семья больше не получает АСП');

    fireEvent.change(screen.getByLabelText('Показать в статусе'), { target: { value: 'STOPPED' } });
    expect(await screen.findByRole('row', { name: /Person 2/ })).toBeTruthy();
    expect(screen.queryByRole('row', { name: /Person 1/ })).toBeNull();
    expect(asked.at(-1)).toMatchObject({ status: 'STOPPED' });
  });
});
