import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import * as x509 from '@peculiar/x509';
import { SignatureError } from '../errors.js';
import { isGostAlgorithm, type GostVerifier } from './gost.js';

/** A CMS SignedData (RFC 5652) as NCALayer's `basics.sign` with format `cms` returns it: PEM (`-----BEGIN CMS-----`) or base64 DER. */
export interface ParsedCms {
  der: Uint8Array<ArrayBuffer>;
  signedData: pkijs.SignedData;
  signer: x509.X509Certificate;
  certificates: x509.X509Certificate[];
  /** The encapsulated content (attached signature), if any. */
  content?: Uint8Array;
  /** The signingTime signed attribute, if any (the signer's claim, not a trusted time). */
  signingTime?: Date;
  /** The signature time-stamp token (RFC 3161, unsigned attribute id-aa-signatureTimeStampToken), if any. */
  timestampToken?: pkijs.ContentInfo;
  digestAlgorithm: string;
  signatureAlgorithm: string;
}

/** Standard base64 of DER, without PEM armour or whitespace. */
export function cmsBytes(text: string): Uint8Array<ArrayBuffer> | null {
  const body = text.replace(/-----(BEGIN|END) [A-Z0-9 ]+-----/g, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body)) return null;
  const bytes = new Uint8Array(Buffer.from(body, 'base64'));
  return bytes.length > 100 && bytes[0] === 0x30 ? bytes : null;
}

/** Whether a submitted signature is a CMS container (as opposed to the development signer's raw signature). */
export const looksLikeCms = (signature: string) => cmsBytes(signature) !== null;

export function parseCms(signature: string): ParsedCms {
  const der = cmsBytes(signature);
  if (!der) throw new SignatureError('MALFORMED', 'The signature is not a CMS container');
  let signedData: pkijs.SignedData;
  try {
    const info = pkijs.ContentInfo.fromBER(der);
    if (info.contentType !== pkijs.ContentInfo.SIGNED_DATA) throw new Error('not SignedData');
    signedData = new pkijs.SignedData({ schema: info.content });
  } catch {
    throw new SignatureError('MALFORMED', 'The CMS signature cannot be read');
  }
  if (signedData.signerInfos.length !== 1) throw new SignatureError('MALFORMED', 'The CMS signature must have exactly one signer');
  const info = signedData.signerInfos[0]!;
  const certificates = (signedData.certificates ?? [])
    .filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate)
    .map((c) => new x509.X509Certificate(c.toSchema(true).toBER()));
  const pkCerts = (signedData.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  let index = -1;
  if (info.sid instanceof pkijs.IssuerAndSerialNumber) {
    const sid = info.sid;
    index = pkCerts.findIndex((c) => c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber));
  } else {
    const ski = Buffer.from((info.sid as asn1js.OctetString).valueBlock.valueHexView);
    index = certificates.findIndex((c) => {
      const ext = c.getExtension(x509.SubjectKeyIdentifierExtension);
      return !!ext && Buffer.from(ext.keyId, 'hex').equals(ski);
    });
  }
  if (index < 0) throw new SignatureError('MALFORMED', "The CMS signature does not carry the signer's certificate");
  const eContent = signedData.encapContentInfo.eContent;
  const content = eContent ? contentBytes(eContent) : undefined;
  const timeAttr = info.signedAttrs?.attributes.find((a) => a.type === '1.2.840.113549.1.9.5');
  const time = timeAttr?.values[0] as asn1js.UTCTime | asn1js.GeneralizedTime | undefined;
  const tstAttr = info.unsignedAttrs?.attributes.find((a) => a.type === '1.2.840.113549.1.9.16.2.14');
  let timestampToken: pkijs.ContentInfo | undefined;
  try {
    if (tstAttr) timestampToken = new pkijs.ContentInfo({ schema: tstAttr.values[0] });
  } catch {
    throw new SignatureError('MALFORMED', 'The time-stamp token cannot be read');
  }
  return {
    der,
    signedData,
    timestampToken,
    signer: certificates[index]!,
    certificates,
    content,
    signingTime: time?.toDate(),
    digestAlgorithm: info.digestAlgorithm.algorithmId,
    signatureAlgorithm: info.signatureAlgorithm.algorithmId,
  };
}

function contentBytes(octets: asn1js.OctetString): Uint8Array {
  // Constructed (chunked) OCTET STRINGs: concatenate the chunks.
  if (octets.idBlock.isConstructed) {
    const parts = (octets.valueBlock.value as asn1js.OctetString[]).map((p) => Buffer.from(p.valueBlock.valueHexView));
    return new Uint8Array(Buffer.concat(parts));
  }
  return new Uint8Array(octets.valueBlock.valueHexView);
}

const RSA_SIGNATURES = new Set([
  '1.2.840.113549.1.1.1', // rsaEncryption (signature algorithm field as many CMS producers write it)
  '1.2.840.113549.1.1.11', // sha256WithRSAEncryption
  '1.2.840.113549.1.1.12', // sha384WithRSAEncryption
  '1.2.840.113549.1.1.13', // sha512WithRSAEncryption
]);
const SHA2 = new Set(['2.16.840.1.101.3.4.2.1', '2.16.840.1.101.3.4.2.2', '2.16.840.1.101.3.4.2.3']);

/** Checks the signer's signature over `data` (detached) or the encapsulated content: RSA here, GOST at the verification service. */
export async function verifyCmsSignature(cms: ParsedCms, data: Uint8Array | undefined, gost: GostVerifier): Promise<void> {
  const keyAlg = cms.signer.publicKey.algorithm.name ?? '';
  if (isGostAlgorithm(cms.signatureAlgorithm) || isGostAlgorithm(cms.digestAlgorithm)) {
    if (!(await gost.verifyCms(cms.der, data))) throw new SignatureError('BAD_SIGNATURE', 'The signature does not match the document and certificate');
    return;
  }
  if (!RSA_SIGNATURES.has(cms.signatureAlgorithm) || !SHA2.has(cms.digestAlgorithm) || keyAlg !== 'RSASSA-PKCS1-v1_5') {
    throw new SignatureError('UNSUPPORTED_ALGORITHM', `Signature algorithm ${cms.signatureAlgorithm} with digest ${cms.digestAlgorithm} is not supported`);
  }
  let ok = false;
  try {
    ok = await cms.signedData.verify({ signer: 0, checkChain: false, ...(data ? { data: data.slice().buffer } : {}) });
  } catch {
    ok = false;
  }
  if (!ok) throw new SignatureError('BAD_SIGNATURE', 'The signature does not match the document and certificate');
}
