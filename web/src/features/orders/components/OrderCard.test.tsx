// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { OrderCard } from './OrderCard.js';
import { useOrderStatusAnnouncements } from './live.js';
import { render } from '@testing-library/react';
import { mockClient, renderWith } from '../../../test/render.js';
import type { MyOrderFragment } from '../../../gql/graphql.js';

afterEach(cleanup);

const order = (status: string, extra: Partial<MyOrderFragment> = {}) =>
  ({
    __typename: 'Order',
    id: 'o1',
    number: 'ORD-000123',
    status,
    kind: 'S6',
    itemTypeCode: 'S6-MANUAL',
    price: 170_000_00,
    statePart: 150_000_00,
    coPayment: 20_000_00,
    quantity: 1,
    createdAt: '2026-11-02T05:00:00Z',
    acceptDeadline: '2026-11-09T13:00:00Z',
    acceptedAt: null,
    handedOverAt: null,
    recipientConfirmedAt: null,
    refusalCode: null,
    refusalReason: null,
    version: 4,
    recipient: { __typename: 'Person', id: 'p1' },
    measure: { __typename: 'Measure', id: 'm1', kind: 'S6', itemTypeCode: 'S6-MANUAL' },
    offering: { __typename: 'Offering', id: 'of1', title: 'Wheelchair', supplier: { __typename: 'Supplier', id: 's1', name: 'Medtech LLP' } },
    ...extra,
  }) as unknown as MyOrderFragment;

describe('OrderCard', () => {
  it('shows the sanatorium stay with the travel paid by the recipient, the service period, and why an order was closed', () => {
    renderWith(<OrderCard order={order('ACCEPTED', { kind: 'S3', itemTypeCode: 'S3-SANATORIUM', stayFrom: '2026-12-10', stayTo: '2026-12-23', travelPaidByRecipient: true, serviceUntil: null })} />, { client: mockClient({}) });
    const s3 = screen.getByRole('article', { name: /ORD-000123/ }).textContent!;
    expect(s3).toMatch(/Stay at the sanatorium.*10 December 2026.*23 December 2026/);
    expect(s3).toContain('The recipient pays the travel to the sanatorium and back');
    cleanup();
    renderWith(<OrderCard order={order('CANCELLED', { kind: 'S1', itemTypeCode: 'S1-ASSIST', serviceUntil: '2026-12-31', cancellationReason: 'DEPARTED', travelPaidByRecipient: false })} />, { client: mockClient({}) });
    const s1 = screen.getByRole('article', { name: /ORD-000123/ }).textContent!;
    expect(s1).toMatch(/Service until.*31 December 2026/);
    expect(s1).toContain('Closed because');
    expect(s1).toContain('the recipient left Kazakhstan');
    expect(s1).not.toContain('travel');
    cleanup();
    const card = { __typename: 'ProstheticsCard', id: 'c1', measurements: [{ __typename: 'ProstheticMeasurement', name: 'Stump length, cm', value: '18' }], inpatient: 'PRIMARY', inpatientFrom: '2026-11-09', inpatientTo: '2026-11-20', inpatientWorkingDays: 10, trips: [{ __typename: 'ProstheticTrip', date: '2026-11-08', escort: true }], acceptanceAct: 'Акт приёма-передачи ORD-000123', historyExtract: 'Выписка из истории протезирования ORD-000123' };
    renderWith(<OrderCard order={order('HANDED_OVER', { kind: 'S4', itemTypeCode: 'S4-PROS-SHIN', prostheticsCard: card } as never)} />, { client: mockClient({}) });
    const s4 = screen.getByRole('article', { name: /ORD-000123/ }).textContent!;
    expect(s4).toContain('Prosthetics card');
    expect(s4).toMatch(/Stump length, cm.*18/);
    expect(s4).toMatch(/First inpatient fitting.*9 November 2026.*20 November 2026 \(10 working days\)/);
    expect(s4).toContain('Выписка из истории протезирования ORD-000123');
    expect(s4).toContain('2026-11-08 (escort)');
    expect(s4).toContain('Акт приёма-передачи ORD-000123');
  });

  it('shows the state part and co-payment, and cancels only with a reason', async () => {
    const sent: { name: string; vars: unknown }[] = [];
    const client = mockClient({}, (name, vars) => {
      sent.push({ name, vars });
      return { cancelOrder: { __typename: 'Order', id: 'o1', status: 'CANCELLED', version: 5, closedAt: '2026-11-03T05:00:00Z' } };
    });
    renderWith(<OrderCard order={order('AWAITING_SUPPLIER')} />, { client });
    const card = screen.getByRole('article', { name: /ORD-000123/ });
    expect(card.textContent).toContain('Awaiting supplier');
    expect(card.textContent!.replace(/\s/g, ' ')).toMatch(/State pays.*150.000.*You pay.*20.000/);
    expect(card.textContent).toContain('Supplier answers by');
    expect(within(card).queryByRole('button', { name: 'I received it' })).toBeNull();

    fireEvent.click(within(card).getByRole('button', { name: 'Cancel the order' }));
    const reason = within(card).getByLabelText('Why do you cancel?');
    fireEvent.change(reason, { target: { value: 'no' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Cancel the order' }));
    expect(await within(card).findByText('Give a reason (at least 3 characters).')).toBeTruthy();
    expect(sent).toHaveLength(0);
    fireEvent.change(reason, { target: { value: 'Found a closer supplier' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Cancel the order' }));
    await waitFor(() => expect(sent).toEqual([{ name: 'RecipientCancelOrder', vars: { id: 'o1', version: 4, reason: 'Found a closer supplier' } }]));
  });

  it("shows a refusal's reason code in the person's language with the supplier's comment; an older refusal keeps its words", () => {
    renderWith(<OrderCard order={order('REFUSED', { refusalCode: 'OUT_OF_STOCK', refusalReason: 'Expected in January' })} />);
    const card = screen.getByRole('article', { name: /ORD-000123/ });
    expect(card.textContent).toContain('Reason of refusalOut of stock');
    expect(card.textContent).toContain("The supplier's commentExpected in January");
    cleanup();
    renderWith(<OrderCard order={order('REFUSED', { refusalCode: null, refusalReason: 'Нет в наличии' })} />);
    const old = screen.getByRole('article', { name: /ORD-000123/ });
    expect(old.textContent).toContain('Reason of refusalНет в наличии');
    expect(old.textContent).not.toContain("The supplier's comment");
  });

  it('after "I received it" the card offers no cancel, and shows the delivery details as signed', () => {
    renderWith(
      <OrderCard
        order={order('READY', { recipientConfirmedAt: '2026-11-05T05:00:00Z', handover: 'DELIVERY', delivery: { __typename: 'DeliveryDetails', address: 'Astana, Kenesary 10', phone: '+77015551234', window: 'after 18:00', comment: null } } as never)}
      />,
    );
    const card = screen.getByRole('article', { name: /ORD-000123/ });
    expect(within(card).queryByRole('button', { name: 'Cancel the order' })).toBeNull();
    expect(within(card).queryByRole('button', { name: 'I received it' })).toBeNull();
    expect(card.textContent).toContain('Astana, Kenesary 10; after 18:00');
  });

  it('confirms the handover of a ready order; a handed-over order offers neither cancel nor confirm', async () => {
    const sent: { name: string; vars: unknown }[] = [];
    const client = mockClient({}, (name, vars) => {
      sent.push({ name, vars });
      return { confirmHandover: { __typename: 'Order', id: 'o1', status: 'READY', version: 6, recipientConfirmedAt: '2026-11-05T05:00:00Z', handedOverAt: null } };
    });
    renderWith(<OrderCard order={order('READY', { version: 5 })} />, { client });
    fireEvent.click(screen.getByRole('button', { name: 'I received it' }));
    await waitFor(() => expect(sent).toEqual([{ name: 'RecipientConfirmHandover', vars: { id: 'o1', version: 5 } }]));
    cleanup();

    renderWith(<OrderCard order={order('HANDED_OVER')} />, { client: mockClient() });
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.getByText('Handed over')).toBeTruthy();
  });

  it('words a live status change for the aria-live region in the user language', async () => {
    function Probe({ status }: { status: string }) {
      return <p data-testid="said">{useOrderStatusAnnouncements([{ id: 'o1', number: 'ORD-000123', status }])}</p>;
    }
    renderWith(<p />, { lang: 'ru' });
    cleanup();
    const { rerender } = render(<Probe status="AWAITING_SUPPLIER" />);
    expect(screen.getByTestId('said').textContent).toBe('');
    rerender(<Probe status="ACCEPTED" />);
    await waitFor(() => expect(screen.getByTestId('said').textContent).toBe('Заказ ORD-000123: Принят.'));
  });
});
