import type { ResourceContext } from './local-environment';
import { searchProviders } from './search-providers';

function resource(type: string, properties: Record<string, unknown>, searchUrl?: string): ResourceContext {
  return {
    logicalId: 'NotesSearch',
    type,
    pseudo: { region: 'us-east-1', accountId: '000000000000', partition: 'aws', urlSuffix: 'amazonaws.com' },
    stackName: 'Outpost',
    endpoints: { searchUrl },
    property: (name) => properties[name],
    stringProperty: (name) => (typeof properties[name] === 'string' ? (properties[name] as string) : undefined),
  };
}

const values = (type: string, context: ResourceContext) => {
  const provider = searchProviders[type];
  return { ref: provider.ref(context), ...Object.fromEntries(Object.entries(provider.attributes).map(([name, read]) => [name, read(context)])) };
};

describe('search providers', () => {
  it('resolves an OpenSearch domain to the local search service, its endpoint a URL with the http scheme', () => {
    expect(values('AWS::OpenSearchService::Domain', resource('AWS::OpenSearchService::Domain', { DomainName: 'notes' }, 'http://127.0.0.1:9200'))).toEqual({
      ref: 'notes',
      Arn: 'arn:aws:es:us-east-1:000000000000:domain/notes',
      DomainArn: 'arn:aws:es:us-east-1:000000000000:domain/notes',
      Id: 'notes',
      DomainEndpoint: 'http://127.0.0.1:9200',
    });
  });

  it('leaves the endpoints unresolved when no search service runs', () => {
    expect(values('AWS::OpenSearchServerless::Collection', resource('AWS::OpenSearchServerless::Collection', {}))).toEqual({
      ref: 'notessearch',
      Id: 'notessearch',
      Arn: 'arn:aws:aoss:us-east-1:000000000000:collection/notessearch',
      CollectionEndpoint: undefined,
    });
  });
});
