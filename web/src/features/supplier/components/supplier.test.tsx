// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { IncomingOrderRow } from './IncomingOrderRow.js';
import { NewOfferingForm } from './NewOfferingForm.js';
import { OfferingRow } from './OfferingRow.js';
import { CombinedError } from 'urql';
import { fromValue } from 'wonka';
import { mockClient, renderWith } from '../../../test/render.js';
import type { IncomingOrderFragment, SupplierOfferingFragment } from '../../../gql/graphql.js';

afterEach(cleanup);

// The organization's EDS (NCALayer or the development key) is the signer's own test; here its answer is fixed.
vi.mock('../api/sign.js', () => ({ useSupplierSignature: () => ({ sign: async () => ({ signature: 'c2ln', certificate: null }), error: null }) }));

const incoming = (status: string, extra: Partial<IncomingOrderFragment> = {}) =>
  ({
    __typename: 'Order',
    id: 'o7',
    number: 'ORD-000777',
    status,
    price: 90_000_00,
    quantity: 1,
    createdAt: '2026-11-02T05:00:00Z',
    acceptDeadline: '2026-11-09T13:00:00Z',
    supplierConfirmedAt: null,
    refusalCode: null,
    refusalReason: null,
    version: 2,
    offering: { __typename: 'Offering', id: 'of1', title: 'Hearing aid' },
    recipient: { __typename: 'Person', id: 'p1', fullName: 'Aigerim Nurlanovna' },
    kind: 'S5',
    ...extra,
  }) as unknown as IncomingOrderFragment;

function recorder() {
  const sent: { name: string; vars: unknown }[] = [];
  const client = mockClient({}, (name, vars) => {
    sent.push({ name, vars });
    return {};
  });
  return { sent, client };
}

const inTable = (row: JSX.Element) => (
  <table>
    <tbody>{row}</tbody>
  </table>
);

describe('incoming orders', () => {
  it('a CONFLICT (the recipient confirmed first) refetches the order and says what changed instead of "try again"', async () => {
    const sent: { name: string; vars: unknown }[] = [];
    const base = mockClient({
      OrderNow: { order: { __typename: 'Order', id: 'o7', status: 'READY', version: 5, acceptedAt: null, supplierConfirmedAt: null, recipientConfirmedAt: '2026-11-05T06:00:00Z', handedOverAt: null, refusalReason: null, cancellationReason: null } },
    });
    const client = {
      ...base,
      executeQuery: (op: { query: { definitions: readonly { name?: { value: string } }[] }; variables: unknown }) => {
        sent.push({ name: op.query.definitions.find((d) => d.name)?.name?.value ?? '', vars: op.variables });
        return base.executeQuery(op as never);
      },
      executeMutation: (op: unknown) =>
        fromValue({
          operation: op,
          error: new CombinedError({ graphQLErrors: [{ message: 'changed', extensions: { code: 'CONFLICT', reason: 'VERSION_CHANGED', currentVersion: 5, currentStatus: 'READY' } }] }),
        }),
    } as unknown as typeof base;
    renderWith(inTable(<IncomingOrderRow order={incoming('READY', { version: 4 })} />), { client });
    fireEvent.click(screen.getByRole('button', { name: 'Confirm handover ORD-000777' }));
    const said = await screen.findByRole('status');
    expect(said.textContent).toContain('The recipient has confirmed receiving it.');
    expect(said.textContent).not.toMatch(/try again/i);
    expect(sent).toContainEqual({ name: 'OrderNow', vars: { id: 'o7' } });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the delivery details and the co-payment the recipient pays', () => {
    renderWith(
      inTable(
        <IncomingOrderRow
          order={incoming('ACCEPTED', { coPayment: 12_345_00, handover: 'DELIVERY', delivery: { __typename: 'DeliveryDetails', address: 'Astana, Kenesary 10, apt 5', phone: '+77015551234', window: 'after 18:00', comment: 'Call first' } } as never)}
        />,
      ),
    );
    const row = screen.getByRole('row', { name: /ORD-000777/ });
    expect(row.textContent).toContain('Astana, Kenesary 10, apt 5');
    expect(within(row).getByRole('link', { name: '+77015551234' }).getAttribute('href')).toBe('tel:+77015551234');
    expect(row.textContent).toContain('after 18:00');
    expect(row.textContent).toContain('Call first');
    expect(row.textContent).toMatch(/The recipient pays: ₸12,345/);
  });

  it('shows the working-day deadline and refuses only with a reason code (out of stock for goods only; another reason with a comment)', async () => {
    const { sent, client } = recorder();
    renderWith(inTable(<IncomingOrderRow order={incoming('AWAITING_SUPPLIER', { kind: 'S6' })} />), { client });
    const row = screen.getByRole('row', { name: /ORD-000777/ });
    // 18:00 Astana time on 9 November: the fifth working day.
    expect(within(row).getByText(/9 Nov 2026/).closest('time')!.getAttribute('dateTime')).toBe('2026-11-09T13:00:00Z');
    fireEvent.click(within(row).getByRole('button', { name: 'Refuse ORD-000777' }));
    fireEvent.click(within(row).getByRole('button', { name: 'Refuse the order' }));
    await within(row).findByText('Choose the reason of the refusal.');
    expect(within(row).getByRole('radio', { name: 'Out of stock' }).getAttribute('aria-invalid')).toBe('true');
    fireEvent.click(within(row).getByRole('radio', { name: 'Another reason' }));
    fireEvent.click(within(row).getByRole('button', { name: 'Refuse the order' }));
    await within(row).findByText('Write the reason (at least 3 characters).');
    const comment = within(row).getByLabelText('Comment');
    expect(comment.getAttribute('aria-invalid')).toBe('true');
    expect(sent).toHaveLength(0);
    fireEvent.click(within(row).getByRole('radio', { name: 'Out of stock' }));
    fireEvent.click(within(row).getByRole('button', { name: 'Refuse the order' }));
    await waitFor(() =>
      expect(sent).toEqual([{ name: 'RefuseOrder', vars: { id: 'o7', version: 2, reasonCode: 'OUT_OF_STOCK', comment: null, signature: 'c2ln', certificate: null } }]),
    );
    cleanup();
    // A service is not kept in stock: another reason, said in words.
    renderWith(inTable(<IncomingOrderRow order={incoming('AWAITING_SUPPLIER', { kind: 'S1' })} />), { client });
    fireEvent.click(screen.getByRole('button', { name: 'Refuse ORD-000777' }));
    expect(screen.queryByRole('radio', { name: 'Out of stock' })).toBeNull();
    expect(screen.getByText('Reason of refusal: Another reason')).toBeTruthy();
  });

  it('accepts, marks ready and confirms the handover, each in its status only', async () => {
    const { sent, client } = recorder();
    renderWith(inTable(<IncomingOrderRow order={incoming('AWAITING_SUPPLIER')} />), { client });
    fireEvent.click(screen.getByRole('button', { name: 'Accept ORD-000777' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    cleanup();
    renderWith(inTable(<IncomingOrderRow order={incoming('ACCEPTED', { version: 3 })} />), { client });
    expect(screen.queryByRole('button', { name: /Accept/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Ready for handover ORD-000777' }));
    cleanup();
    renderWith(inTable(<IncomingOrderRow order={incoming('READY', { version: 4 })} />), { client });
    // The button says what it does; the status says what happened ("Handed over").
    fireEvent.click(screen.getByRole('button', { name: 'Confirm handover ORD-000777' }));
    await waitFor(() =>
      expect(sent).toEqual([
        { name: 'AcceptOrder', vars: { id: 'o7', version: 2, signature: 'c2ln', certificate: null } },
        { name: 'MarkOrderReady', vars: { id: 'o7', version: 3 } },
        { name: 'SupplierConfirmHandover', vars: { id: 'o7', version: 4 } },
      ]),
    );
    cleanup();
    renderWith(inTable(<IncomingOrderRow order={incoming('HANDED_OVER')} />), { client });
    expect(screen.queryByRole('button')).toBeNull();
  });
});

describe('offerings', () => {
  const offering = {
    __typename: 'Offering',
    id: 'of1',
    title: 'Активная коляска',
    titleKk: 'Белсенді арба',
    titleEn: 'Active wheelchair',
    description: 'Лёгкая',
    descriptionKk: 'Жеңіл',
    descriptionEn: null,
    itemTypeCode: 'S6-ACTIVE',
    price: 250_000_00,
    stock: 3,
    leadTimeDays: 5,
    deliveryMode: 'DELIVERY',
    active: true,
    regionCodes: ['KZ-71'],
    characteristics: { seatWidthCm: '42', Colour: 'Black' },
  } as unknown as SupplierOfferingFragment;

  it('publishes an offering with its title and description in kk and ru (en optional), price, stock and characteristics; each error marks its field', async () => {
    const { sent, client } = recorder();
    renderWith(
      <NewOfferingForm
        itemTypes={[{ code: 'S6-ACTIVE', nameKk: 'Белсенді арба', nameRu: 'Активная коляска', nameEn: 'Active wheelchair' }]}
        regions={[{ code: 'KZ-71', name: 'Astana' }]}
      />,
      { client },
    );
    fireEvent.change(screen.getByLabelText('Title in Russian'), { target: { value: 'Лёгкая активная коляска' } });
    fireEvent.click(screen.getByRole('button', { name: 'Publish' }));
    // The Kazakh title is required: its field is marked and focused.
    const kkTitle = screen.getByLabelText('Title in Kazakh');
    await waitFor(() => expect(kkTitle.getAttribute('aria-invalid')).toBe('true'));
    expect(document.activeElement).toBe(kkTitle);
    fireEvent.change(kkTitle, { target: { value: 'Жеңіл белсенді арба' } });
    fireEvent.change(screen.getByLabelText('Description in Kazakh'), { target: { value: 'Алюминий жақтау' } });
    fireEvent.change(screen.getByLabelText('Description in Russian'), { target: { value: 'Алюминиевая рама' } });
    fireEvent.change(screen.getByLabelText('Price, tenge'), { target: { value: '245 000,50' } });
    fireEvent.change(screen.getByLabelText('In stock'), { target: { value: '4' } });
    const chars = screen.getByLabelText('Characteristics');
    fireEvent.change(chars, { target: { value: 'Seat width, cm: 40\nno colon here' } });
    fireEvent.click(screen.getByRole('button', { name: 'Publish' }));
    expect(await screen.findByText(/^Line 2:/)).toBeTruthy();
    expect(chars.getAttribute('aria-invalid')).toBe('true');
    expect(kkTitle.getAttribute('aria-invalid')).toBeNull();
    expect(sent).toHaveLength(0);
    fireEvent.change(chars, { target: { value: 'Seat width, cm: 40\nFrame: aluminium' } });
    fireEvent.click(screen.getByRole('button', { name: 'Publish' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({
      name: 'CreateOffering',
      vars: {
        input: {
          itemTypeCode: 'S6-ACTIVE', title: 'Лёгкая активная коляска', titleKk: 'Жеңіл белсенді арба', titleEn: null,
          description: 'Алюминиевая рама', descriptionKk: 'Алюминий жақтау', descriptionEn: null,
          price: 245_000_50, stock: 4, leadTimeDays: 5, regionCodes: ['KZ-71'], characteristics: { seatWidthCm: '40', Frame: 'aluminium' },
        },
      },
    });
  });

  it('shows and edits an offering: title, price, stock, characteristics, withdrawal', async () => {
    const { sent, client } = recorder();
    renderWith(inTable(<OfferingRow offering={offering} typeName="Active wheelchair" />), { client });
    const header = screen.getByRole('rowheader');
    expect(header.textContent).toContain('Seat width, cm: 42');
    expect(header.textContent).toContain('Colour: Black');
    fireEvent.click(screen.getByRole('button', { name: /^Edit\W+Active wheelchair$/ }));
    const chars = screen.getByLabelText('Characteristics') as HTMLTextAreaElement;
    expect(chars.value).toBe('Seat width, cm: 42\nColour: Black');
    fireEvent.change(chars, { target: { value: 'Seat width, cm: 44\nColour: Red' } });
    fireEvent.change(screen.getByLabelText('Price, tenge'), { target: { value: '260000' } });
    expect((screen.getByLabelText('Title in Kazakh') as HTMLInputElement).value).toBe('Белсенді арба');
    fireEvent.change(screen.getByLabelText('Title in English (optional)'), { target: { value: 'Wheelchair, active' } });
    fireEvent.click(screen.getByLabelText('Active'));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(sent).toEqual([
        {
          name: 'UpdateOffering',
          vars: {
            id: 'of1',
            input: {
              title: 'Активная коляска', titleKk: 'Белсенді арба', titleEn: 'Wheelchair, active', description: 'Лёгкая', descriptionKk: 'Жеңіл', descriptionEn: '',
              price: 260_000_00, stock: 3, leadTimeDays: 5, active: false, characteristics: { seatWidthCm: '44', Colour: 'Red' },
            },
          },
        },
      ]),
    );
  });
});
