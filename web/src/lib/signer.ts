import type { Client } from 'urql';
import { graphql } from '../gql/index.js';

/**
 * Electronic signature in the browser. In production citizens sign with the national EDS desktop
 * client (reached over a local WebSocket), which cannot run here; `DevelopmentSigner` is its
 * DEVELOPMENT STAND-IN: the server hands out the development CA's key of a seeded user (only when
 * NODE_ENV !== 'production') and the browser signs with WebCrypto. Verification on the server is real.
 */
export interface EdsSigner {
  readonly name: string;
  sign(iin: string, data: string): Promise<{ signature: string; certificatePem: string }>;
}

export const DevelopmentKeyQuery = graphql(`
  query DevelopmentSigningKey($iin: String!) {
    developmentSigningKey(iin: $iin) {
      algorithm
      privateKeyPkcs8
      certificatePem
    }
  }
`);

export class SignerError extends Error {
  constructor(readonly code: 'NO_KEY' | 'NO_WEBCRYPTO' | 'UNSUPPORTED', message: string) {
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
  readonly name = 'development';
  constructor(private readonly client: Client) {}

  async sign(iin: string, data: string) {
    if (!globalThis.crypto?.subtle) throw new SignerError('NO_WEBCRYPTO', 'WebCrypto is not available (open the portal over HTTPS or localhost)');
    const res = await this.client.query(DevelopmentKeyQuery, { iin }, { requestPolicy: 'network-only' }).toPromise();
    const key = res.data?.developmentSigningKey;
    if (!key) throw new SignerError('NO_KEY', res.error?.message ?? 'No development key for this IIN');
    const { importAlg, signAlg } = algorithms(key.algorithm);
    const privateKey = await crypto.subtle.importKey('pkcs8', b64ToBytes(key.privateKeyPkcs8), importAlg, false, ['sign']);
    const signature = await crypto.subtle.sign(signAlg, privateKey, new TextEncoder().encode(data));
    return { signature: bytesToB64(signature), certificatePem: key.certificatePem };
  }
}
