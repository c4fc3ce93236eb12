// util.str: string helpers.
import type { SandboxHost } from '../host';

const FORMS = { nfc: 'NFC', nfd: 'NFD', nfkc: 'NFKC', nfkd: 'NFKD' } as const;

/** util.str.normalize was given a normalization type other than nfc, nfd, nfkc or nfkd. */
export class UnknownNormalizationError extends Error {
  constructor(normalizationType: unknown) {
    super(`Unknown normalization type ${JSON.stringify(normalizationType)}: expected "nfc", "nfd", "nfkc" or "nfkd"`);
    this.name = 'UnknownNormalizationError';
  }
}

// The host parameter keeps every util factory the same shape; util.str needs nothing from it.
export function createStrUtil(_host: SandboxHost) {
  return {
    normalize(value: string, normalizationType: string): string {
      const form = Object.hasOwn(FORMS, normalizationType) ? FORMS[normalizationType as keyof typeof FORMS] : undefined;
      if (form === undefined) throw new UnknownNormalizationError(normalizationType);
      return String(value).normalize(form);
    },
  };
}
