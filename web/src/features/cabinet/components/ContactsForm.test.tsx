// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { ContactsForm } from './ContactsForm.js';
import { mockClient, renderWith } from '../../../test/render.js';

afterEach(cleanup);

describe('ContactsForm', () => {
  it('explains a wrong phone next to the field and saves a valid one', async () => {
    const sent: unknown[] = [];
    const client = mockClient({}, (name, vars) => {
      sent.push(vars);
      return { updateMyContacts: { __typename: 'Person', id: 'p1', phone: '+77011234567', email: null } };
    });
    renderWith(<ContactsForm phone="+77010000000" email={null} />, { client, lang: 'ru' });
    const phone = screen.getByLabelText('Мобильный телефон') as HTMLInputElement;
    fireEvent.change(phone, { target: { value: '8701' } });
    fireEvent.click(screen.getByRole('button', { name: 'Сохранить' }));
    expect(phone.getAttribute('aria-invalid')).toBe('true');
    const describedBy = phone.getAttribute('aria-describedby')!.split(' ');
    expect(describedBy.map((id) => document.getElementById(id)?.textContent)).toContain('Введите телефон в виде +7 и 10 цифр.');
    expect(sent).toHaveLength(0);

    fireEvent.change(phone, { target: { value: '+7 701 123 45 67' } });
    fireEvent.click(screen.getByRole('button', { name: 'Сохранить' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Контакты сохранены.'));
    expect(sent).toEqual([{ input: { phone: '+77011234567', email: '' } }]);
  });
});
