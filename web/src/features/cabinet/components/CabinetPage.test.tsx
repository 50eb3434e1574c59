// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { CabinetPage } from './CabinetPage.js';
import { gspEntitlement } from '../../../test/gsp.js';
import { mockClient, renderWith } from '../../../test/render.js';
import { setSession } from '../../../lib/session.js';

afterEach(() => {
  cleanup();
  setSession(null);
});

const measure = (id: string, status: string, daysLeft: number | null, itemTypeCode = 'S6-MANUAL', kind = 'S6') => ({
  __typename: 'Measure',
  id,
  kind,
  itemTypeCode,
  quantity: 1,
  guaranteedSum: 150_000_00,
  status,
  choiceDeadline: '2026-12-15T00:00:00.000Z',
  daysLeftToChoose: daysLeft,
  version: 3,
});

const noGsp = { __typename: 'GspEntitlementConnection', nodes: [], pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null } };

const person = (id: string, fullName: string, iin: string, measures: unknown[], category = 'DISABILITY', gspEntitlements: unknown = noGsp, withProgram = true) => ({
  __typename: 'Person',
  id,
  fullName,
  iin,
  birthDate: '1961-04-12',
  sex: 'FEMALE',
  address: 'Astana, Kenesary 4',
  phone: '+77010000001',
  email: null,
  category,
  disabilityGroup: category === 'ELDERLY' ? null : 1,
  regionCode: 'KZ-71',
  program: withProgram
    ? {
        __typename: 'RehabilitationProgram',
        id: `prog-${id}`,
        number: `IPR-${id}`,
        issuedOn: '2026-10-01',
        validUntil: '2027-09-30',
        measures: { __typename: 'MeasureConnection', nodes: measures, pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null } },
      }
    : null,
  gspEntitlements,
});

const responses = {
  ReferenceNames: {
    itemTypes: {
      __typename: 'ItemTypeConnection',
      nodes: [
        { __typename: 'ItemType', code: 'S6-MANUAL', kind: 'S6', nameKk: 'Қол арбасы', nameRu: 'Коляска', nameEn: 'Manual wheelchair' },
        { __typename: 'ItemType', code: 'S5-HEARING', kind: 'S5', nameKk: 'Есту аппараты', nameRu: 'Слуховой аппарат', nameEn: 'Hearing aid' },
      ],
    },
    regions: { __typename: 'RegionConnection', nodes: [] },
  },
  Me: {
    me: {
      __typename: 'Person',
      id: 'rep',
      fullName: 'Serik Representative',
      principals: {
        __typename: 'RepresentationConnection',
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
        nodes: [{ __typename: 'Representation', id: 'r1', kind: 'LEGAL_REPRESENTATIVE', validTo: null, principal: { __typename: 'Person', id: 'mother', fullName: 'Aliya Mother' } }],
      },
    },
  },
  Cabinet: (vars: { id: string }) => ({
    person:
      vars.id === 'mother'
        ? person('mother', 'Aliya Mother', '610412400123', [measure('m1', 'AWAITING_CHOICE', 12), measure('m2', 'BLOCKED', null, 'S5-HEARING', 'S5'), measure('m3', 'ORDERED', null)])
        : person('rep', 'Serik Representative', '850101300456', []),
  }),
};

describe('CabinetPage', () => {
  it('a representative switches to the represented person and sees the program: status, deadline, days left; re-activates a blocked measure', async () => {
    setSession({ token: 't', displayName: 'Serik', iin: '850101300456', claims: { sub: 'u1', role: 'REPRESENTATIVE', personId: 'rep', represents: ['mother'] } });
    const sent: { name: string; vars: unknown }[] = [];
    renderWith(<CabinetPage />, {
      client: mockClient(responses, (name, vars) => {
        sent.push({ name, vars });
        return { reactivateMeasure: { __typename: 'Measure', id: 'm2', status: 'AWAITING_CHOICE', version: 4, choiceDeadline: '2027-02-01T00:00:00.000Z', daysLeftToChoose: 61 } };
      }),
    });
    // Own cabinet first: contacts are editable there.
    expect(screen.getByRole('button', { name: 'Serik Representative (myself)' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByLabelText('Mobile phone')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Aliya Mother (legal representative)' }));
    await screen.findByText('610412400123');
    expect(screen.getByRole('button', { name: 'Aliya Mother (legal representative)' }).getAttribute('aria-pressed')).toBe('true');
    // Someone else's contacts are shown, not editable.
    expect(screen.queryByLabelText('Mobile phone')).toBeNull();

    const table = screen.getByRole('table', { name: 'Measures of the program' });
    const awaiting = within(table).getAllByRole('row').find((r) => r.textContent!.includes('Choose a supplier'))!;
    expect(awaiting.textContent).toContain('Choose a supplier');
    expect(awaiting.textContent).toContain('15 December 2026');
    expect(awaiting.textContent).toContain('12 days left');
    expect(within(awaiting).getByRole('link', { name: /Choose a supplier/ }).getAttribute('href')).toBe('/catalog?measure=m1');
    const ordered = within(table).getAllByRole('row').find((r) => r.textContent!.includes('Ordered'))!;
    expect(within(ordered).queryByRole('link')).toBeNull();
    expect(within(ordered).queryByRole('button')).toBeNull();

    const blocked = within(table).getByRole('row', { name: /Hearing aid/ });
    expect(blocked.textContent).toContain('Blocked: no supplier was chosen in two months.');
    fireEvent.click(within(blocked).getByRole('button', { name: /Re-activate the choice/ }));
    await waitFor(() => expect(sent).toEqual([{ name: 'ReactivateMeasure', vars: { id: 'm2', version: 3 } }]));
    expect(await within(blocked).findByText('The measure is active again: you can choose a supplier.')).toBeTruthy();
  });

  it('an elderly person sees the special social services recommended to them and their statuses (003 ¶7)', async () => {
    setSession({ token: 't', displayName: 'Aliya', iin: '400412400123', claims: { sub: 'u2', role: 'RECIPIENT', personId: 'elder', represents: [] } });
    renderWith(<CabinetPage />, {
      client: mockClient({
        ...responses,
        Me: { me: { __typename: 'Person', id: 'elder', fullName: 'Aliya Elder', principals: { __typename: 'RepresentationConnection', pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null }, nodes: [] } } },
        Cabinet: () => ({ person: person('elder', 'Aliya Elder', '400412400123', [measure('m9', 'AWAITING_CHOICE', 20, 'SSS-HOME', 'SSS')], 'ELDERLY') }),
      }),
    });
    expect(await screen.findByRole('heading', { name: 'Recommended special social services and their statuses' })).toBeTruthy();
    const row = within(screen.getByRole('table')).getAllByRole('row').find((r) => r.textContent!.includes('Choose a supplier'))!;
    expect(row.textContent).toContain('Special social services');
  });

  it('a representative sees the guaranteed social package of the child: kinds, volumes, periods and statuses (002 ¶1, the Rules ¶7), and pages on', async () => {
    setSession({ token: 't', displayName: 'Serik', iin: '850101300456', claims: { sub: 'u1', role: 'REPRESENTATIVE', personId: 'rep', represents: ['child'] } });
    const sent: unknown[] = [];
    const page = (after: string | null) =>
      after
        ? { __typename: 'GspEntitlementConnection', nodes: [gspEntitlement('g4', 'PUBLIC_TRANSPORT', 9, 'MONTHS', 'STOPPED', 'The family no longer receives targeted social assistance')], pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'c2' } }
        : {
            __typename: 'GspEntitlementConnection',
            nodes: [gspEntitlement('g1', 'SCHOOL_MEALS', 1, 'MEALS_PER_SCHOOL_DAY', 'BEING_PROVIDED'), gspEntitlement('g2', 'FOOD_SET', 2, 'SETS_PER_MONTH', 'ASSIGNED'), gspEntitlement('g3', 'SCHOOL_UNIFORM', 1, 'SETS', 'PROVIDED')],
            pageInfo: { __typename: 'PageInfo', hasNextPage: true, endCursor: 'c1' },
          };
    renderWith(<CabinetPage />, {
      client: mockClient({
        ...responses,
        Me: {
          me: {
            ...responses.Me.me,
            principals: { ...responses.Me.me.principals, nodes: [{ __typename: 'Representation', id: 'r2', kind: 'LEGAL_REPRESENTATIVE', validTo: null, principal: { __typename: 'Person', id: 'child', fullName: 'Ali Child' } }] },
          },
        },
        Cabinet: (vars: { id: string; gspAfter?: string | null }) => {
          sent.push(vars);
          return { person: vars.id === 'child' ? person('child', 'Ali Child', '140401500123', [], 'NONE', page(vars.gspAfter ?? null), false) : person('rep', 'Serik Representative', '850101300456', []) };
        },
      }),
    });
    // The representative's own cabinet has no package.
    await screen.findByText('850101300456');
    expect(screen.queryByRole('heading', { name: 'Guaranteed social package: kinds, volumes and statuses' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Ali Child (legal representative)' }));
    expect(await screen.findByRole('heading', { name: 'Guaranteed social package: kinds, volumes and statuses' })).toBeTruthy();
    // A package recipient without an IPR is not told that no program has come.
    expect(screen.queryByText('No rehabilitation program has been received yet.')).toBeNull();
    const table = screen.getByRole('table', { name: 'Guaranteed social package' });
    const row = (text: string) => within(table).getAllByRole('row').find((r) => r.textContent!.includes(text))!;
    expect(row('Free school meals').textContent).toContain('1 meal each school day');
    expect(row('Free school meals').textContent).toContain('Being provided');
    expect(row('Free school meals').textContent).toContain('1 September 2026');
    expect(row('Free school meals').textContent).toContain('25 May 2027');
    expect(row('Food set').textContent).toContain('2 sets a month');
    expect(row('Food set').textContent).toContain('Assigned');
    expect(row('School uniform').textContent).toContain('1 set');
    expect(row('School uniform').textContent).toContain('Provided');

    fireEvent.click(screen.getByRole('button', { name: /Show more/ }));
    const stopped = await within(table).findByText('Public-transport travel');
    const stoppedRow = stopped.closest('tr')!;
    expect(stoppedRow.textContent).toContain('9 months');
    expect(stoppedRow.textContent).toContain('Stopped');
    expect(stoppedRow.textContent).toContain('The family no longer receives targeted social assistance');
    expect(sent).toContainEqual(expect.objectContaining({ id: 'child', gspAfter: 'c1' }));
  });
});
