/** Uploads are checked the same way everywhere (@aleumet/core uploads.ts). */
export { ALLOWED_CONTENT_TYPES, MAX_DOCUMENT_BYTES, decodeDocument } from '@aleumet/core';
