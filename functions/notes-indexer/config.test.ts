import { ConfigurationError } from '../shared/errors';
import { loadConfig } from './config';

describe('loadConfig (notes-indexer)', () => {
  it('reads the region and the endpoint, which it requires', () => {
    expect(loadConfig({ AWS_REGION: 'eu-west-1', SEARCH_ENDPOINT: 'search-notes.eu-west-1.es.amazonaws.com' })).toEqual({
      region: 'eu-west-1',
      searchUrl: 'https://search-notes.eu-west-1.es.amazonaws.com',
    });
    expect(() => loadConfig({ AWS_REGION: 'eu-west-1' })).toThrow(new ConfigurationError('The environment variable SEARCH_ENDPOINT is not set.'));
  });
});
