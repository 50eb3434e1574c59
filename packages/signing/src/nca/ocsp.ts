import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import * as x509 from '@peculiar/x509';
import { httpExchange, type HttpPolicy } from './http.js';

/** What an OCSP responder said about one certificate (RFC 6960 §2.2), with the DER answer kept as evidence. */
export type OcspAnswer =
  | { status: 'good' | 'unknown'; producedAt: Date; nextUpdate?: Date; response: Uint8Array }
  | { status: 'revoked'; revokedAt: Date; producedAt: Date; nextUpdate?: Date; response: Uint8Array };

const toPkijs = (c: x509.X509Certificate) => pkijs.Certificate.fromBER(c.rawData);

/** The OCSP responder URLs in the certificate's Authority Information Access extension. */
export function ocspUrls(cert: x509.X509Certificate): string[] {
  const aia = cert.getExtension(x509.AuthorityInfoAccessExtension);
  return (aia?.ocsp ?? []).filter((n) => n.type === 'url').map((n) => n.value);
}

/**
 * Asks `url` for the status of `cert` (RFC 6960: DER OCSPRequest by HTTP POST, SHA-1 CertID as
 * responders universally accept, a nonce), checks the answer is signed by the issuer or by a
 * responder the issuer delegated (id-kp-OCSPSigning), names this certificate and echoes the nonce.
 * Throws when the responder cannot be reached or its answer cannot be trusted.
 */
export async function queryOcsp(url: string, cert: x509.X509Certificate, issuer: x509.X509Certificate, policy: HttpPolicy): Promise<OcspAnswer> {
  const subject = toPkijs(cert);
  const issuerCert = toPkijs(issuer);
  const request = new pkijs.OCSPRequest();
  await request.createForCertificate(subject, { hashAlgorithm: 'SHA-1', issuerCertificate: issuerCert });
  const nonce = crypto.getRandomValues(new Uint8Array(16));
  request.tbsRequest.requestExtensions = [
    new pkijs.Extension({ extnID: '1.3.6.1.5.5.7.48.1.2', extnValue: new asn1js.OctetString({ valueHex: nonce }).toBER() }),
  ];
  const res = await httpExchange(
    url,
    { method: 'POST', headers: { 'content-type': 'application/ocsp-request', accept: 'application/ocsp-response' }, body: Buffer.from(request.toSchema(true).toBER()) },
    policy,
  );
  if (res.status !== 200) throw new Error(`OCSP responder answered HTTP ${res.status}`);
  return readOcspAnswer(new Uint8Array(await res.arrayBuffer()), cert, issuer, nonce);
}

/**
 * Reads a DER OCSP answer about `cert`: signed by its issuer or a delegated responder, naming this
 * certificate, echoing `nonce` when one was sent. Also reads an answer kept as evidence at signing.
 */
export async function readOcspAnswer(der: Uint8Array, cert: x509.X509Certificate, issuer: x509.X509Certificate, nonce?: Uint8Array): Promise<OcspAnswer> {
  const subject = toPkijs(cert);
  const issuerCert = toPkijs(issuer);
  const response = pkijs.OCSPResponse.fromBER(der.slice());
  const status = response.responseStatus.valueBlock.valueDec;
  if (status !== 0 || !response.responseBytes) throw new Error(`OCSP responder refused the request (status ${status})`);
  if (response.responseBytes.responseType !== '1.3.6.1.5.5.7.48.1.1') throw new Error('OCSP answer is not a basic response');
  const basic = pkijs.BasicOCSPResponse.fromBER(response.responseBytes.response.valueBlock.valueHexView.slice());
  if (!(await responseTrusted(basic, issuerCert))) throw new Error('OCSP answer is not signed by the issuer or its delegated responder');
  const echoed = basic.tbsResponseData.responseExtensions?.find((e) => e.extnID === '1.3.6.1.5.5.7.48.1.2');
  if (echoed && nonce) {
    const value = asn1js.fromBER(echoed.extnValue.valueBlock.valueHexView).result as asn1js.OctetString;
    if (!Buffer.from(value.valueBlock.valueHexView).equals(Buffer.from(nonce))) throw new Error('OCSP answer carries another nonce');
  }
  const { isForCertificate, status: certStatus } = await basic.getCertificateStatus(subject, issuerCert);
  if (!isForCertificate) throw new Error('OCSP answer is about another certificate');
  const single = await findSingle(basic, subject, issuerCert);
  const producedAt = basic.tbsResponseData.producedAt;
  const nextUpdate = single?.nextUpdate;
  if (certStatus === 1) {
    const info = single?.certStatus as asn1js.Constructed | undefined;
    const time = info?.valueBlock.value[0] as asn1js.GeneralizedTime | undefined;
    return { status: 'revoked', revokedAt: time?.toDate() ?? producedAt, producedAt, nextUpdate, response: der };
  }
  return { status: certStatus === 0 ? 'good' : 'unknown', producedAt, nextUpdate, response: der };
}

/**
 * RFC 6960 §4.2.2.2: the issuing CA signs the answer itself (responderID names it, no certificates
 * needed) or delegates to a responder certificate it issued with id-kp-OCSPSigning, carried in `certs`.
 */
async function responseTrusted(basic: pkijs.BasicOCSPResponse, issuer: pkijs.Certificate): Promise<boolean> {
  if (basic.certs?.length) return basic.verify({ trustedCerts: [issuer] }).catch(() => false);
  const rid = basic.tbsResponseData.responderID;
  const engine = pkijs.getCrypto(true);
  let named = false;
  if (rid instanceof pkijs.RelativeDistinguishedNames) named = rid.isEqual(issuer.subject);
  else if (rid instanceof asn1js.OctetString) {
    const keyHash = await engine.digest({ name: 'SHA-1' }, issuer.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView.slice());
    named = Buffer.from(keyHash).equals(Buffer.from(rid.valueBlock.valueHexView));
  }
  if (!named) return false;
  return engine.verifyWithPublicKey(basic.tbsResponseData.tbsView.slice().buffer, basic.signature, issuer.subjectPublicKeyInfo, basic.signatureAlgorithm).catch(() => false);
}

async function findSingle(basic: pkijs.BasicOCSPResponse, subject: pkijs.Certificate, issuer: pkijs.Certificate) {
  const id = new pkijs.CertID();
  await id.createForCertificate(subject, { hashAlgorithm: 'SHA-1', issuerCertificate: issuer });
  return basic.tbsResponseData.responses.find((r) => r.certID.isEqual(id));
}
