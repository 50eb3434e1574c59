// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { SpecialServicesPage } from './SpecialServicesPage.js';
import { mockClient, renderWith } from '../../../test/render.js';
import { setSession } from '../../../lib/session.js';

afterEach(() => {
  cleanup();
  setSession(null);
});

const none = { __typename: 'PageInfo', hasNextPage: false, endCursor: null };
const measure = (id: string, status: string, order?: { number: string; supplier: string }) => ({
  __typename: 'Measure',
  id,
  itemTypeCode: 'SSS-HOME',
  status,
  guaranteedSum: 120000,
  publishedAt: '2026-10-01T04:00:00Z',
  choiceDeadline: '2026-12-01T04:00:00Z',
  closedReason: null,
  person: { __typename: 'Person', id: `p${id}`, fullName: `Person ${id}` },
  orders: {
    __typename: 'OrderConnection',
    nodes: order ? [{ __typename: 'Order', id: `o${id}`, number: order.number, status: 'ACCEPTED', supplier: { __typename: 'Supplier', id: 's1', name: order.supplier } }] : [],
  },
});

describe("the department's special social services", () => {
  it("lists the region's recommended services with status and chosen provider, filters by status, and lists the region's providers", async () => {
    setSession({ token: 't', displayName: 'Officer', iin: '800101300123', claims: { sub: 'u', role: 'EMPLOYMENT_DEPARTMENT', regionCode: 'KZ-75', represents: [] } });
    const asked: unknown[] = [];
    renderWith(<SpecialServicesPage />, {
      lang: 'ru',
      client: mockClient({
        DepartmentSpecialServices: (vars: { status: string | null }) => ({
          measures: {
            __typename: 'MeasureConnection',
            pageInfo: none,
            nodes: [measure('1', 'AWAITING_CHOICE'), measure('2', 'ORDERED', { number: '2026-000321', supplier: 'ТОО Қамқор' })].filter((m) => !vars.status || m.status === vars.status),
          },
        }),
        SpecialServiceProviders: (vars: unknown) => {
          asked.push(vars);
          return { suppliers: { __typename: 'SupplierConnection', pageInfo: none, nodes: [{ __typename: 'Supplier', id: 's1', name: 'ТОО Қамқор', phone: '+77011234567', actualAddress: 'Алматы, Абая 1' }] } };
        },
      }),
    });
    const table = await screen.findByRole('table', { name: 'Рекомендованные услуги' });
    expect(within(table).getByRole('row', { name: /Person 2/ }).textContent).toMatch(/Заказано.*ТОО Қамқор \(2026-000321\)/);
    expect(within(table).getByRole('row', { name: /Person 1/ }).textContent).toContain('—');
    fireEvent.change(screen.getByLabelText('Показать в статусе'), { target: { value: 'ORDERED' } });
    expect(await screen.findByRole('row', { name: /Person 2/ })).toBeTruthy();
    expect(screen.queryByRole('row', { name: /Person 1/ })).toBeNull();
    const providers = screen.getByRole('table', { name: 'Поставщики региона' });
    expect(within(providers).getByRole('link', { name: '+77011234567' })).toBeTruthy();
    expect(asked[0]).toMatchObject({ regionCode: 'KZ-75' });
  });
});
