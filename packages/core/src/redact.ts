/**
 * Personal data must not reach logs: IINs (and any 12-digit identifier), phone numbers, e-mail
 * addresses and the fields of a person that carry names, addresses and birth dates.
 */
const PERSONAL_KEYS = new Set([
  'iin', 'lastname', 'firstname', 'middlename', 'fullname', 'displayname', 'phone', 'email', 'address', 'birthdate', 'name',
]);

/** Masks identifiers, phones and e-mail addresses inside free text (error messages, SQL, URLs). */
export function redactText(text: string): string {
  return text
    .replace(/(?<!\d)\d{12}(?!\d)/g, (m) => `${m.slice(0, 2)}**********`)
    .replace(/\+?7[\s-]?\(?\d{3}\)?[\s-]?\d{3}[\s-]?\d{2}[\s-]?\d{2}(?!\d)/g, '+7**********')
    .replace(/([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\.[A-Za-z]{2,})/g, '$1***@$2');
}

/** A copy of a value for logging: personal fields replaced by `***`, strings passed through `redactText`. */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object' || depth > 8) return value;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = PERSONAL_KEYS.has(k.toLowerCase()) && v != null ? '***' : redact(v, depth + 1);
  return out;
}
