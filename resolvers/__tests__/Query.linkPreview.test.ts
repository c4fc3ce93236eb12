import { createResolverTestKit } from '../../local/appsync-js/testing/evaluate-resolver-file';
import { NOW, NOW_ISO, caller, env, raised, resolverFile, run } from './run-handler';

const GET_CACHED = resolverFile('Query.linkPreview/1-getCached.ts');
const FETCH_PREVIEW = resolverFile('Query.linkPreview/2-fetchPreview.ts');
const CACHE_PREVIEW = resolverFile('Query.linkPreview/3-cachePreview.ts');

const NOW_SECONDS = Math.floor(NOW / 1000);
const KEY = 'https://example.com/Tides?q=Spring';
const preview = {
  url: 'https://example.com/articles/tides',
  title: 'Spring tides',
  description: 'Why the moon matters.',
  imageUrl: 'https://example.com/tide.png',
  siteName: 'Estuary Notes',
  fetchedAt: NOW_ISO,
};
const row = { url: KEY, pageUrl: preview.url, title: preview.title, description: preview.description, imageUrl: preview.imageUrl, siteName: preview.siteName, fetchedAt: preview.fetchedAt };
const ctx = (extra: object) => ({ identity: null, arguments: { url: KEY }, stash: { cacheKey: KEY }, env, ...extra });

describe('Query.linkPreview — 1-getCached', () => {
  it('reads the cache under the normalised URL: scheme and host lower-cased, empty path as /, no fragment', () => {
    // GetItem request shape: https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-getitem.html
    const request = (url: string) => run(GET_CACHED, 'request', { identity: caller, arguments: { url }, stash: {}, env });
    const getItem = (key: string) => ({
      outcome: { kind: 'result', result: { operation: 'GetItem', key: { url: { S: key } }, consistentRead: false } },
      stash: { cacheKey: key },
    });
    expect([
      request('HTTPS://Example.COM/Tides?q=Spring#section-2'),
      request('https://example.com'),
      request('http://WWW.Example.com:8080?Q=1'),
      request('https://example.com/path/'),
      request('mailto:Someone@Example.com'),
    ]).toEqual([
      getItem('https://example.com/Tides?q=Spring'),
      getItem('https://example.com/'),
      getItem('http://www.example.com:8080/?Q=1'),
      getItem('https://example.com/path/'),
      getItem('mailto:Someone@Example.com'),
    ]);
  });

  it('passes on an unexpired row as the preview, and null for a missing or expired one', () => {
    // DynamoDB deletes expired items only eventually, so a read must check expiresAt itself:
    // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/howitworks-ttl.html
    const outcome = (result: object | null) => run(GET_CACHED, 'response', ctx({ result })).outcome;
    expect([outcome({ ...row, expiresAt: NOW_SECONDS + 1 }), outcome(null), outcome({ ...row, expiresAt: NOW_SECONDS }), outcome({ ...row, expiresAt: NOW_SECONDS - 3600 })]).toEqual([
      { kind: 'result', result: preview },
      { kind: 'result', result: null },
      { kind: 'result', result: null },
      { kind: 'result', result: null },
    ]);
  });

  it('raises a DynamoDB error as the field error', () => {
    const error = { message: 'Throughput exceeds the current capacity', type: 'DynamoDB:ProvisionedThroughputExceededException' };
    expect(run(GET_CACHED, 'response', ctx({ error, result: null })).outcome).toEqual(
      raised('DynamoDB:ProvisionedThroughputExceededException', 'Throughput exceeds the current capacity'),
    );
  });
});

describe('Query.linkPreview — 2-fetchPreview', () => {
  it('invokes the function with the normalised URL on a cache miss', () => {
    // Lambda Invoke request: https://docs.aws.amazon.com/appsync/latest/devguide/resolver-reference-lambda-js.html
    expect(run(FETCH_PREVIEW, 'request', ctx({ prev: { result: null } }))).toEqual({
      outcome: { kind: 'result', result: { operation: 'Invoke', payload: { url: KEY } } },
      stash: { cacheKey: KEY },
    });
  });

  it('ends the pipeline with a cache hit, skipping the function and the cache write', () => {
    // earlyReturn with skipTo END goes straight to the resolver's response handler:
    // https://docs.aws.amazon.com/appsync/latest/devguide/runtime-utils-js.html
    expect(run(FETCH_PREVIEW, 'request', ctx({ prev: { result: preview } })).outcome).toEqual({ kind: 'earlyReturn', result: preview, skipTo: 'END' });
  });

  it('returns the preview the function returned', () => {
    expect(run(FETCH_PREVIEW, 'response', ctx({ result: { result: preview } })).outcome).toEqual({ kind: 'result', result: preview });
  });

  it('raises a refusal the function returned with its own errorType', () => {
    const refusal = { error: { message: '127.0.0.1 is a blocked address (loopback); link previews fetch public addresses only.', errorType: 'LinkPreviewBlocked' } };
    expect(run(FETCH_PREVIEW, 'response', ctx({ result: refusal })).outcome).toEqual(
      raised('LinkPreviewBlocked', '127.0.0.1 is a blocked address (loopback); link previews fetch public addresses only.'),
    );
  });

  it('raises a function that failed outright as Lambda:Unhandled', () => {
    // A function error reaches a JS resolver as ctx.error with type Lambda:Unhandled ("Returning errors"):
    // https://docs.aws.amazon.com/appsync/latest/devguide/tutorial-lambda-resolvers-js.html
    const error = { message: 'Task timed out after 5.00 seconds', type: 'Lambda:Unhandled' };
    expect(run(FETCH_PREVIEW, 'response', ctx({ error, result: null })).outcome).toEqual(raised('Lambda:Unhandled', 'Task timed out after 5.00 seconds'));
  });
});

describe('Query.linkPreview — 3-cachePreview', () => {
  it('caches the fetched preview for 24 hours under the normalised URL, keeping it in the stash', () => {
    // PutItem request shape: https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-putitem.html
    const noImage = { ...preview, imageUrl: null, siteName: null };
    expect(run(CACHE_PREVIEW, 'request', ctx({ prev: { result: noImage } }))).toEqual({
      outcome: {
        kind: 'result',
        result: {
          operation: 'PutItem',
          key: { url: { S: KEY } },
          attributeValues: {
            pageUrl: { S: preview.url },
            title: { S: preview.title },
            description: { S: preview.description },
            imageUrl: { NULL: null },
            siteName: { NULL: null },
            fetchedAt: { S: NOW_ISO },
            expiresAt: { N: NOW_SECONDS + 86_400 },
          },
        },
      },
      stash: { cacheKey: KEY, preview: noImage },
    });
  });

  it('answers with the preview, and reports a failed cache write beside it', () => {
    // util.appendError adds an error to the response without failing the field:
    // https://docs.aws.amazon.com/appsync/latest/devguide/built-in-util-js.html
    const kit = createResolverTestKit({ now: () => NOW });
    const error = { message: 'Throughput exceeds the current capacity', type: 'DynamoDB:ProvisionedThroughputExceededException' };
    const evaluate = (extra: object) => {
      const { outcome, outErrors } = kit.evaluateResolverFile(CACHE_PREVIEW, 'response', ctx({ stash: { cacheKey: KEY, preview }, ...extra }));
      return { outcome, outErrors };
    };
    expect([evaluate({ result: { ...row, expiresAt: NOW_SECONDS + 86_400 } }), evaluate({ error, result: null })]).toEqual([
      { outcome: { kind: 'result', result: preview }, outErrors: [] },
      { outcome: { kind: 'result', result: preview }, outErrors: [{ message: 'Throughput exceeds the current capacity', errorType: 'DynamoDB:ProvisionedThroughputExceededException' }] },
    ]);
  });
});
