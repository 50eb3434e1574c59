import { addDays, isWorkingDay } from '@aleumet/calendar';
import { badInput, checkCalendarDate, notEligible } from '@aleumet/core';
import { InpatientFitting, type ProstheticsCard, type ProstheticTrip } from '../entities/index.js';

/**
 * Prosthetic and orthopaedic aid (S4), seeds 004 ¶31: the supplier takes the order with measurements in
 * the regions it serves, and either makes the item or invites the recipient, in advance, for an
 * inpatient fitting: the first at most 10 working days, a repeat one at most 3.
 */
export const INPATIENT_MAX_WORKING_DAYS: Record<InpatientFitting, number> = { [InpatientFitting.PRIMARY]: 10, [InpatientFitting.REPEAT]: 3 };

/** Working days from `from` to `to`, both counted (Kazakhstan calendar). */
export function workingDaysIn(from: string, to: string): number {
  let n = 0;
  for (let d = from; d <= to; d = addDays(d, 1)) if (isWorkingDay(d)) n++;
  return n;
}

export function checkInpatientStay(fitting: InpatientFitting, from: string, to: string, today: string): number {
  checkCalendarDate(from, 'from');
  checkCalendarDate(to, 'to');
  if (from <= today) throw badInput('The invitation is sent in advance: the fitting starts after today', 'from');
  if (to < from) throw badInput('The fitting ends before it starts', 'to');
  if (to > addDays(from, 60)) throw badInput('The fitting is too long', 'to');
  const days = workingDaysIn(from, to);
  const max = INPATIENT_MAX_WORKING_DAYS[fitting];
  if (days === 0) throw badInput('The fitting has no working day', 'from');
  if (days > max) throw badInput(`A ${fitting === InpatientFitting.PRIMARY ? 'first' : 'repeat'} inpatient fitting lasts at most ${max} working days (${days} asked)`, 'to');
  return days;
}

/**
 * 004 ¶41: travel to the supplier and back is reimbursed for at most two trips a year; escorts (of a
 * group-1 recipient or a child) and recipients of bandages get one trip only.
 */
export function assertTripAllowed(cards: Pick<ProstheticsCard, 'trips' | 'itemTypeCode'>[], trip: ProstheticTrip, itemTypeCode: string): void {
  const year = trip.date.slice(0, 4);
  const sameYear = cards.flatMap((c) => c.trips.map((t) => ({ ...t, itemTypeCode: c.itemTypeCode }))).filter((t) => t.date.slice(0, 4) === year && t.escort === trip.escort);
  const bandage = itemTypeCode === 'S4-BANDAGE';
  const max = trip.escort || bandage ? 1 : 2;
  if (sameYear.length >= max) {
    throw notEligible(`Travel to prosthetics is reimbursed for at most ${max} trip${max > 1 ? 's' : ''} a year${trip.escort ? ' for an escort' : bandage ? ' for bandages' : ''} (${year})`, {
      reason: trip.escort ? 'S4_ESCORT_ONE_TRIP_A_YEAR' : bandage ? 'S4_BANDAGE_ONE_TRIP_A_YEAR' : 'S4_TWO_TRIPS_A_YEAR', field: 'date', max,
    });
  }
}

/** The act of acceptance of the work done (004 ¶34, annex 10), from the card and its handed-over order. */
export function acceptanceActText(card: ProstheticsCard, order: { handedOverAt?: Date | null; price: number; supplierId: string }): string | null {
  if (!order.handedOverAt) return null;
  return [
    'Акт приёма-передачи выполненных услуг / Орындалған қызметтерді қабылдау-тапсыру актісі',
    `Заказ / Тапсырыс: ${card.orderNumber}`,
    `Изделие / Бұйым: ${card.itemTypeCode}`,
    `Передано / Тапсырылды: ${order.handedOverAt.toISOString().slice(0, 10)}`,
    `Стоимость, тиын / Құны, тиын: ${order.price}`,
  ].join('\n');
}

/** The extract from the prosthetics history for an inpatient fitting (004 ¶34, annex 11), sent to Е-Собес. */
export function historyExtractText(card: ProstheticsCard): string | null {
  if (!card.inpatient || !card.inpatientFrom || !card.inpatientTo) return null;
  return [
    'Выписка из истории протезирования / Протездеу тарихынан үзінді',
    `Заказ / Тапсырыс: ${card.orderNumber}`,
    `Изделие / Бұйым: ${card.itemTypeCode}`,
    `Стационарное протезирование / Стационарлық протездеу: ${card.inpatient === InpatientFitting.PRIMARY ? 'первичное / бастапқы' : 'повторное / қайталама'}`,
    `Период / Кезең: ${card.inpatientFrom} – ${card.inpatientTo} (${card.inpatientWorkingDays})`,
    ...card.measurements.map((m) => `${m.name}: ${m.value}`),
  ].join('\n');
}
