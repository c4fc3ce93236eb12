import { ConfigurationError } from '../shared/errors';
import { loadConfig } from './config';

const base = { AWS_REGION: 'us-east-1', MEMBERSHIPS_TABLE: 'Memberships-dev' };

describe('loadConfig (search-notes)', () => {
  it('reads the table and the endpoint: a bare AWS host becomes https, a local URL stays as it is', () => {
    expect([
      loadConfig({ ...base, SEARCH_ENDPOINT: 'search-outpost-dev-notes-abc.us-east-1.es.amazonaws.com' }),
      loadConfig({ ...base, SEARCH_ENDPOINT: 'http://localhost:4571' }),
    ]).toEqual([
      { region: 'us-east-1', membershipsTable: 'Memberships-dev', searchUrl: 'https://search-outpost-dev-notes-abc.us-east-1.es.amazonaws.com' },
      { region: 'us-east-1', membershipsTable: 'Memberships-dev', searchUrl: 'http://localhost:4571' },
    ]);
  });

  it('has no search URL where the stage has no domain (no or an empty SEARCH_ENDPOINT)', () => {
    expect([loadConfig(base), loadConfig({ ...base, SEARCH_ENDPOINT: '' })]).toEqual([
      { region: 'us-east-1', membershipsTable: 'Memberships-dev', searchUrl: undefined },
      { region: 'us-east-1', membershipsTable: 'Memberships-dev', searchUrl: undefined },
    ]);
  });

  it('names what is missing or malformed', () => {
    expect(() => loadConfig({ AWS_REGION: 'us-east-1' })).toThrow(new ConfigurationError('The environment variable MEMBERSHIPS_TABLE is not set.'));
    expect(() => loadConfig({ ...base, SEARCH_ENDPOINT: 'http://[nope' })).toThrow(
      new ConfigurationError('The search endpoint "http://[nope" is neither a host name nor an http(s) URL.'),
    );
  });
});
