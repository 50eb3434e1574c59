// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { MeasurementsForm } from './MeasurementsForm.js';
import { InpatientForm } from './InpatientForm.js';
import { TripForm } from './TripForm.js';
import { ProstheticsPage } from './ProstheticsPage.js';
import { mockClient, refusal, renderWith } from '../../../test/render.js';
import { todayAlmaty } from '../../../lib/format.js';

afterEach(() => {
  cleanup();
  history.replaceState(null, '', '/');
});

const card = (over: Record<string, unknown> = {}) => ({
  __typename: 'ProstheticsCard',
  id: 'c1',
  orderId: 'o1',
  itemTypeCode: 'S4-PROS-SHIN',
  measurements: [],
  measuredAt: null,
  inpatient: null,
  inpatientFrom: null,
  inpatientTo: null,
  inpatientWorkingDays: 0,
  invitedAt: null,
  trips: [],
  acceptanceAct: null,
  historyExtract: null,
  ...over,
});
const dayAfter = (days: number) => new Date(Date.parse(`${todayAlmaty()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('the measurements of an S4 order', () => {
  it('asks for a name and a value in every row it sends, and sends the rows left after one is removed', async () => {
    const sent: unknown[] = [];
    renderWith(<MeasurementsForm orderId="o1" saved={[]} />, {
      lang: 'ru',
      client: mockClient({}, (_name, vars) => {
        sent.push(vars);
        return { recordProstheticMeasurements: card({ measurements: [] }) };
      }),
    });
    const save = screen.getByRole('button', { name: 'Сохранить замеры' });
    fireEvent.click(save);
    expect(await screen.findByText('Запишите хотя бы один замер.')).toBeTruthy();
    expect(screen.getByLabelText('Что измерено (например, длина культи, см)').getAttribute('aria-invalid')).toBe('true');

    fireEvent.change(screen.getByLabelText('Что измерено (например, длина культи, см)'), { target: { value: 'Длина культи, см' } });
    fireEvent.click(save);
    expect(await screen.findByText('Напишите и что измерено, и значение.')).toBeTruthy();
    expect(screen.getByLabelText('Значение').getAttribute('aria-invalid')).toBe('true');
    expect(sent).toEqual([]);

    fireEvent.change(screen.getByLabelText('Значение'), { target: { value: '18' } });
    fireEvent.click(screen.getByRole('button', { name: 'Добавить замер' }));
    fireEvent.click(screen.getByRole('button', { name: 'Добавить замер' }));
    const names = screen.getAllByLabelText('Что измерено (например, длина культи, см)');
    const values = screen.getAllByLabelText('Значение');
    fireEvent.change(names[1]!, { target: { value: 'Ошибочный' } });
    fireEvent.change(names[2]!, { target: { value: 'Обхват бедра, см' } });
    fireEvent.change(values[2]!, { target: { value: '52' } });
    fireEvent.click(screen.getByRole('button', { name: 'Убрать замер 2' }));
    fireEvent.click(save);
    await waitFor(() =>
      expect(sent).toEqual([{ orderId: 'o1', measurements: [{ name: 'Длина культи, см', value: '18' }, { name: 'Обхват бедра, см', value: '52' }] }]),
    );
    expect(await screen.findByText('Сохранено 2 замера.')).toBeTruthy();
    // What was saved stays in the form, to correct later.
    expect((screen.getAllByLabelText('Значение')[1] as HTMLInputElement).value).toBe('52');
  });
});

describe('the invitation for an inpatient fitting', () => {
  it('wants a kind and days in advance, and puts the portal’s working-day refusal beside the last day', async () => {
    const sent: unknown[] = [];
    let answer: unknown = refusal('BAD_USER_INPUT', { field: 'to' });
    renderWith(<InpatientForm orderId="o1" />, {
      lang: 'kk',
      client: mockClient({}, (_name, vars) => {
        sent.push(vars);
        return answer;
      }),
    });
    const invite = screen.getByRole('button', { name: 'Алушыны шақыру' });
    fireEvent.click(invite);
    expect(await screen.findByText('Протездеу түрін таңдаңыз.')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('Қайталама (3 жұмыс күніне дейін)'));
    fireEvent.change(screen.getByLabelText('Бірінші күні'), { target: { value: todayAlmaty() } });
    fireEvent.change(screen.getByLabelText('Соңғы күні'), { target: { value: dayAfter(3) } });
    fireEvent.click(invite);
    expect(await screen.findByText('Шақыру алдын ала жіберіледі: бірінші күн бүгіннен кейін болсын.')).toBeTruthy();
    expect(sent).toEqual([]);

    fireEvent.change(screen.getByLabelText('Бірінші күні'), { target: { value: dayAfter(7) } });
    fireEvent.change(screen.getByLabelText('Соңғы күні'), { target: { value: dayAfter(6) } });
    fireEvent.click(invite);
    expect(await screen.findByText('Соңғы күн бірінші күннен ерте болмасын.')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Соңғы күні'), { target: { value: dayAfter(14) } });
    fireEvent.click(invite);
    await waitFor(() => expect(sent).toEqual([{ orderId: 'o1', fitting: 'REPEAT', from: dayAfter(7), to: dayAfter(14) }]));
    expect(await screen.findByText(/Бұл түр 3 жұмыс күніне дейін созылады/)).toBeTruthy();
    expect(screen.getByLabelText('Соңғы күні').getAttribute('aria-invalid')).toBe('true');

    answer = { inviteForInpatientFitting: { ...card({ inpatient: 'REPEAT', inpatientFrom: dayAfter(7), inpatientTo: dayAfter(9) }), inpatientWorkingDays: 3 } };
    fireEvent.change(screen.getByLabelText('Соңғы күні'), { target: { value: dayAfter(9) } });
    fireEvent.click(invite);
    expect(await screen.findByText('Алушы шақырылды: 3 жұмыс күні.')).toBeTruthy();
  });
});

describe('a trip to the supplier', () => {
  it('sends the fare in tiyn and names the yearly limit when the portal refuses one more trip', async () => {
    const sent: unknown[] = [];
    let answer: unknown = { recordProstheticTrip: card({ trips: [{ __typename: 'ProstheticTrip', date: '2026-01-15', escort: true, amount: 125050 }] }) };
    renderWith(<TripForm orderId="o1" />, {
      lang: 'en',
      client: mockClient({}, (_name, vars) => {
        sent.push(vars);
        return answer;
      }),
    });
    fireEvent.change(screen.getByLabelText('Date of the trip'), { target: { value: dayAfter(2) } });
    fireEvent.click(screen.getByRole('button', { name: 'Record the trip' }));
    expect(await screen.findByText('Give the date of a trip already made.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Date of the trip'), { target: { value: '2026-01-15' } });
    fireEvent.change(screen.getByLabelText('Fare, tenge'), { target: { value: 'twelve' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record the trip' }));
    expect(await screen.findByText('Give the fare in tenge.')).toBeTruthy();
    expect(sent).toEqual([]);

    fireEvent.change(screen.getByLabelText('Fare, tenge'), { target: { value: '1 250,50' } });
    fireEvent.click(screen.getByLabelText('Trip of an escort'));
    fireEvent.click(screen.getByRole('button', { name: 'Record the trip' }));
    await waitFor(() => expect(sent).toEqual([{ orderId: 'o1', date: '2026-01-15', escort: true, amount: 125050 }]));
    expect(await screen.findByText('The trip is recorded.')).toBeTruthy();

    answer = refusal('NOT_ELIGIBLE', { reason: 'S4_ESCORT_ONE_TRIP_A_YEAR', field: 'date', max: 1 });
    fireEvent.change(screen.getByLabelText('Date of the trip'), { target: { value: '2026-02-01' } });
    fireEvent.change(screen.getByLabelText('Fare, tenge'), { target: { value: '900' } });
    fireEvent.click(screen.getByLabelText('Trip of an escort'));
    fireEvent.click(screen.getByRole('button', { name: 'Record the trip' }));
    expect(await screen.findByText('In 2026 only 1 trip is reimbursed, and it is already recorded.')).toBeTruthy();
    expect(screen.getByLabelText('Date of the trip').getAttribute('aria-invalid')).toBe('true');
  });
});

describe("the supplier's prosthetics cards", () => {
  const order = (id: string, kind: string, status: string) => ({ __typename: 'Order', id, number: `2026-00${id}`, kind, status, recipient: { __typename: 'Person', id: `p${id}`, fullName: `Recipient ${id}` } });
  const list = { __typename: 'OrderConnection', pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null }, nodes: [order('41', 'S4', 'HANDED_OVER'), order('51', 'S5', 'HANDED_OVER')] };
  const handedOver = {
    ...order('41', 'S4', 'HANDED_OVER'),
    itemTypeCode: 'S4-PROS-SHIN',
    version: 5,
    prostheticsCard: card({
      measurements: [{ __typename: 'ProstheticMeasurement', name: 'Stump length, cm', value: '18' }],
      inpatient: 'PRIMARY',
      inpatientFrom: '2026-11-09',
      inpatientTo: '2026-11-20',
      inpatientWorkingDays: 10,
      trips: [{ __typename: 'ProstheticTrip', date: '2026-11-08', escort: false, amount: 450000 }],
      acceptanceAct: 'Act of acceptance 2026-0041',
      historyExtract: 'History extract 2026-0041',
    }),
  };

  it('offers only S4 orders, and shows a handed-over card with its act and extract, without the measurement forms', async () => {
    renderWith(<ProstheticsPage />, { client: mockClient({ ProstheticOrders: { orders: list }, ProstheticOrder: { order: handedOver }, ReferenceNames: null }) });
    fireEvent.change(screen.getByLabelText('Orders with the status'), { target: { value: 'HANDED_OVER' } });
    const picker = (await screen.findByLabelText('Order')) as HTMLSelectElement;
    expect([...picker.options].map((o) => o.textContent)).toEqual(['2026-0041 — Recipient 41']);
    expect(await screen.findByRole('heading', { name: 'Prosthetics card of order 2026-0041' })).toBeTruthy();
    const text = document.body.textContent!;
    expect(text).toMatch(/Stump length, cm.*18/);
    expect(text).toMatch(/First \(at most 10 working days\): 9 November 2026 – 20 November 2026 \(10 working days\)/);
    expect(text).toContain('Act of acceptance 2026-0041');
    expect(text).toContain('History extract 2026-0041');
    expect(screen.queryByRole('button', { name: 'Save the measurements' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Record the trip' })).toBeTruthy();
  });

  it('opens the order named in the address, with the forms while it is accepted', async () => {
    history.replaceState(null, '', '/supplier/prosthetics?order=41');
    const accepted = { ...handedOver, status: 'ACCEPTED', prostheticsCard: null };
    renderWith(<ProstheticsPage />, { client: mockClient({ ProstheticOrders: { orders: { ...list, nodes: [] } }, ProstheticOrder: { order: accepted } }) });
    expect(await screen.findByRole('heading', { name: 'Prosthetics card of order 2026-0041' })).toBeTruthy();
    expect(screen.getByText('Nothing recorded yet.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Save the measurements' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Invite the recipient' })).toBeTruthy();
  });
});
