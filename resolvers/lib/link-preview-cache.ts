import type { LinkPreview } from '../__generated__/schema-types';

// The LinkPreviews table caches what the link-preview function returned, under the normalised URL
// that was asked for. Only successes are cached: failures are mostly transient (timeouts, 5xx) or
// refused before any fetch (blocked, invalid), so caching them would pin an outage for a day and
// save nothing on refusals.

/** How long a preview is served from the cache. */
export const CACHE_TTL_SECONDS = 24 * 60 * 60;

/** A LinkPreviews row: the key `url` is the cache key, `pageUrl` the preview's own url. */
export interface CachedPreview {
  url: string;
  pageUrl: string;
  title: string | null;
  description: string | null;
  imageUrl: string | null;
  siteName: string | null;
  fetchedAt: string;
  /** Epoch seconds, the table's TTL attribute. */
  expiresAt: number;
}

/**
 * The cache key of a URL: scheme and host lower-cased (they are case-insensitive), an empty path
 * written as `/`, the fragment dropped (it is never sent to the server). Path and query keep their case.
 */
export function cacheKey(url: string): string {
  const withoutFragment = url.split('#')[0];
  const colon = withoutFragment.indexOf(':');
  const scheme = withoutFragment.slice(0, colon).toLowerCase();
  const rest = withoutFragment.slice(colon + 1);
  if (!rest.startsWith('//')) {
    return `${scheme}:${rest}`;
  }
  const afterSlashes = rest.slice(2);
  const slash = afterSlashes.indexOf('/');
  const query = afterSlashes.indexOf('?');
  let end = afterSlashes.length;
  if (slash >= 0 && slash < end) {
    end = slash;
  }
  if (query >= 0 && query < end) {
    end = query;
  }
  const pathAndQuery = afterSlashes.slice(end);
  return `${scheme}://${afterSlashes.slice(0, end).toLowerCase()}${pathAndQuery.startsWith('/') ? '' : '/'}${pathAndQuery}`;
}

export function previewOf(item: CachedPreview): LinkPreview {
  return {
    url: item.pageUrl,
    title: item.title,
    description: item.description,
    imageUrl: item.imageUrl,
    siteName: item.siteName,
    fetchedAt: item.fetchedAt,
  };
}

/** The attributes besides the key of the row that caches `preview` from `nowSeconds` on. */
export function cachedAttributes(preview: LinkPreview, nowSeconds: number): Omit<CachedPreview, 'url'> {
  return {
    pageUrl: preview.url,
    title: preview.title ?? null,
    description: preview.description ?? null,
    imageUrl: preview.imageUrl ?? null,
    siteName: preview.siteName ?? null,
    fetchedAt: preview.fetchedAt,
    expiresAt: nowSeconds + CACHE_TTL_SECONDS,
  };
}
