// The OpenSearch client both search functions use: requests signed with SigV4 for the `es` service
// with the function's own credentials, which is what the domain's IAM access policy checks. The
// aws-v3 entry point loads only the SDK v3 credential chain (the `aws` one also tries SDK v2, which
// esbuild would then bundle whole).
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import type { AwsCredentialIdentity } from '@aws-sdk/types';
import { Client } from '@opensearch-project/opensearch';
import { ConfigurationError } from './errors';
import { AwsSigv4Signer } from '@opensearch-project/opensearch/aws-v3';

export interface OpenSearchClientOptions {
  /** The domain's base URL (see searchEndpointUrl). */
  readonly url: string;
  readonly region: string;
  /** How long one request may take. */
  readonly requestTimeoutMs: number;
  /** The client's own retries of failed connections (the indexer retries with its own backoff instead). */
  readonly maxRetries: number;
  /**
   * Where the signing credentials come from.
   * @default the AWS SDK's default chain (the function's role in Lambda)
   */
  readonly getCredentials?: () => Promise<AwsCredentialIdentity>;
}

/**
 * The base URL of a search endpoint. AWS gives `DomainEndpoint` as a host name, served over HTTPS
 * only (the domain enforces it); Outpost Local gives a whole `http://localhost:<port>` URL.
 */
export function searchEndpointUrl(endpoint: string): string {
  const url = /^https?:\/\//i.test(endpoint) ? endpoint.replace(/\/+$/, '') : `https://${endpoint}`;
  if (!URL.canParse(url)) {
    throw new ConfigurationError(`The search endpoint ${JSON.stringify(endpoint)} is neither a host name nor an http(s) URL.`);
  }
  return url;
}

export function createOpenSearchClient(options: OpenSearchClientOptions): Client {
  return new Client({
    ...AwsSigv4Signer({ region: options.region, service: 'es', getCredentials: options.getCredentials ?? defaultProvider() }),
    node: options.url,
    requestTimeout: options.requestTimeoutMs,
    maxRetries: options.maxRetries,
  });
}
