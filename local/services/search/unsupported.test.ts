// What the local service does not implement is refused with OpenSearch's error shape, naming it,
// never answered with a silently different result. Also malformed and oversized bodies.
import { Client } from '@opensearch-project/opensearch';
import { localTarget, refusal, type RunningTarget } from './testing/contract-targets';

const error = (status: number, type: string, reason: string) => ({ status, body: { error: { root_cause: [{ type, reason }], type, reason }, status } });
const notSupported = (what: string) => error(400, 'illegal_argument_exception', `the local search service does not support ${what}`);

describe('local search service: refusals', () => {
  let running: RunningTarget;
  let client: Client;
  beforeAll(async () => {
    running = await localTarget({ maxBodyBytes: 1024 }).start();
    client = running.client;
    await client.indices.create({ index: 'notes', body: { mappings: { properties: { title: { type: 'text' }, spaceId: { type: 'keyword' } } } } });
  });
  afterAll(async () => {
    await running.stop();
  });

  const searchRefusal = (body: Record<string, unknown>) => refusal(client.search({ index: 'notes', body }));

  it('names a query OpenSearch has and this service does not', async () => {
    expect(await searchRefusal({ query: { match_phrase: { title: 'grey heron' } } })).toEqual(notSupported('query [match_phrase]'));
    expect(await searchRefusal({ query: { frobnicate: {} } })).toEqual(error(400, 'parsing_exception', 'unknown query [frobnicate]'));
  });

  it('names an unsupported option of a supported query', async () => {
    expect(await searchRefusal({ query: { match: { title: { query: 'heron', analyzer: 'whitespace' } } } })).toEqual(notSupported('option [analyzer] of [match] queries'));
    expect(await searchRefusal({ query: { multi_match: { query: 'heron', type: 'phrase' } } })).toEqual(notSupported('[multi_match] type [phrase]: use best_fields or most_fields'));
    expect(await searchRefusal({ query: { bool: { must: [], _name: 'x' } } })).toEqual(notSupported('option [_name] of [bool] queries'));
  });

  it('names unsupported parts of a search request', async () => {
    expect(await searchRefusal({ aggs: { tags: { terms: { field: 'spaceId' } } } })).toEqual(notSupported('[aggs] in a search request'));
    expect(await searchRefusal({ highlight: { type: 'fvh', fields: { title: {} } } })).toEqual(notSupported('highlighter type [fvh]: only unified'));
    expect(await searchRefusal({ sort: [{ title: 'asc' }] })).toEqual(
      error(
        400,
        'illegal_argument_exception',
        'Text fields are not optimised for operations that require per-document field data like aggregations and sorting, so these operations are disabled by default. Please use a keyword field instead. Alternatively, set fielddata=true on [title] in order to load field data by uninverting the inverted index. Note that this can use significant memory.',
      ),
    );
    expect(await searchRefusal({ query: { match_all: {} }, sort: ['_score'], search_after: [1, 'x'] })).toEqual(error(400, 'illegal_argument_exception', 'search_after has 2 value(s) but sort has 1.'));
    expect(await refusal(client.search({ index: 'notes,other', body: {} }))).toEqual(notSupported('searching several indices [notes,other]: name one index'));
  });

  it('names an API or parameter it does not serve', async () => {
    expect(await refusal(client.cat.indices())).toEqual(notSupported('[GET /_cat/indices]'));
    expect(await refusal(client.get({ index: 'notes', id: '1', routing: 'r' }))).toEqual(notSupported('parameter [routing] of [GET /notes/_doc/1]'));
  });

  it('answers 400 to a body that is not JSON, and 413 to one over the size limit', async () => {
    const post = (body: string) =>
      fetch(`${running.url}/notes/_search`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then(async (response) => ({ status: response.status, body: await response.json() }));
    expect(await post('{"query": ')).toEqual(error(400, 'json_parse_exception', 'request body is not valid JSON'));
    expect(await post(JSON.stringify({ query: { match: { title: 'x'.repeat(2000) } } }))).toEqual(error(413, 'content_too_long_exception', 'request body is larger than 1024 bytes'));
  });

  it('accepts SigV4-signed requests without verifying the signature', async () => {
    const response = await fetch(`${running.url}/notes/_search`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/es/aws4_request, SignedHeaders=host;x-amz-date, Signature=0000',
        'x-amz-date': '20260101T000000Z',
        'x-amz-content-sha256': 'UNSIGNED-PAYLOAD',
      },
      body: '{}',
    });
    expect({ status: response.status, total: ((await response.json()) as { hits: { total: unknown } }).hits.total }).toEqual({ status: 200, total: { value: 0, relation: 'eq' } });
  });
});
