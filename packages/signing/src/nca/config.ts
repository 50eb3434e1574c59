import type { HttpPolicy } from './http.js';

/**
 * Verification settings for national EDS signatures, read once from the environment:
 * - EDS_TRUST_DIR: directory of NCA RK root and intermediate certificates (PEM or DER files);
 * - EDS_OCSP_TIMEOUT_MS (3000), EDS_OCSP_RETRIES (1), EDS_OCSP_URL (overrides the certificate's AIA responder);
 * - EDS_CRL_TIMEOUT_MS (5000);
 * - EDS_REVOCATION_CACHE_SECONDS (300): how long a GOOD answer is reused when the responder gives no nextUpdate;
 * - EDS_REVOCATION_UNAVAILABLE: `refuse` (default in production) or `accept` (default elsewhere) when neither OCSP nor CRL answers;
 * - EDS_SIGNING_TIME_MAX_AGE_SECONDS (900): how long before the check a signature's own signing time may lie (sign-in: when the challenge was given);
 * - EDS_SIGNING_TIME_SKEW_SECONDS (300): clock difference tolerated either way;
 * - EDS_GOST_VERIFIER_URL, EDS_GOST_VERIFIER_TIMEOUT_MS (5000), EDS_GOST_VERIFIER_CACHE_SECONDS (3600).
 */
export interface NcaConfig {
  trustDir?: string;
  ocsp: HttpPolicy & { url?: string };
  crl: HttpPolicy;
  revocationCacheSeconds: number;
  onRevocationUnavailable: 'refuse' | 'accept';
  signingTimeMaxAgeSeconds: number;
  signingTimeSkewSeconds: number;
  gost?: HttpPolicy & { url: string; cacheSeconds: number };
}

const num = (v: string | undefined, fallback: number) => (v !== undefined && v !== '' && Number.isFinite(Number(v)) ? Number(v) : fallback);

export function configFromEnv(env: Record<string, string | undefined> = process.env): NcaConfig {
  const production = env.NODE_ENV === 'production';
  const unavailable = env.EDS_REVOCATION_UNAVAILABLE;
  if (unavailable !== undefined && unavailable !== 'refuse' && unavailable !== 'accept') {
    throw new Error('EDS_REVOCATION_UNAVAILABLE must be refuse or accept');
  }
  return {
    trustDir: env.EDS_TRUST_DIR || undefined,
    ocsp: { url: env.EDS_OCSP_URL || undefined, timeoutMs: num(env.EDS_OCSP_TIMEOUT_MS, 3000), retries: num(env.EDS_OCSP_RETRIES, 1) },
    crl: { timeoutMs: num(env.EDS_CRL_TIMEOUT_MS, 5000), retries: num(env.EDS_OCSP_RETRIES, 1) },
    revocationCacheSeconds: num(env.EDS_REVOCATION_CACHE_SECONDS, 300),
    onRevocationUnavailable: (unavailable as 'refuse' | 'accept' | undefined) ?? (production ? 'refuse' : 'accept'),
    signingTimeMaxAgeSeconds: num(env.EDS_SIGNING_TIME_MAX_AGE_SECONDS, 900),
    signingTimeSkewSeconds: num(env.EDS_SIGNING_TIME_SKEW_SECONDS, 300),
    gost: env.EDS_GOST_VERIFIER_URL
      ? {
          url: env.EDS_GOST_VERIFIER_URL,
          timeoutMs: num(env.EDS_GOST_VERIFIER_TIMEOUT_MS, 5000),
          retries: num(env.EDS_GOST_VERIFIER_RETRIES, 1),
          cacheSeconds: num(env.EDS_GOST_VERIFIER_CACHE_SECONDS, 3600),
        }
      : undefined,
  };
}
