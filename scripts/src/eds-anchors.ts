/**
 * `node scripts/dist/eds-anchors.js [dir]` — the certificates of an EDS trust-anchor directory
 * (EDS_TRUST_DIR by default) as the signature verifier reads them: subject, issuer, validity, CA flag.
 * Exits 1 when the directory holds no certificate, or one that is not a CA or not valid today.
 */
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { loadTrustAnchors } from '@aleumet/signing';

const dir = process.argv[2] ?? process.env.EDS_TRUST_DIR;
if (!dir) {
  console.error('usage: eds-anchors <directory> (or set EDS_TRUST_DIR)');
  process.exit(2);
}
const anchors = await loadTrustAnchors(dir);
const now = new Date();
let problems = anchors.length ? 0 : 1;
if (!anchors.length) console.error(`${dir}: no certificates`);
for (const c of anchors) {
  const ca = c.getExtension(x509.BasicConstraintsExtension)?.ca === true;
  const current = c.notBefore <= now && now <= c.notAfter;
  const role = c.subject === c.issuer ? 'root' : `issued by ${c.issuer}`;
  console.log(`${c.subject}\n  ${role}; valid ${c.notBefore.toISOString().slice(0, 10)} … ${c.notAfter.toISOString().slice(0, 10)}${ca ? '' : '; NOT A CA'}${current ? '' : '; NOT VALID TODAY'}`);
  if (!ca || !current) problems++;
}
process.exit(problems ? 1 : 0);
