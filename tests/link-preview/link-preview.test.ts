// linkPreview end to end through Outpost Local with the stack's API key: the Query.linkPreview
// pipeline, the LinkPreviews cache in DynamoDB Local and the link-preview function in its worker.
// The running stack's function has no test allowlist (infra never sets one), so it can fetch no
// page on this machine's loopback: a successful fetch is tested at handler level
// (functions/link-preview/handler.test.ts). Here a blocked URL, an invalid one and cache hits.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { localDynamoDbClient } from '../../local/services/dynamodb-local';
import { ok, postGraphql } from '../harness/graphql-http';
import { useLocalStack } from '../harness/local-stack';

jest.setTimeout(60_000);

const running = useLocalStack();
const PREVIEW = 'query Preview($url: AWSURL!) { linkPreview(url: $url) { url title description imageUrl siteName fetchedAt } }';

/** A page on loopback that counts its visitors: any visit would be an SSRF that got through. */
let visits = 0;
let server: http.Server;
let port: number;

beforeAll(async () => {
  server = http.createServer((_request, response) => {
    visits += 1;
    response.writeHead(200, { 'content-type': 'text/html' }).end('<title>internal</title>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
});

function preview(url: string) {
  const { stack } = running();
  return postGraphql(stack.urls.http, { query: PREVIEW, variables: { url } }, { headers: { 'x-api-key': stack.apiKey! } });
}

// util.error in the pipeline becomes a field error with that errorType; linkPreview is nullable,
// so data keeps `linkPreview: null` (https://docs.aws.amazon.com/appsync/latest/devguide/built-in-util-js.html).
function fieldError(errorType: string, message: string) {
  return ok({
    data: { linkPreview: null },
    errors: [{ path: ['linkPreview'], data: null, errorType, errorInfo: null, locations: [{ line: 1, column: PREVIEW.indexOf('linkPreview(') + 1, sourceName: null }], message }],
  });
}

async function putCachedRow(row: Record<string, unknown>): Promise<void> {
  const { stack } = running();
  const client = localDynamoDbClient(stack.dynamodbEndpoint);
  try {
    const TableName = stack.stack.graphqlApis[0].environmentVariables.LINK_PREVIEWS_TABLE;
    await client.send(new PutItemCommand({ TableName, Item: marshall(row, { removeUndefinedValues: true }) }));
  } finally {
    client.destroy();
  }
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

it('refuses a loopback URL with LinkPreviewBlocked, without fetching it', async () => {
  expect({ answer: await preview(`http://127.0.0.1:${port}/admin`), visits }).toEqual({
    answer: fieldError('LinkPreviewBlocked', `127.0.0.1:${port} is a blocked address (loopback); link previews fetch public addresses only.`),
    visits: 0,
  });
});

it('refuses a URL that is not an AWSURL before any resolver runs', async () => {
  // graphql-java's message for a literal of the wrong scalar, at the argument
  // (https://github.com/awslabs/aws-mobile-appsync-sdk-js/issues/554), as tests/local-stack/error-classes.test.ts pins.
  const { stack } = running();
  const query = '{ linkPreview(url: "nope") { url } }';
  expect(await postGraphql(stack.urls.http, { query }, { headers: { 'x-api-key': stack.apiKey! } })).toEqual(
    ok({
      data: null,
      errors: [
        {
          path: null,
          locations: [{ line: 1, column: 15, sourceName: null }],
          message: "Validation error of type WrongType: argument 'url' with value 'StringValue{value='nope'}' is not a valid 'AWSURL' @ 'linkPreview'",
        },
      ],
    }),
  );
});

it('answers from an unexpired cached row under the normalised URL, without invoking the function', async () => {
  // No DNS answers for .invalid (RFC 6761), so any fetch would fail: the answer can only come from the row.
  const cached = {
    url: 'https://preview.invalid/Tides?q=Spring',
    pageUrl: 'https://preview.invalid/articles/tides',
    title: 'Spring tides',
    description: 'Why the moon matters.',
    imageUrl: 'https://preview.invalid/tide.png',
    siteName: null,
    fetchedAt: '2026-01-02T03:04:05.678Z',
    expiresAt: nowSeconds() + 3_600,
  };
  await putCachedRow(cached);
  expect(await preview('HTTPS://Preview.INVALID/Tides?q=Spring#section-2')).toEqual(
    ok({
      data: {
        linkPreview: {
          url: 'https://preview.invalid/articles/tides',
          title: 'Spring tides',
          description: 'Why the moon matters.',
          imageUrl: 'https://preview.invalid/tide.png',
          siteName: null,
          fetchedAt: '2026-01-02T03:04:05.678Z',
        },
      },
    }),
  );
});

it('ignores an expired row that TTL has not deleted yet, and fetches again', async () => {
  // DynamoDB deletes expired items only eventually, so reads check expiresAt:
  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/howitworks-ttl.html
  const url = `http://127.0.0.1:${port}/expired`;
  await putCachedRow({ url, pageUrl: url, title: 'Stale', fetchedAt: '2026-01-01T00:00:00.000Z', expiresAt: nowSeconds() - 60 });
  expect({ answer: await preview(url), visits }).toEqual({
    answer: fieldError('LinkPreviewBlocked', `127.0.0.1:${port} is a blocked address (loopback); link previews fetch public addresses only.`),
    visits: 0,
  });
});
