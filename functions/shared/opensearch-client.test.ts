import { searchEndpointUrl } from './opensearch-client';

describe('searchEndpointUrl', () => {
  it('adds https:// to the bare host AWS gives as DomainEndpoint, and keeps a URL with a scheme', () => {
    // DomainEndpoint is a host name without a scheme:
    // https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-opensearchservice-domain.html
    expect(
      ['search-outpost-dev-notes-abc123.us-east-1.es.amazonaws.com', 'http://127.0.0.1:9200', 'http://127.0.0.1:9200/', 'HTTPS://example.com'].map(searchEndpointUrl),
    ).toEqual(['https://search-outpost-dev-notes-abc123.us-east-1.es.amazonaws.com', 'http://127.0.0.1:9200', 'http://127.0.0.1:9200', 'HTTPS://example.com']);
  });
});
