// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ActsToApprove } from './ActsToApprove.js';
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
    regions: { __typename: 'RegionConnection', nodes: [] },
  },
};

/** The development signer's key as the server hands it out (a fresh P-256 key; the certificate is not read in the browser). */
async function developmentKey() {
  const keys = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const pkcs8 = btoa(String.fromCharCode(...new Uint8Array(await crypto.subtle.exportKey('pkcs8', keys.privateKey))));
  return { DevelopmentSigningKey: { developmentSigningKey: { __typename: 'DevelopmentSigningKey', algorithm: 'ECDSA-P256-SHA256', privateKeyPkcs8: pkcs8, certificatePem: 'CERT' } } };
}

describe('department acts', () => {
  it('returns an act to the supplier only with a reason, signed with the officer’s EDS', async () => {
    const sent: unknown[] = [];
    setSession({ token: 't', displayName: 'Officer', iin: '800101300123', claims: { sub: 'u', role: 'EMPLOYMENT_DEPARTMENT', regionCode: 'KZ-71', represents: [] } });
    renderWith(<ActsToApprove />, {
      client: mockClient(
        {
          ...reference,
          ...(await developmentKey()),
          ActDecisionDocument: { serviceActDecisionDocument: '{"action":"RETURN_ACT"}' },
          SubmittedActs: {
            serviceActs: {
              __typename: 'ServiceActConnection',
              pageInfo: none,
              nodes: [{ __typename: 'ServiceAct', id: 'a1', orderId: 'o2', kind: 'S2', itemTypeCode: 'S2-SIGN', period: '2026-10', hours: 12, unitPrice: 5_000_00, cost: 60_000_00, statePart: 60_000_00, status: 'SUBMITTED', version: 1 }],
            },
          },
        },
        (name, vars) => {
          sent.push({ name, vars });
          return { returnServiceAct: { __typename: 'ServiceAct', id: 'a1', status: 'RETURNED', version: 2, returnReason: 'Hours on 3 October missing' } };
        },
      ),
    });
    const row = screen.getByRole('row', { name: /Sign language/ });
    expect(row.textContent!.replace(/\s/g, ' ')).toMatch(/2026-10.*12.*60.000/);
    fireEvent.click(within(row).getByRole('button', { name: /^Return/ }));
    fireEvent.click(within(row).getByRole('button', { name: 'Return' }));
    expect(await within(row).findByText('Give a reason (at least 3 characters).')).toBeTruthy();
    expect(sent).toEqual([]);
    fireEvent.change(within(row).getByLabelText('Why is the act returned?'), { target: { value: 'Hours on 3 October missing' } });
    fireEvent.click(within(row).getByRole('button', { name: 'Return' }));
    await waitFor(() =>
      expect(sent).toEqual([{ name: 'ReturnServiceAct', vars: { id: 'a1', version: 1, reason: 'Hours on 3 October missing', signature: expect.any(String), certificate: 'CERT' } }]),
    );
    expect(await screen.findByText('Act returned to the supplier.')).toBeTruthy();
  });
});
