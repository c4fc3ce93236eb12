// The preview fields of an HTML page: Open Graph first (https://ogp.me), then Twitter cards, then
// plain HTML (<title>, <meta name="description">). htmlparser2 reads the page as browsers tolerate
// it (unclosed tags, entities), and only the first value of each property counts, as in the OGP spec.
import { Parser } from 'htmlparser2';

export interface PageMetadata {
  /** og:url when it is a usable http(s) URL, else the page's own (final) URL, else the URL asked for. */
  readonly url: string;
  readonly title: string | null;
  readonly description: string | null;
  readonly imageUrl: string | null;
  readonly siteName: string | null;
}

/** Longest values kept; a page may stuff megabytes into a tag, the cache row must stay small. */
const MAX_TEXT = { title: 300, description: 1_000, siteName: 200 } as const;
const MAX_URL_LENGTH = 2_048;

export function parseMetadata(html: string, pageUrl: URL, requestedUrl: URL): PageMetadata {
  const meta = new Map<string, string>();
  let title: string | undefined;
  let titleText: string | undefined;
  const parser = new Parser({
    onopentag(name, attributes) {
      if (name === 'meta') {
        // Open Graph uses `property`, Twitter and HTML use `name`; pages mix them up, so both count.
        const content = attributes.content;
        for (const key of [attributes.property, attributes.name]) {
          const property = key?.trim().toLowerCase();
          if (property && content !== undefined && !meta.has(property)) meta.set(property, content);
        }
      } else if (name === 'title' && title === undefined) {
        titleText = '';
      }
    },
    ontext(text) {
      if (titleText !== undefined) titleText += text;
    },
    onclosetag(name) {
      if (name === 'title' && titleText !== undefined) {
        title = titleText;
        titleText = undefined;
      }
    },
  });
  parser.write(html);
  parser.end();

  const first = (...values: (string | undefined)[]) => values.map((value) => value?.replace(/\s+/g, ' ').trim()).find((value) => value);
  const text = (limit: number, ...values: (string | undefined)[]) => {
    const value = first(...values);
    return value === undefined ? null : [...value].slice(0, limit).join('');
  };
  const link = (...values: (string | undefined)[]) =>
    values.map((value) => (value === undefined ? undefined : absoluteHttpUrl(value.trim(), pageUrl))).find((value) => value !== undefined) ?? null;

  return {
    url: link(meta.get('og:url'), pageUrl.href) ?? requestedUrl.href,
    title: text(MAX_TEXT.title, meta.get('og:title'), meta.get('twitter:title'), title),
    description: text(MAX_TEXT.description, meta.get('og:description'), meta.get('twitter:description'), meta.get('description')),
    imageUrl: link(meta.get('og:image'), meta.get('og:image:url'), meta.get('og:image:secure_url'), meta.get('twitter:image'), meta.get('twitter:image:src')),
    siteName: text(MAX_TEXT.siteName, meta.get('og:site_name'), meta.get('application-name')),
  };
}

/**
 * `value` resolved against the page, if it is an http(s) URL the AWSURL scalar accepts: AppSync
 * refuses a URL with `//` inside its path (https://docs.aws.amazon.com/appsync/latest/devguide/scalars.html),
 * and such a value would fail the whole field, so it is dropped instead.
 */
function absoluteHttpUrl(value: string, pageUrl: URL): string | undefined {
  if (value === '' || !URL.canParse(value, pageUrl.href)) return undefined;
  const url = new URL(value, pageUrl);
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username !== '' || url.password !== '') return undefined;
  if (url.pathname.includes('//') || url.href.length > MAX_URL_LENGTH) return undefined;
  return url.href;
}
