// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
import { MaintenanceBanner } from './MaintenanceBanner.js';
import { HelpPage } from './HelpPage.js';
import { mockClient, renderWith } from '../../../test/render.js';

afterEach(cleanup);

const text = (t: string, language = 'RU', fallback = false) => ({ __typename: 'LocalizedText', text: t, language, fallback });

describe('MaintenanceBanner', () => {
  it('shows an open notice in the reader language, as a labelled landmark, and asks for that language', () => {
    const asked: unknown[] = [];
    const client = mockClient({
      ActiveMaintenanceNotices: {
        activeMaintenanceNotices: {
          __typename: 'MaintenanceNoticeConnection',
          nodes: [{ __typename: 'MaintenanceNotice', id: 'n1', startsAt: '2026-12-01T04:00:00Z', endsAt: '2026-12-01T06:00:00Z', text: text('Портал не работает с 9:00 до 11:00') }],
        },
      },
    });
    const execute = client.executeQuery.bind(client);
    client.executeQuery = ((op: { variables: unknown }) => (asked.push(op.variables), execute(op as never))) as typeof client.executeQuery;
    renderWith(<MaintenanceBanner />, { client, lang: 'ru' });
    const banner = screen.getByRole('complementary', { name: 'Плановые технические работы' });
    expect(banner.textContent).toContain('Портал не работает с 9:00 до 11:00');
    expect(within(banner).getAllByRole('time')).toHaveLength(2);
    expect(asked).toContainEqual({ language: 'RU' });
  });

  it('shows nothing when no notice window is open', () => {
    renderWith(<MaintenanceBanner />, {
      client: mockClient({ ActiveMaintenanceNotices: { activeMaintenanceNotices: { __typename: 'MaintenanceNoticeConnection', nodes: [] } } }),
    });
    expect(screen.queryByRole('complementary')).toBeNull();
  });
});

describe('HelpPage', () => {
  it('shows the contact-centre phone and the FAQ, marking a fallback text with its language', () => {
    renderWith(<HelpPage />, {
      lang: 'en',
      client: mockClient({
        Help: {
          faqEntries: {
            __typename: 'FaqEntryConnection',
            nodes: [
              { __typename: 'FaqEntry', id: 'f1', position: 1, question: text('How do I order?', 'EN'), answer: text('Open your cabinet.', 'EN') },
              { __typename: 'FaqEntry', id: 'f2', position: 2, question: text('Как подать жалобу?', 'RU', true), answer: text('На странице жалоб.', 'RU', true) },
            ],
          },
          contactCenter: { __typename: 'PortalContact', phone: '1414', updatedAt: '2026-12-01T00:00:00Z', hours: text('Mon–Fri 9:00–18:30', 'EN') },
        },
      }),
    });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Help and contact centre');
    expect(screen.getByRole('link', { name: '1414' }).getAttribute('href')).toBe('tel:1414');
    expect(screen.getByText('Mon–Fri 9:00–18:30')).toBeTruthy();
    expect(screen.getByText('How do I order?')).toBeTruthy();
    // The Russian fallback is marked so a screen reader pronounces it in Russian.
    expect(screen.getByText('Как подать жалобу?').getAttribute('lang')).toBe('ru');
    expect(screen.getByText('How do I order?').getAttribute('lang')).toBeNull();
  });
});
