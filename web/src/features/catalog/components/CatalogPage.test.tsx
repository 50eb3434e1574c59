// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { CatalogPage } from './CatalogPage.js';
import { mockClient, renderWith } from '../../../test/render.js';
import { createClient } from '../../../lib/urql.js';
import { kk } from '../../../app/messages/kk.js';

const itemType = { __typename: 'ItemType', code: 'S6-MANUAL', kind: 'S6', unit: 'PIECE', nameKk: 'Қол арбасы', nameRu: 'Коляска', nameEn: 'Manual wheelchair' };
const offering = (n: number, price: number) => ({
  __typename: 'Offering',
  id: `o${n}`,
  title: `Wheelchair ${n}`,
  description: '',
  kind: 'S6',
  itemTypeCode: 'S6-MANUAL',
  price,
  deliveryMode: n % 2 ? 'DELIVERY' : 'PICKUP',
  leadTimeDays: n,
  stock: n === 4 ? 0 : 5,
  regionCodes: ['KZ-71'],
  characteristics: { seatWidthCm: String(40 + n) },
  supplier: { __typename: 'Supplier', id: `s${n}`, name: `Supplier ${n}` },
  itemType,
});

const responses = {
  ReferenceNames: {
    regions: { nodes: [{ __typename: 'Region', code: 'KZ-71', nameKk: 'Астана қаласы', nameRu: 'город Астана', nameEn: 'Astana' }] },
    itemTypes: { nodes: [itemType] },
  },
  Offerings: {
    offerings: {
      nodes: [offering(1, 100_000_00), offering(2, 120_000_00), offering(3, 90_000_00), offering(4, 80_000_00)],
      pageInfo: { hasNextPage: false, endCursor: null },
    },
  },
};

afterEach(cleanup);

describe('CatalogPage', () => {
  it('lists offerings with labelled filters and compares at most three side by side', () => {
    renderWith(<CatalogPage />, { client: mockClient(responses) });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('Help for you');
    // Every filter control has a visible label.
    for (const label of ['Kind of help', 'Aid or service', 'Region', 'Delivery', 'Highest price, tenge', 'Longest lead time, days']) {
      expect(screen.getByLabelText(label)).toBeTruthy();
    }
    const boxes = screen.getAllByRole('checkbox', { name: /Compare/ });
    expect(boxes).toHaveLength(4);
    fireEvent.click(boxes[0]!);
    fireEvent.click(boxes[1]!);
    fireEvent.click(boxes[2]!);
    expect((boxes[3] as HTMLInputElement).disabled).toBe(true);
    const table = screen.getByRole('table');
    expect(within(table).getAllByRole('columnheader')).toHaveLength(3);
    expect(within(table).getByText('Seat width, cm')).toBeTruthy();
    expect(screen.getByText('Selected for comparison: 3 of 3.')).toBeTruthy();
    fireEvent.click(within(table).getAllByRole('button', { name: /Remove from comparison/ })[0]!);
    expect((boxes[3] as HTMLInputElement).disabled).toBe(false);
  });

  it('filters by region, delivery/pickup, highest price and lead time', async () => {
    history.replaceState(null, '', '/catalog');
    const asked: unknown[] = [];
    renderWith(<CatalogPage />, {
      client: mockClient({
        ...responses,
        Offerings: (vars: { filter: unknown }) => {
          asked.push(vars.filter);
          return responses.Offerings;
        },
      }),
    });
    fireEvent.change(screen.getByLabelText('Region'), { target: { value: 'KZ-71' } });
    fireEvent.change(screen.getByLabelText('Delivery'), { target: { value: 'PICKUP' } });
    fireEvent.change(screen.getByLabelText('Highest price, tenge'), { target: { value: '120 000,50' } });
    fireEvent.change(screen.getByLabelText('Longest lead time, days'), { target: { value: '7' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show offerings' }));
    await waitFor(() => expect(asked.at(-1)).toEqual({ regionCode: 'KZ-71', deliveryMode: 'PICKUP', maxPrice: 120_000_50, maxLeadTimeDays: 7 }));
    // The filter lives in the address (shareable, survives reload) and the form shows it again.
    expect(new URLSearchParams(location.search).get('maxPrice')).toBe('12000050');
    expect((screen.getByLabelText('Highest price, tenge') as HTMLInputElement).value).toBe('120000.5');
    history.replaceState(null, '', '/');
  });

  it('shows the state part and the co-payment when choosing for a measure', () => {
    history.replaceState(null, '', '/catalog?measure=m1');
    renderWith(<CatalogPage />, {
      client: mockClient({
        ...responses,
        MeasureForChoice: {
          measure: { __typename: 'Measure', id: 'm1', kind: 'S6', itemTypeCode: 'S6-MANUAL', regionCode: 'KZ-71', quantity: 1, guaranteedSum: 100_000_00, status: 'AWAITING_CHOICE', daysLeftToChoose: 12, itemType },
        },
      }),
    });
    const card = screen.getByRole('article', { name: 'Wheelchair 2' });
    const text = card.textContent!.replace(/\s/g, ' ');
    expect(text).toContain('State pays');
    expect(text).toMatch(/You pays?.*20.000/);
    expect(within(card).getByRole('link', { name: /Choose this offering/ }).getAttribute('href')).toBe('/orders/new?measure=m1&offering=o2');
    // Out of stock: no way to order it.
    expect(within(screen.getByRole('article', { name: 'Wheelchair 4' })).queryByRole('link', { name: /Choose this offering/ })).toBeNull();
    history.replaceState(null, '', '/');
  });

  it('error state: the message follows extensions.code in the user language, never the server text, and "try again" works', async () => {
    history.replaceState(null, '', '/catalog');
    let offeringsCalls = 0;
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body)) as { operationName: string };
      if (body.operationName !== 'Offerings') return new Response(JSON.stringify({ data: responses.ReferenceNames }), { headers: { 'content-type': 'application/json' } });
      offeringsCalls++;
      if (offeringsCalls === 1) throw new TypeError('fetch failed');
      return new Response(JSON.stringify({ data: null, errors: [{ message: 'Offering table locked by pid 4711', extensions: { code: 'SOMETHING_ODD', correlationId: 'c-77' } }] }), {
        headers: { 'content-type': 'application/json' },
      });
    });
    try {
      renderWith(<CatalogPage />, { client: createClient(), lang: 'kk' });
      const alert = await screen.findByRole('alert');
      expect(alert.textContent).toContain(kk.errors.NETWORK);
      fireEvent.click(within(alert).getByRole('button', { name: kk.common.retry }));
      await waitFor(() => expect(screen.getByRole('alert').textContent).toContain(kk.errors.UNKNOWN));
      expect(screen.getByRole('alert').textContent).toContain('c-77');
      expect(screen.getByRole('alert').textContent).not.toContain('pid 4711');
      expect(offeringsCalls).toBe(2);
    } finally {
      vi.unstubAllGlobals();
      history.replaceState(null, '', '/');
    }
  });
});
