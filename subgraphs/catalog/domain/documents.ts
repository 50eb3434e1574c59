import { decodeUpload } from '@aleumet/core';

/** Supplier documents: PDF, PNG or JPEG up to 700 KiB, checked by content (@aleumet/core uploads). */
export const decodeDocument = (contentType: string, base64: string) => decodeUpload(contentType, base64, 'A document');
