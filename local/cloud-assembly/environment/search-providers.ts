import { localArn } from './arn';
import type { AttributeProvider, ResourceContext } from './local-environment';

/** OpenSearch domain names are lower-case; the lower-cased logical id stands in for a generated one. */
const domainName = (resource: ResourceContext): string =>
  resource.stringProperty('DomainName') ?? resource.logicalId.toLowerCase();
const domainArn = (resource: ResourceContext): string => localArn(resource, 'es', `domain/${domainName(resource)}`);
/**
 * `DomainEndpoint` is a bare host name in AWS (served over HTTPS). Locally it is the search
 * service's whole URL, `http://…` with its scheme: a Lambda worker cannot be made to trust the
 * local CA, so the service speaks plain HTTP, and a bare host would make clients assume HTTPS.
 * Functions accept either form.
 */
const searchEndpoint = (resource: ResourceContext): string | undefined => resource.endpoints.searchUrl;

export const searchProviders: Readonly<Record<string, AttributeProvider>> = {
  'AWS::OpenSearchService::Domain': {
    ref: domainName,
    attributes: {
      Arn: domainArn,
      DomainArn: domainArn,
      Id: domainName,
      DomainEndpoint: searchEndpoint,
    },
  },
  'AWS::OpenSearchServerless::Collection': {
    ref: (resource) => resource.logicalId.toLowerCase(),
    attributes: {
      Id: (resource) => resource.logicalId.toLowerCase(),
      Arn: (resource) => localArn(resource, 'aoss', `collection/${resource.logicalId.toLowerCase()}`),
      CollectionEndpoint: (resource) => resource.endpoints.searchUrl,
    },
  },
};
