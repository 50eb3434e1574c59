/** Money is integer tiyn (1 tenge = 100 tiyn) everywhere; floats never touch it. */
export type Tiyn = number;

export function assertTiyn(value: number, what = 'amount'): Tiyn {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${what} must be a non-negative integer number of tiyn`);
  return value;
}

export const tenge = (whole: number): Tiyn => assertTiyn(whole * 100);

/** The state pays at most the guaranteed sum; the recipient pays the rest to the supplier. */
export function splitPrice(price: Tiyn, guaranteedSum: Tiyn): { statePart: Tiyn; coPayment: Tiyn } {
  assertTiyn(price, 'price');
  assertTiyn(guaranteedSum, 'guaranteed sum');
  const statePart = Math.min(price, guaranteedSum);
  return { statePart, coPayment: price - statePart };
}

export function formatTenge(amount: Tiyn): string {
  const whole = Math.trunc(amount / 100);
  const rest = String(amount % 100).padStart(2, '0');
  return `${whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ' ')}.${rest} ₸`;
}
