// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { RegistrationPage } from './RegistrationPage.js';
import { mockClient, renderWith } from '../../../test/render.js';

afterEach(cleanup);

const reference = {
  ReferenceNames: {
    itemTypes: { nodes: [] },
    regions: { nodes: [{ __typename: 'Region', code: 'KZ-71', nameKk: 'Астана қаласы', nameRu: 'город Астана', nameEn: 'Astana' }] },
  },
};

const registration = (over: Record<string, unknown>) => ({
  __typename: 'Supplier',
  id: 's1',
  kind: 'ORGANIZATION',
  bin: '210440751006',
  iin: null,
  name: 'Komek LLP',
  legalForm: 'LLP',
  legalAddress: 'Astana',
  actualAddress: 'Astana',
  headName: 'Serikova Aigul',
  headIin: '790517400123',
  phone: '+77010000010',
  email: 'org@example.kz',
  okedCodes: ['47.74'],
  regionCodes: ['KZ-71'],
  founders: [],
  premises: null,
  status: 'DRAFT',
  submittedAt: null,
  decidedAt: null,
  rejectionReason: null,
  bankDetails: { __typename: 'BankDetails', bankName: 'Halyk', bik: 'HSBKKZKX', iban: 'KZ123456789012345678' },
  registryChecks: [],
  directionCards: [],
  ...over,
});

describe('RegistrationPage', () => {
  it('explains wrong fields before sending, then saves the card as a draft', async () => {
    const sent: unknown[] = [];
    const client = mockClient({ ...reference, MySupplierRegistrations: { mySupplierRegistrations: { nodes: [] } } }, (name, vars) => {
      sent.push({ name, vars });
      return { startSupplierRegistration: registration({}) };
    });
    renderWith(<RegistrationPage />, { client });
    expect(screen.getByText('You have not started a registration yet.')).toBeTruthy();
    const bin = screen.getByLabelText('BIN') as HTMLInputElement;
    fireEvent.change(bin, { target: { value: '123' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    expect(bin.getAttribute('aria-invalid')).toBe('true');
    expect(bin.getAttribute('aria-describedby')!.split(' ').map((id) => document.getElementById(id)?.textContent)).toContain('Enter the 12 digits of the BIN.');
    expect(sent).toHaveLength(0);

    const fill = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
    fill('BIN', '210440751006');
    fill('Name of the organization', 'Komek LLP');
    fill('Legal address', 'Astana');
    fill('Actual address', 'Astana');
    fill('Head', 'Serikova Aigul');
    fill('Mobile phone', '+7 701 000 00 10');
    fill('E-mail', 'org@example.kz');
    fill('OKED activity codes', '47.74, 88.10');
    fireEvent.click(screen.getByLabelText('Astana'));
    fill('Bank', 'Halyk');
    fill('BIK', 'hsbkkzkx');
    fill('IBAN', 'KZ12 3456 7890 1234 5678');
    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      name: 'StartSupplierRegistration',
      vars: {
        input: {
          kind: 'ORGANIZATION', bin: '210440751006', legalForm: 'LLP', name: 'Komek LLP', legalAddress: 'Astana', actualAddress: 'Astana', headName: 'Serikova Aigul',
          phone: '+77010000010', email: 'org@example.kz', okedCodes: ['47.74', '88.10'], regionCodes: ['KZ-71'], founders: [], premises: null,
          bankDetails: { bankName: 'Halyk', bik: 'HSBKKZKX', iban: 'KZ123456789012345678' },
        },
      },
    });
    await waitFor(() => expect(screen.getAllByRole('status').some((s) => s.textContent === 'Draft saved.')).toBe(true));
  });

  it('shows each registration with its status and the rejection reason; submit waits for a direction and its licence', () => {
    renderWith(<RegistrationPage />, {
      client: mockClient({
        ...reference,
        MySupplierRegistrations: {
          mySupplierRegistrations: {
            nodes: [
              registration({}),
              registration({ id: 's2', name: 'Old LLP', status: 'REJECTED', submittedAt: '2026-11-01T05:00:00Z', rejectionReason: 'The licence has expired' }),
            ],
          },
        },
      }),
    });
    const rejected = screen.getByRole('article', { name: 'Old LLP' });
    expect(within(rejected).getByText('Rejected')).toBeTruthy();
    expect(within(rejected).getByText('The licence has expired')).toBeTruthy();
    expect(within(screen.getByRole('article', { name: 'Komek LLP' })).getByText('Draft')).toBeTruthy();
    // The first draft is open for editing; it has no direction yet.
    expect(screen.getByRole('heading', { name: 'Registration: Komek LLP' })).toBeTruthy();
    expect(screen.getByText('add at least one direction;')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Submit for verification' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
