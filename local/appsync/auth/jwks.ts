import type { JsonWebKey } from 'node:crypto';
import { JwksFetchError } from './errors';

/** Reads a JSON document (a JWKS) from a URL. Injectable so tests and offline runs need no network. */
export type JsonFetcher = (url: string) => Promise<unknown>;

/** The default fetcher: an HTTP GET with the global fetch. */
export const httpJsonFetcher: JsonFetcher = async (url) => {
  const response = await fetch(url);
  if (!response.ok) throw new JwksFetchError(`GET ${url} answered HTTP ${response.status}`);
  return response.json();
};

export interface SigningKey extends JsonWebKey {
  readonly kid: string;
}

/**
 * A user pool's signing keys, fetched from its JWKS URL once and kept. Pools rotate keys rarely,
 * and a local pool never does, so one read per URL is enough. A failed read is not kept, so the
 * next request tries again.
 */
export class JwksCache {
  private readonly keySets = new Map<string, Promise<readonly SigningKey[]>>();

  constructor(private readonly fetchJson: JsonFetcher) {}

  /** The key with id `kid` from the set at `url`; undefined when the set has no such key. */
  async key(url: string, kid: string): Promise<SigningKey | undefined> {
    const keys = await this.keySet(url);
    return keys.find((key) => key.kid === kid);
  }

  private keySet(url: string): Promise<readonly SigningKey[]> {
    const cached = this.keySets.get(url);
    if (cached !== undefined) return cached;
    const loading = this.load(url).catch((error: unknown) => {
      this.keySets.delete(url);
      throw error;
    });
    this.keySets.set(url, loading);
    return loading;
  }

  private async load(url: string): Promise<readonly SigningKey[]> {
    let document: unknown;
    try {
      document = await this.fetchJson(url);
    } catch (error) {
      throw new JwksFetchError(`could not read the JWKS at ${url}`, { cause: error });
    }
    const keys = (document as { keys?: unknown } | null)?.keys;
    if (!Array.isArray(keys)) throw new JwksFetchError(`the JWKS at ${url} has no "keys" array`);
    return keys.filter((key): key is SigningKey => typeof key === 'object' && key !== null && typeof (key as SigningKey).kid === 'string');
  }
}
