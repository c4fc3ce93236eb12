import { localArn } from './arn';
import type { AttributeProvider, ResourceContext } from './local-environment';

/** OpenSearch domain names are lower-case; the lower-cased logical id stands in for a generated one. */
const domainName = (resource: ResourceContext): string =>
  resource.stringProperty('DomainName') ?? resource.logicalId.toLowerCase();
const domainArn = (resource: ResourceContext): string => localArn(resource, 'es', `domain/${domainName(resource)}`);
/** `DomainEndpoint` is a host name without a scheme in AWS; locally it is the search service's host. */
const searchHost = (resource: ResourceContext): string | undefined =>
  resource.endpoints.searchUrl === undefined ? undefined : new URL(resource.endpoints.searchUrl).host;

export const searchProviders: Readonly<Record<string, AttributeProvider>> = {
  'AWS::OpenSearchService::Domain': {
    ref: domainName,
    attributes: {
      Arn: domainArn,
      DomainArn: domainArn,
      Id: domainName,
      DomainEndpoint: searchHost,
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
