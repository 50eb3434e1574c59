import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import * as x509 from '@peculiar/x509';
import { SignatureError } from '../errors.js';
import { buildChain } from './chain.js';
import type { ParsedCms } from './cms.js';
import type { GostVerifier } from './gost.js';

const TST_INFO = '1.2.840.113549.1.9.16.1.4';
const TIME_STAMPING = '1.3.6.1.5.5.7.3.8';
const HASHES: Record<string, string> = { '2.16.840.1.101.3.4.2.1': 'SHA-256', '2.16.840.1.101.3.4.2.2': 'SHA-384', '2.16.840.1.101.3.4.2.3': 'SHA-512' };

/**
 * The time a signature time-stamp token (RFC 3161, as NCA RK's TSA adds to CAdES-T signatures)
 * vouches for: the token's TSTInfo must imprint the hash of this signature value, be signed by a
 * time-stamping certificate (id-kp-timeStamping) that chains to the trust anchors at genTime.
 */
export async function timestampTime(cms: ParsedCms, anchors: x509.X509Certificate[], gost: GostVerifier): Promise<Date> {
  const bad = (why: string) => new SignatureError('BAD_SIGNATURE', `The time-stamp token is not valid: ${why}`);
  let signed: pkijs.SignedData;
  let info: pkijs.TSTInfo;
  try {
    signed = new pkijs.SignedData({ schema: cms.timestampToken!.content });
    if (signed.encapContentInfo.eContentType !== TST_INFO || !signed.encapContentInfo.eContent) throw new Error('no TSTInfo');
    info = pkijs.TSTInfo.fromBER(signed.encapContentInfo.eContent.getValue());
  } catch {
    throw new SignatureError('MALFORMED', 'The time-stamp token cannot be read');
  }
  const hash = HASHES[info.messageImprint.hashAlgorithm.algorithmId];
  if (!hash) throw new SignatureError('UNSUPPORTED_ALGORITHM', `Time-stamp hash ${info.messageImprint.hashAlgorithm.algorithmId} is not supported`);
  const signatureValue = cms.signedData.signerInfos[0]!.signature.valueBlock.valueHexView.slice();
  const imprint = Buffer.from(await crypto.subtle.digest(hash, signatureValue));
  if (!imprint.equals(Buffer.from(info.messageImprint.hashedMessage.valueBlock.valueHexView))) throw bad('it stamps another signature');
  // pkijs checks the imprint again against the stamped data (the signature value) for TSTInfo content.
  const ok = await signed.verify({ signer: 0, checkChain: false, data: signatureValue.buffer }).catch(() => false);
  if (!ok) throw bad('the authority’s signature does not match');
  const certs = (signed.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate).map((c) => new x509.X509Certificate(c.toSchema(true).toBER()));
  const sid = signed.signerInfos[0]!.sid;
  const tsa = certs.find((c) => sid instanceof pkijs.IssuerAndSerialNumber && BigInt(`0x${c.serialNumber}`) === BigInt(`0x${Buffer.from((sid.serialNumber as asn1js.Integer).valueBlock.valueHexView).toString('hex')}`));
  if (!tsa) throw bad('it does not carry the authority’s certificate');
  if (!tsa.getExtension(x509.ExtendedKeyUsageExtension)?.usages.map(String).includes(TIME_STAMPING)) throw bad('the certificate is not a time-stamping one');
  await buildChain(tsa, [...certs, ...cms.certificates], anchors, info.genTime, gost);
  return info.genTime;
}
