// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { SignersPage } from './SignersPage.js';
import { mockClient, renderWith } from '../../../test/render.js';
import { setSession } from '../../../lib/session.js';

afterEach(() => {
  cleanup();
  setSession(null);
});

const none = { __typename: 'PageInfo', hasNextPage: false, endCursor: null };

describe("the supplier's register of authorized signers", () => {
  it('lists the signers, registers one with its IIN, role and dates, and ends an authorization', async () => {
    setSession({ token: 't', displayName: 'Head', iin: '800101300123', claims: { sub: 'u', role: 'SUPPLIER', supplierId: 's1', represents: [] } });
    const sent: { name: string; vars: unknown }[] = [];
    renderWith(<SignersPage />, {
      lang: 'ru',
      client: mockClient(
        {
          AuthorizedSigners: {
            authorizedSigners: {
              __typename: 'AuthorizedSignerConnection',
              pageInfo: none,
              nodes: [{ __typename: 'AuthorizedSigner', id: 'g1', iin: '900101300012', fullName: 'Сейткали А.', role: 'FINANCE_SIGNATORY', validFrom: '2026-01-01', validTo: null }],
            },
          },
        },
        (name, vars) => {
          sent.push({ name, vars });
          return name === 'EndAuthorizedSigner'
            ? { endAuthorizedSigner: { __typename: 'AuthorizedSigner', id: 'g1', validTo: '2026-12-06' } }
            : { addAuthorizedSigner: { __typename: 'AuthorizedSigner', id: 'g2', iin: '850505400023', fullName: 'Омарова Б.', role: 'SIGNATORY', validFrom: '2026-12-07', validTo: null } };
        },
      ),
    });
    const row = await screen.findByRole('row', { name: /Сейткали/ });
    expect(row.textContent).toMatch(/Финансовые документы.*2026-01-01.*бессрочно/);

    fireEvent.click(screen.getByRole('button', { name: 'Добавить подписанта' }));
    expect(await screen.findByText('ИИН — 12 цифр.')).toBeTruthy();
    expect(sent).toEqual([]);
    fireEvent.change(screen.getByLabelText('ИИН'), { target: { value: '8505 0540 0023' } });
    fireEvent.change(screen.getByLabelText('ФИО'), { target: { value: 'Омарова Б.' } });
    fireEvent.change(screen.getByLabelText('С'), { target: { value: '2026-12-07' } });
    fireEvent.click(screen.getByRole('button', { name: 'Добавить подписанта' }));
    await waitFor(() =>
      expect(sent[0]).toEqual({
        name: 'AddAuthorizedSigner',
        vars: { input: { supplierId: 's1', iin: '850505400023', fullName: 'Омарова Б.', role: 'SIGNATORY', validFrom: '2026-12-07', validTo: null } },
      }),
    );
    fireEvent.click(screen.getByRole('button', { name: /^Прекратить полномочия/ }));
    await waitFor(() => expect(sent[1]).toEqual({ name: 'EndAuthorizedSigner', vars: { id: 'g1' } }));
    expect(await screen.findByText(/Полномочия прекращены/)).toBeTruthy();
  });
});
