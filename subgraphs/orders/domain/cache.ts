import { cacheTags } from '@aleumet/cache-tags';

/** What orders answers depend on besides rows and the caller (CONTRIBUTING.md, the cache contract). */
export const cache = cacheTags({
  // Checked against OCSP/CRL when asked: a revocation can change the answer at any time.
  time: ['Order.signatureCheck', 'Query.verifySignedDocument'],
});
