// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { SupplierPage } from './SupplierPage.js';
import { JournalsPage } from './JournalsPage.js';
import { mockClient, renderWith } from '../../../test/render.js';
import { setSession } from '../../../lib/session.js';

afterEach(() => {
  cleanup();
  setSession(null);
});

const none = { __typename: 'PageInfo', hasNextPage: false, endCursor: null };
const reference = {
  ReferenceNames: {
    itemTypes: { __typename: 'ItemTypeConnection', nodes: [{ __typename: 'ItemType', code: 'S2-SIGN', kind: 'S2', nameKk: 'Ымдау тілі', nameRu: 'Сурдоперевод', nameEn: 'Sign language' }] },
    regions: { __typename: 'RegionConnection', nodes: [{ __typename: 'Region', code: 'KZ-71', nameKk: 'Астана қаласы', nameRu: 'город Астана', nameEn: 'Astana' }] },
  },
};

describe('supplier portal', () => {
  it('shows the organization card: addresses, head, OKED directions and regions', () => {
    setSession({ token: 't', displayName: 'S', iin: '800101300123', claims: { sub: 'u', role: 'SUPPLIER', supplierId: 's1', represents: [] } });
    renderWith(<SupplierPage />, {
      client: mockClient({
        ...reference,
        SupplierCard: {
          supplier: {
            __typename: 'Supplier',
            id: 's1',
            bin: '210440012345',
            name: 'Kömek LLP',
            legalForm: 'LLP',
            legalAddress: 'Astana, Mangilik El 8',
            actualAddress: 'Astana, Turan 20',
            headName: 'Dana Seitkali',
            phone: '+77172000000',
            email: 'info@komek.kz',
            okedCodes: ['88.10', '47.74'],
            directions: ['S2'],
            regionCodes: ['KZ-71'],
            status: 'VERIFIED',
            offerings: { __typename: 'OfferingConnection', nodes: [], pageInfo: none },
          },
        },
      }),
    });
    const card = screen.getByRole('region', { name: 'Kömek LLP' });
    for (const text of ['210440012345', 'Astana, Mangilik El 8', 'Astana, Turan 20', 'Dana Seitkali', '88.10, 47.74', 'Sign-language specialist', 'Astana', 'Verified']) {
      expect(card.textContent).toContain(text);
    }
    // Offerings: empty state, and the form to publish one.
    expect(screen.getByRole('region', { name: 'New offering' })).toBeTruthy();
  });

  it('S2 journal: the yearly 60-hour limit is shown before submitting and an entry over it is not sent', async () => {
    const sent: unknown[] = [];
    const row = (id: string, date: string, minutes: number) => ({ __typename: 'JournalEntry', id, date, startTime: '09:00', endTime: '10:00', minutes, places: [], mode: 'ONLINE' });
    renderWith(<JournalsPage />, {
      client: mockClient(
        {
          ...reference,
          ServiceOrders: {
            orders: {
              __typename: 'OrderConnection',
              pageInfo: none,
              nodes: [{ __typename: 'Order', id: 'o2', number: 'ORD-000222', kind: 'S2', measure: { __typename: 'Measure', id: 'm2', kind: 'S2' }, recipient: { __typename: 'Person', id: 'p', fullName: 'Deaf Person' } }],
            },
          },
          Journal: {
            order: {
              __typename: 'Order',
              id: 'o2',
              number: 'ORD-000222',
              kind: 'S2',
              measure: { __typename: 'Measure', id: 'm2', kind: 'S2' },
              // 58 hours this year already, and 3 last year (not counted).
              journal: { __typename: 'JournalEntryConnection', pageInfo: none, nodes: [row('j1', '2026-03-02', 58 * 60), row('j0', '2025-12-01', 3 * 60)] },
              acts: { __typename: 'ServiceActConnection', pageInfo: none, nodes: [] },
            },
          },
        },
        (name, vars) => {
          sent.push({ name, vars });
          return {};
        },
      ),
    });
    await screen.findByRole('heading', { name: /ORD-000222/ });
    fireEvent.change(screen.getByLabelText('Date'), { target: { value: '2026-11-20' } });
    fireEvent.change(screen.getByLabelText('Start'), { target: { value: '10:00' } });
    fireEvent.change(screen.getByLabelText('End'), { target: { value: '13:00' } });
    const limit = document.getElementById('limit-text')!;
    expect(limit.textContent).toBe('Limit: 60 hours a calendar year. Already logged this year: 58 h; this entry: 3 h; total: 61 h.');
    expect(limit.className).toBe('field-error');
    fireEvent.click(screen.getByRole('button', { name: 'Save the row' }));
    expect(screen.getByRole('alert').textContent).toBe('This entry would exceed the limit. Shorten it.');
    expect(sent).toEqual([]);
    fireEvent.change(screen.getByLabelText('End'), { target: { value: '12:00' } });
    expect(limit.className).toBe('hint');
    fireEvent.change(screen.getByLabelText('Form of the session'), { target: { value: 'ONLINE' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the row' }));
    await waitFor(() => expect(sent).toEqual([{ name: 'LogServiceHours', vars: { orderId: 'o2', input: { date: '2026-11-20', startTime: '10:00', endTime: '12:00', mode: 'ONLINE' } } }]));
  });
});
