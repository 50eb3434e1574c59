export type SignatureFailure =
  | 'UNSIGNED'
  | 'MALFORMED'
  | 'UNTRUSTED_CERTIFICATE'
  | 'EXPIRED_CERTIFICATE'
  | 'REVOKED_CERTIFICATE'
  | 'REVOCATION_UNAVAILABLE'
  | 'BAD_SIGNATURE'
  | 'WRONG_KEY_USAGE'
  | 'UNSUPPORTED_ALGORITHM'
  | 'VERIFIER_UNAVAILABLE'
  | 'DEVELOPMENT_SIGNER'
  | 'SIGNER_MISMATCH'
  | 'SIGNER_NOT_AUTHORIZED'
  | 'INVALID_SIGNING_TIME'
  | 'DOCUMENT_MISMATCH';

export class SignatureError extends Error {
  constructor(readonly reason: SignatureFailure, message: string) {
    super(message);
    this.name = 'SignatureError';
  }
}
