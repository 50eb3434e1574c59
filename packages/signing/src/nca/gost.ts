import * as x509 from '@peculiar/x509';
import { SignatureError } from '../errors.js';
import { HttpUnavailable, TtlCache, httpExchange, type HttpPolicy } from './http.js';

/**
 * GOST R 34.10-2015 (and the older KZ GOST) signatures of NCA RK are verified by an external service:
 * no maintained JavaScript library verifies the standard's published test vectors, so none is trusted here.
 *
 * The service speaks JSON over HTTP POST (base64 = standard base64 of DER / raw bytes):
 * - `POST <url>/certificate` `{ "certificate": b64, "issuer": b64 }` → `{ "valid": boolean }`:
 *   the certificate's signature under the issuer's key (answers cached per certificate and issuer);
 * - `POST <url>/cms` `{ "cms": b64, "data": b64 }` → `{ "valid": boolean }`:
 *   the CMS SignedData's signer signature over `data` (detached) or its own content when `data` is omitted.
 * Any other status or body is "unavailable" (`VERIFIER_UNAVAILABLE`), never a valid answer.
 */
const GOST_PREFIXES = ['1.2.643.2.2.', '1.2.643.7.1.', '1.2.398.3.10.', '1.3.6.1.4.1.6801.1.'];
export const isGostAlgorithm = (oid: string) => GOST_PREFIXES.some((p) => oid.startsWith(p));

export interface GostVerifier {
  verifyCertificate(cert: x509.X509Certificate, issuer: x509.X509Certificate): Promise<boolean>;
  verifyCms(cms: Uint8Array, data: Uint8Array | undefined): Promise<boolean>;
}

const b64 = (bytes: ArrayBuffer | Uint8Array) => Buffer.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)).toString('base64');

export function httpGostVerifier(options: HttpPolicy & { url: string; cacheSeconds: number }): GostVerifier {
  const base = options.url.replace(/\/+$/, '');
  const cache = new TtlCache<boolean>();
  async function ask(path: string, body: unknown): Promise<boolean> {
    let answer: unknown;
    try {
      const res = await httpExchange(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }, options);
      if (res.status !== 200) throw new HttpUnavailable(`status ${res.status}`);
      answer = await res.json();
    } catch (e) {
      throw new SignatureError('VERIFIER_UNAVAILABLE', `The GOST signature verification service did not answer (${e instanceof Error ? e.message : String(e)})`);
    }
    const valid = (answer as { valid?: unknown } | null)?.valid;
    if (typeof valid !== 'boolean') throw new SignatureError('VERIFIER_UNAVAILABLE', 'The GOST signature verification service gave no verdict');
    return valid;
  }
  return {
    async verifyCertificate(cert, issuer) {
      const key = `${Buffer.from(await cert.getThumbprint('SHA-256')).toString('hex')}|${Buffer.from(await issuer.getThumbprint('SHA-256')).toString('hex')}`;
      const cached = cache.get(key);
      if (cached !== undefined) return cached;
      const valid = await ask('/certificate', { certificate: b64(cert.rawData), issuer: b64(issuer.rawData) });
      cache.set(key, valid, Date.now() + options.cacheSeconds * 1000);
      return valid;
    },
    verifyCms: (cms, data) => ask('/cms', data ? { cms: b64(cms), data: b64(data) } : { cms: b64(cms) }),
  };
}

/** Without a configured service every GOST signature is refused as unsupported. */
export const noGostVerifier: GostVerifier = {
  verifyCertificate: () => Promise.reject(new SignatureError('UNSUPPORTED_ALGORITHM', 'GOST signatures need EDS_GOST_VERIFIER_URL (no verification service is configured)')),
  verifyCms: () => Promise.reject(new SignatureError('UNSUPPORTED_ALGORITHM', 'GOST signatures need EDS_GOST_VERIFIER_URL (no verification service is configured)')),
};
