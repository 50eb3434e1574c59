import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import * as x509 from '@peculiar/x509';
import { SignatureError } from '../errors.js';
import { isGostAlgorithm, type GostVerifier } from './gost.js';

/** Trust anchors: every certificate (PEM, possibly several per file, or DER) in a directory. */
export async function loadTrustAnchors(dir: string): Promise<x509.X509Certificate[]> {
  const out: x509.X509Certificate[] = [];
  for (const name of (await readdir(dir)).sort()) {
    const bytes = await readFile(path.join(dir, name)).catch(() => null);
    if (!bytes) continue;
    const text = bytes.toString('latin1');
    const pems = text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g);
    try {
      if (pems) for (const pem of pems) out.push(new x509.X509Certificate(pem));
      else out.push(new x509.X509Certificate(new Uint8Array(bytes)));
    } catch {
      throw new Error(`EDS trust anchor ${name} is not a certificate`);
    }
  }
  return out;
}

const sameDer = (a: x509.X509Certificate, b: x509.X509Certificate) => Buffer.from(a.rawData).equals(Buffer.from(b.rawData));

export async function issuedBy(cert: x509.X509Certificate, issuer: x509.X509Certificate, gost: GostVerifier): Promise<boolean> {
  if (cert.issuerName.toString() !== issuer.subjectName.toString()) return false;
  if (isGostAlgorithm(cert.signatureAlgorithm.name ?? '') || isGostAlgorithm(cert.publicKey.algorithm.name ?? '')) return gost.verifyCertificate(cert, issuer);
  return cert.verify({ publicKey: issuer.publicKey, signatureOnly: true }).catch(() => false);
}

function validAt(cert: x509.X509Certificate, at: Date, what: string) {
  if (at < cert.notBefore || at > cert.notAfter) throw new SignatureError('EXPIRED_CERTIFICATE', `The ${what} certificate is not valid at ${at.toISOString()}`);
}

/**
 * The path from the signer's certificate to a trust anchor, through intermediates the signature
 * carried or the anchors directory holds; every certificate valid at `at`, every issuer a CA.
 * Returns [signer, issuer, …, anchor].
 */
export async function buildChain(
  signer: x509.X509Certificate,
  carried: x509.X509Certificate[],
  anchors: x509.X509Certificate[],
  at: Date,
  gost: GostVerifier,
): Promise<x509.X509Certificate[]> {
  validAt(signer, at, "signer's");
  const chain = [signer];
  let current = signer;
  for (let depth = 0; depth < 6; depth++) {
    const anchor = anchors.find((a) => a.subjectName.toString() === current.issuerName.toString());
    const candidates = anchor ? [anchor] : carried.filter((c) => !chain.some((x) => sameDer(x, c)));
    let next: x509.X509Certificate | undefined;
    for (const c of candidates) {
      const basic = c.getExtension(x509.BasicConstraintsExtension);
      if (!basic?.ca) continue;
      if (await issuedBy(current, c, gost)) {
        next = c;
        break;
      }
    }
    if (!next) throw new SignatureError('UNTRUSTED_CERTIFICATE', 'The certificate does not chain to a trusted NCA RK certificate');
    validAt(next, at, "issuer's");
    chain.push(next);
    // Trusted; go on to the root above an installed intermediate, whose own revocation is checked too.
    if (anchors.some((a) => sameDer(a, next))) {
      const selfSigned = next.subjectName.toString() === next.issuerName.toString();
      if (selfSigned || !anchors.some((a) => a.subjectName.toString() === next.issuerName.toString())) return chain;
    }
    current = next;
  }
  throw new SignatureError('UNTRUSTED_CERTIFICATE', 'The certificate chain is too long');
}
