import { ANONYMIZED_PERSON_ID } from '@aleumet/core';
import { RETENTION_REMOVED_TEXT } from '@aleumet/subgraph-kit';
import type { Context } from '../resolvers/context.js';
import { Person, RecipientCategory, Sex } from './person.js';

/**
 * What a record whose person link was anonymized at retention (orders, programs, finance) shows as
 * its person: not stored, no personal data; the person policy shows it names-only to every caller.
 */
export function anonymizedPerson(): Person {
  return Object.assign(new Person(), {
    id: ANONYMIZED_PERSON_ID, createdAt: new Date(0), updatedAt: new Date(0), iin: '', lastName: RETENTION_REMOVED_TEXT, firstName: '', middleName: null,
    birthDate: '1900-01-01', sex: Sex.FEMALE, address: '', regionCode: '', phone: '', category: RecipientCategory.NONE, vision: false, hearing: false, mobility: false,
  });
}

/** `Person` as another subgraph refers to it (`_entities`): found by its key through the request's loader. */
export const personReference = {
  Person: {
    // The person policy guards the reference (subgraph-kit guardReference).
    __resolveReference: (ref: { id: string }, ctx: Context) =>
      String(ref.id) === ANONYMIZED_PERSON_ID ? anonymizedPerson() : ctx.loaders.person.load(String(ref.id)),
  },
};
