import * as x509 from '@peculiar/x509';
import { httpExchange, type HttpPolicy } from './http.js';

export type CrlAnswer = { status: 'good'; nextUpdate?: Date } | { status: 'revoked'; revokedAt: Date; nextUpdate?: Date };

/** The CRL URLs in the certificate's CRL Distribution Points extension. */
export function crlUrls(cert: x509.X509Certificate): string[] {
  const cdp = cert.getExtension(x509.CRLDistributionPointsExtension);
  const urls: string[] = [];
  for (const dp of cdp?.distributionPoints ?? []) {
    for (const name of dp.distributionPoint?.fullName ?? []) if (name.uniformResourceIdentifier) urls.push(name.uniformResourceIdentifier);
  }
  return urls;
}

/** Downloads the CRL at `url` (DER or PEM), checks the issuer signed it and is still current, and looks the certificate up. */
export async function fetchCrlStatus(url: string, cert: x509.X509Certificate, issuer: x509.X509Certificate, policy: HttpPolicy, now: Date): Promise<CrlAnswer & { crl: x509.X509Crl }> {
  const res = await httpExchange(url, { method: 'GET' }, policy);
  if (res.status !== 200) throw new Error(`CRL download answered HTTP ${res.status}`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  const text = Buffer.from(bytes).toString('latin1');
  const crl = text.includes('-----BEGIN X509 CRL-----') ? new x509.X509Crl(text) : new x509.X509Crl(bytes);
  if (crl.issuerName.toString() !== issuer.subjectName.toString() || !(await crl.verify({ publicKey: issuer.publicKey }))) {
    throw new Error('The CRL is not signed by the certificate issuer');
  }
  if (crl.nextUpdate && crl.nextUpdate < now) throw new Error('The CRL is out of date');
  const entry = crl.findRevoked(cert);
  return entry ? { status: 'revoked', revokedAt: entry.revocationDate, nextUpdate: crl.nextUpdate, crl } : { status: 'good', nextUpdate: crl.nextUpdate, crl };
}
