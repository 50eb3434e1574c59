import { createHash } from 'node:crypto';
import { badInput } from './errors.js';

/**
 * Uploaded files (supplier documents, attachments of failure reports): PDF, PNG or JPEG, checked by
 * content (magic bytes), not only by the declared type. At most 700 KiB: the file travels base64 in a
 * GraphQL request and the HTTP body limit is 1 MB (http-kit MAX_BODY_BYTES).
 */
export const MAX_UPLOAD_BYTES = 700 * 1024;
const SIGNATURES: Record<string, number[]> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'image/jpeg': [0xff, 0xd8, 0xff],
};
export const UPLOAD_CONTENT_TYPES = Object.keys(SIGNATURES);

/** The bytes of a base64 upload of a declared type, and their SHA-256; BAD_USER_INPUT for anything else. */
export function decodeUpload(contentType: string, base64: string, what = 'A document'): { bytes: Buffer; sha256: string } {
  const signature = SIGNATURES[contentType];
  if (!signature) throw badInput(`${what} must be one of ${UPLOAD_CONTENT_TYPES.join(', ')}`, 'contentType');
  // Refuse before decoding anything much larger than the limit.
  if (base64.length > Math.ceil(MAX_UPLOAD_BYTES / 3) * 4 + 4) throw badInput(`${what} may be at most ${MAX_UPLOAD_BYTES} bytes`, 'contentBase64');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) throw badInput('Content must be base64', 'contentBase64');
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0) throw badInput(`${what} is empty`, 'contentBase64');
  if (bytes.length > MAX_UPLOAD_BYTES) throw badInput(`${what} may be at most ${MAX_UPLOAD_BYTES} bytes`, 'contentBase64');
  if (!signature.every((b, i) => bytes[i] === b)) throw badInput(`The content is not a ${contentType} file`, 'contentBase64');
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}
