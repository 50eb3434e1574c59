import { SignatureError } from '../src/index.js';

/** The refusal reason of a verification, or 'OK'. */
export async function reason(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'OK';
  } catch (e) {
    if (e instanceof SignatureError) return e.reason;
    throw e;
  }
}
