import i18next from 'i18next';
import { NCALayerClient } from 'ncalayer-js-client';
import type { Client } from 'urql';
import { graphql } from '../gql/index.js';

/**
 * Electronic signature in the browser, behind one interface:
 * - `NcaLayerSigner`: the national EDS. NCALayer (the NCA RK desktop signer, or KAZTOKEN, which
 *   speaks the same protocol) listens on wss://127.0.0.1:13579; through ncalayer-js-client it lets
 *   the person choose the key storage and key, and returns a CMS signature of the document's UTF-8
 *   bytes. The authentication key signs the sign-in challenge, the signing key documents.
 * - `DevelopmentSigner`: the stand-in for `npm start` and tests. The server hands out the development
 *   CA's key of a seeded user (refused when NODE_ENV=production, and so are its signatures) and the
 *   browser signs with WebCrypto.
 * `createSigner` picks one by the build's VITE_EDS_SIGNER (`ncalayer`, or `development` — the default).
 */
export type SignPurpose = 'auth' | 'sign';
/** `organization`: a supplier's staff member signs for it with the organization's (legal-entity) key. */
export type SignHolder = 'person' | 'organization';

export interface EdsSigner {
  readonly name: 'ncalayer' | 'development';
  /** `certificatePem` is empty for a CMS signature: it carries the certificate. */
  sign(iin: string, data: string, purpose?: SignPurpose, holder?: SignHolder): Promise<{ signature: string; certificatePem: string }>;
}

export const DevelopmentKeyQuery = graphql(`
  query DevelopmentSigningKey($iin: String!, $organization: Boolean) {
    developmentSigningKey(iin: $iin, organization: $organization) {
      algorithm
      privateKeyPkcs8
      certificatePem
    }
  }
`);

/** Codes name the strings `auth.signer.<code>` (kk/ru/en): what happened and what to do. */
export type SignerErrorCode = 'NO_KEY' | 'NO_WEBCRYPTO' | 'UNSUPPORTED' | 'NCALAYER_NOT_RUNNING' | 'CANCELLED' | 'WRONG_KEY' | 'NCALAYER_FAILED';

export class SignerError extends Error {
  constructor(readonly code: SignerErrorCode, message: string) {
    super(message);
  }
}

const b64ToBytes = (b64: string) => Uint8Array.from(atob(b64.replace(/-----[^-]+-----|\s/g, '')), (c) => c.charCodeAt(0));
const bytesToB64 = (bytes: ArrayBuffer) => btoa(String.fromCharCode(...new Uint8Array(bytes)));

function algorithms(name: string): { importAlg: AlgorithmIdentifier | EcKeyImportParams | RsaHashedImportParams; signAlg: AlgorithmIdentifier | EcdsaParams } {
  switch (name) {
    case 'ECDSA-P256-SHA256':
      return { importAlg: { name: 'ECDSA', namedCurve: 'P-256' }, signAlg: { name: 'ECDSA', hash: 'SHA-256' } };
    case 'ECDSA-P384-SHA384':
      return { importAlg: { name: 'ECDSA', namedCurve: 'P-384' }, signAlg: { name: 'ECDSA', hash: 'SHA-384' } };
    case 'RSASSA-PKCS1-v1_5-SHA256':
      return { importAlg: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, signAlg: { name: 'RSASSA-PKCS1-v1_5' } };
    case 'Ed25519':
      return { importAlg: { name: 'Ed25519' }, signAlg: { name: 'Ed25519' } };
    default:
      throw new SignerError('UNSUPPORTED', `Unsupported signature algorithm ${name}`);
  }
}

export class DevelopmentSigner implements EdsSigner {
  readonly name = 'development' as const;
  constructor(private readonly client: Client) {}

  async sign(iin: string, data: string, _purpose?: SignPurpose, holder: SignHolder = 'person') {
    if (!globalThis.crypto?.subtle) throw new SignerError('NO_WEBCRYPTO', 'WebCrypto is not available (open the portal over HTTPS or localhost)');
    const res = await this.client.query(DevelopmentKeyQuery, { iin, organization: holder === 'organization' }, { requestPolicy: 'network-only' }).toPromise();
    const key = res.data?.developmentSigningKey;
    if (!key) throw new SignerError('NO_KEY', res.error?.message ?? 'No development key for this IIN');
    const { importAlg, signAlg } = algorithms(key.algorithm);
    const privateKey = await crypto.subtle.importKey('pkcs8', b64ToBytes(key.privateKeyPkcs8), importAlg, false, ['sign']);
    const signature = await crypto.subtle.sign(signAlg, privateKey, new TextEncoder().encode(data));
    return { signature: bytesToB64(signature), certificatePem: key.certificatePem };
  }
}

const utf8Base64 = (text: string) => bytesToB64(new TextEncoder().encode(text).buffer as ArrayBuffer);
const NCALAYER_LOCALES: Record<string, string> = { kk: 'kk', ru: 'ru', en: 'en' };

/** NCALayer's answers (ncalayer-js-client's NCALayerError) in our terms. */
function ncaLayerFailure(err: unknown): SignerError {
  const e = err as { canceledByUser?: boolean; message?: string } | null;
  const message = e?.message ?? String(err);
  if (e?.canceledByUser || /action\.canceled|cancel/i.test(message)) return new SignerError('CANCELLED', message);
  // The storage holds no key of the kind asked for (AUTH for sign-in, RSA/GOST signing key for documents), or a wrong one was picked.
  if (/key ?usage|no (suitable )?(key|cert)|certificate.*(not|no) (found|suitable|allowed)|wrong key|ключ|сертификат/i.test(message)) {
    return new SignerError('WRONG_KEY', message);
  }
  return new SignerError('NCALAYER_FAILED', message);
}

export class NcaLayerSigner implements EdsSigner {
  readonly name = 'ncalayer' as const;
  constructor(private readonly url = 'wss://127.0.0.1:13579') {}

  async sign(_iin: string, data: string, purpose: SignPurpose = 'sign') {
    // KAZTOKEN's HTTP API is for very large documents; ours are small, so the WebSocket protocol serves both.
    const client = new NCALayerClient(this.url, false);
    try {
      try {
        await client.connect();
      } catch (err) {
        throw new SignerError('NCALAYER_NOT_RUNNING', (err as Error)?.message ?? String(err));
      }
      let signature: string;
      try {
        signature = await client.basicsSignCMS(
          NCALayerClient.basicsStorageAll,
          utf8Base64(data),
          NCALayerClient.basicsCMSParamsDetached,
          purpose === 'auth' ? NCALayerClient.basicsSignerAuthAny : NCALayerClient.basicsSignerSignAny,
          NCALAYER_LOCALES[i18next.language] ?? 'ru',
        );
      } catch (err) {
        throw ncaLayerFailure(err);
      }
      if (typeof signature !== 'string' || !signature.trim()) throw new SignerError('NCALAYER_FAILED', 'NCALayer returned no signature');
      return { signature, certificatePem: '' };
    } finally {
      client.wsConnection?.close();
    }
  }
}

const configuredSigner = () => ((import.meta as { env?: Record<string, string | undefined> }).env ?? {}).VITE_EDS_SIGNER === 'ncalayer' ? 'ncalayer' : 'development';

/** The string key of the note shown beside the sign button: how this build signs. */
export const signerNote = () => (configuredSigner() === 'ncalayer' ? 'auth.ncaLayerNote' : 'auth.devSigner');

/** The signer this build uses: VITE_EDS_SIGNER=ncalayer (production builds) or development (`npm start`, tests). */
export function createSigner(client: Client): EdsSigner {
  if (configuredSigner() === 'ncalayer') return new NcaLayerSigner((import.meta as { env?: Record<string, string | undefined> }).env?.VITE_NCALAYER_URL || undefined);
  return new DevelopmentSigner(client);
}
