// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import { MyOrdersPage } from './MyOrdersPage.js';
import { mockClient, renderWith } from '../../../test/render.js';
import { setSession } from '../../../lib/session.js';

afterEach(() => {
  cleanup();
  setSession(null);
});

const signedIn = () => setSession({ token: 't', displayName: 'A', iin: '610412400123', claims: { sub: 'u', role: 'RECIPIENT', personId: 'p1', represents: [] } });

describe('MyOrdersPage', () => {
  it('empty: says there are no orders and where to start, in the user language', () => {
    signedIn();
    renderWith(<MyOrdersPage />, { lang: 'kk', client: mockClient({ MyOrders: { orders: { __typename: 'OrderConnection', nodes: [], pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null } } } }) });
    const empty = document.querySelector('.empty')!;
    expect(empty.textContent).toContain('Әзірге тапсырыс жоқ');
    expect(screen.getByRole('link', { name: 'Кабинетті ашу' }).getAttribute('href')).toBe('/cabinet');
  });
});
