// linkPreview's Lambda data source: `{ url }` in, `{ result }` (the preview) or `{ error }` out. The
// Query.linkPreview pipeline caches what this returns; this function touches no table.
import * as dns from 'node:dns';
import type { Logger } from '@aws-lambda-powertools/logger';
import { InvalidInputError } from '../shared/errors';
import { createLogger } from '../shared/logger';
import { outcomeOf, type FunctionOutcome } from '../shared/outcome';
import { loadConfig, type LinkPreviewConfig } from './config';
import { fetchPage } from './fetch-page';
import { parseMetadata } from './parse-metadata';
import type { LookupAll } from './resolve-target';
import { requestedUrl } from './target-url';

/** The LinkPreview type of the schema. */
export interface LinkPreview {
  readonly url: string;
  readonly title: string | null;
  readonly description: string | null;
  readonly imageUrl: string | null;
  readonly siteName: string | null;
  readonly fetchedAt: string;
}

export type LinkPreviewResult = FunctionOutcome<LinkPreview>;

export interface LinkPreviewDependencies {
  readonly config: LinkPreviewConfig;
  readonly lookup: LookupAll;
  readonly now: () => Date;
  readonly logger: Logger;
}

/** A handler whose dependencies are made on the first invocation. */
export function createHandler(load: () => LinkPreviewDependencies): (event: unknown) => Promise<LinkPreviewResult> {
  let dependencies: LinkPreviewDependencies | undefined;
  return async (event) => {
    dependencies ??= load();
    return previewOrError(event, dependencies);
  };
}

function previewOrError(event: unknown, dependencies: LinkPreviewDependencies): Promise<LinkPreviewResult> {
  return outcomeOf(
    () => preview(event, dependencies),
    (error) => dependencies.logger.warn('Link preview refused', { errorType: error.errorType, reason: error.message, cause: error.cause }),
  );
}

async function preview(event: unknown, { config, lookup, now }: LinkPreviewDependencies): Promise<LinkPreview> {
  const url = requestedUrl(urlOf(event));
  const page = await fetchPage(url, config, { lookup, testAllowedOrigins: config.testAllowedOrigins });
  return { ...parseMetadata(page.html, page.url, url), fetchedAt: now().toISOString() };
}

function urlOf(event: unknown): unknown {
  if (typeof event !== 'object' || event === null || !('url' in event)) {
    throw new InvalidInputError('Expected an event { url }.');
  }
  return event.url;
}

/** Every address of a name, in the resolver's order. */
export const systemLookup: LookupAll = async (hostname) =>
  (await dns.promises.lookup(hostname, { all: true, verbatim: true })).map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));

export const handler = createHandler(() => ({
  config: loadConfig(process.env),
  lookup: systemLookup,
  now: () => new Date(),
  logger: createLogger('link-preview'),
}));
