import { useState, type FormEvent } from 'react';

export interface FormControls {
  form: HTMLFormElement;
  /** Shows `message` as the form's error and moves focus to the field named `field`; return right after. */
  fail(message: string, field?: string): void;
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
      if (field) form.querySelector<HTMLElement>(`[name="${field}"]`)?.focus();
    };
    const outcome = await handler(new FormData(form), { form, fail });
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

/** A text field's trimmed value ('' when absent). */
export const textOf = (data: FormData, name: string): string => String(data.get(name) ?? '').trim();
