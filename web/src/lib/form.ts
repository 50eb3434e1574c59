import { useState, type FormEvent } from 'react';
import type { CombinedError } from 'urql';
import { errorField } from './errors.js';

export interface FormControls {
  form: HTMLFormElement;
  /** Shows `message` as the form's error and moves focus to the field named `field`; return right after. */
  fail(message: string, field?: string): void;
  /** After a mutation: a BAD_USER_INPUT naming a field of this form (`extensions.field`) marks that field with `message`. */
  refused(error: CombinedError | undefined, message: string): void;
}

/** A successful submit: what to announce, and whether the form keeps what was typed (else it is cleared). */
export interface Submitted {
  done: string;
  keep?: boolean;
}

/**
 * The submit of every form in the app: stop the page load, read the fields, let the handler check
 * them (`fail`) and send; on success clear the form and announce `done` in a status region.
 * The handler returns nothing when the server refused (the mutation's error is shown beside the form).
 */
export function useFormSubmit(handler: (data: FormData, controls: FormControls) => Promise<Submitted | undefined | void> | Submitted | undefined | void) {
  const [failure, setFailure] = useState<{ message: string; field?: string } | null>(null);
  const [done, setDone] = useState('');
  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setDone('');
    setFailure(null);
    const form = e.currentTarget;
    const fail = (message: string, field?: string) => {
      setFailure({ message, field });
      if (field) fieldOf(form, field)?.focus();
    };
    const refused = (error: CombinedError | undefined, message: string) => {
      const field = errorField(error);
      if (field && fieldOf(form, field)) fail(message, field);
    };
    const outcome = await handler(new FormData(form), { form, fail, refused });
    if (!outcome) return;
    if (!outcome.keep) form.reset();
    setDone(outcome.done);
  }
  return {
    onSubmit,
    /** The message of the last `fail`, whichever field it named (or none). */
    error: failure?.message ?? null,
    /** The message for the field `name` (for `TextField`'s `error`: marks it `aria-invalid` and describes it), else null. */
    fieldError: (name: string): string | null => (failure?.field === name ? failure.message : null),
    /** The message of a `fail` that named no field: shown beside the form's button. */
    formError: failure && !failure.field ? failure.message : null,
    done,
    // `setDone`: other actions of the same section (a delete button) announce in the same status line.
    setDone,
  };
}

/** The form's control named `name` (the first of a group), also one outside the form tag joined by its `form` attribute. */
function fieldOf(form: HTMLFormElement, name: string): HTMLElement | null {
  const item = form.elements.namedItem(name);
  if (item instanceof RadioNodeList) return (item[0] as HTMLElement | undefined) ?? null;
  return item instanceof HTMLElement ? item : null;
}

/** A text field's trimmed value ('' when absent). */
export const textOf = (data: FormData, name: string): string => String(data.get(name) ?? '').trim();
