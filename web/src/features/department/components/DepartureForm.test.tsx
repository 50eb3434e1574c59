// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { DepartureForm } from './DepartureForm.js';
import { mockClient, renderWith } from '../../../test/render.js';

afterEach(cleanup);

describe('DepartureForm', () => {
  it('checks the IIN, then registers the departure and says what was closed', async () => {
    const sent: { name: string; vars: unknown }[] = [];
    const client = mockClient({}, (name, vars) => {
      sent.push({ name, vars });
      return { registerDeparture: { __typename: 'DeathRegistration', personId: 'p1', measuresCancelled: 2, ordersCancelled: 1 } };
    });
    renderWith(<DepartureForm />, { client });
    fireEvent.change(screen.getByLabelText("Recipient's IIN"), { target: { value: '123' } });
    fireEvent.change(screen.getByLabelText('Date of departure'), { target: { value: '2026-11-30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Register the departure' }));
    expect(await screen.findByText('IIN: 12 digits with a valid check digit.')).toBeTruthy();
    expect(sent).toHaveLength(0);
    fireEvent.change(screen.getByLabelText("Recipient's IIN"), { target: { value: '110808600004' } });
    fireEvent.click(screen.getByRole('button', { name: 'Register the departure' }));
    await waitFor(() => expect(sent).toEqual([{ name: 'RegisterDeparture', vars: { personIin: '110808600004', departedOn: '2026-11-30' } }]));
    expect((await screen.findByRole('status')).textContent).toBe('Registered: 2 measures closed, 1 orders cancelled.');
  });
});
