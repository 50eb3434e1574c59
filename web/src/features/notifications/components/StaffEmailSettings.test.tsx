// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { StaffEmailSettings } from './StaffEmailSettings.js';
import { mockClient, renderWith } from '../../../test/render.js';

afterEach(cleanup);

describe('StaffEmailSettings', () => {
  it('asks for an address before turning e-mails on, then saves it with the chosen language', async () => {
    const sent: unknown[] = [];
    const settings = { __typename: 'StaffNotificationSettings', email: null, emailNotifications: false, language: 'ru' };
    const client = mockClient({ MyStaffNotificationSettings: { myStaffNotificationSettings: settings } }, (_name, vars) => {
      sent.push(vars);
      return { setStaffNotificationSettings: { ...settings, ...(vars as object) } };
    });
    renderWith(<StaffEmailSettings />, { client, lang: 'kk' });
    const email = (await screen.findByLabelText('Электрондық пошта')) as HTMLInputElement;
    fireEvent.click(screen.getByLabelText('Хабарламаларды электрондық поштаға жіберу'));
    fireEvent.click(screen.getByRole('button', { name: 'Сақтау' }));
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(sent).toHaveLength(0);

    fireEvent.change(email, { target: { value: 'buh@mejirim.kz' } });
    fireEvent.change(screen.getByLabelText('Хаттардың тілі'), { target: { value: 'kk' } });
    fireEvent.click(screen.getByRole('button', { name: 'Сақтау' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Баптаулар сақталды.'));
    expect(sent).toEqual([{ email: 'buh@mejirim.kz', emailNotifications: true, language: 'kk' }]);
  });
});
