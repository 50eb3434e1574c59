import { makeIin, seedId } from '@aleumet/core';
import type { DemoPerson } from './types.js';

/**
 * Values reserved for the examples in README.md and docs/ and for tests, never produced by the
 * generators: program numbers starting `IPR-EX-` (generated ones are `IPR-<year>-<serial>`), measure
 * source ids starting `SPS-EX-` (generated: `SPS-IPR-…`), and persons born in 2020 (generated birth
 * years end at 2018). publishMeasures addresses persons the people registry knows, so the demo seed
 * adds these example recipients from the reserved range: without a program, and touched by nothing else.
 */
export const EXAMPLE_PROGRAM_PREFIX = 'IPR-EX-';
export const EXAMPLE_SOURCE_PREFIX = 'SPS-EX-';
export const EXAMPLE_BIRTH_YEAR = 2020;

const example = (n: number, sex: 'MALE' | 'FEMALE', lastName: string, firstName: string): DemoPerson => ({
  id: seedId('example-person', n),
  iin: makeIin(`${EXAMPLE_BIRTH_YEAR}-01-31`, sex, n + 1),
  lastName, firstName, middleName: null,
  birthDate: `${EXAMPLE_BIRTH_YEAR}-01-31`, sex, regionCode: 'KZ-71',
  address: 'Астана, ул. Примерная, д. 1', phone: `+7700000000${n}`, email: null,
  category: 'DISABLED', disabilityGroup: 3, vision: false, hearing: false, mobility: true,
});

/** [0]: the recipient the publishing examples publish measures for; [1]: the one whose death the registerDeath example registers. */
export const EXAMPLE_PERSONS: readonly DemoPerson[] = [
  example(0, 'FEMALE', 'Пример', 'Публикация'),
  example(1, 'MALE', 'Пример', 'Регистрация'),
];

/**
 * The person the `recordPerson` example of docs/integrators.md sends: in the example range, in the demo
 * state registries, but never seeded (the portal sees it first through that example).
 */
export const EXAMPLE_UNSEEN_PERSON: DemoPerson = { ...example(2, 'FEMALE', 'Пример', 'Жазба'), id: seedId('example-unseen-person', 0), regionCode: 'KZ-71' };
