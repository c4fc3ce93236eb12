/** Thrown for text that is not canonical unpadded base64url. */
export class Base64UrlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Base64UrlError';
  }
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/**
 * Decodes unpadded base64url strictly. Node's decoder skips characters it does not know, so a
 * tampered segment would otherwise decode to something; here it is an error instead.
 */
export function decodeBase64Url(text: string): Buffer {
  if (!BASE64URL.test(text) || text.length % 4 === 1) throw new Base64UrlError(`not base64url: "${text.slice(0, 20)}"`);
  const bytes = Buffer.from(text, 'base64url');
  // Non-canonical trailing bits (e.g. "QR" and "QQ" both decoding to "A") would let two texts carry one value.
  if (bytes.toString('base64url') !== text) throw new Base64UrlError(`not canonical base64url: "${text.slice(0, 20)}"`);
  return bytes;
}
