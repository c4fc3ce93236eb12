// Each class of bad request gets AppSync's answer, and the server keeps serving: every case is
// followed by a good request on the same stack.
import { ok, postGraphql, type GraphqlHttpResponse } from '../harness/graphql-http';
import { useLocalStack } from '../harness/local-stack';

jest.setTimeout(60_000);

const running = useLocalStack();
const GOOD = { query: '{ __typename }' };
const GOOD_ANSWER = ok({ data: { __typename: 'Query' } });
const PREVIEW = 'query Preview($url: AWSURL!) { linkPreview(url: $url) { url } }';

/** Sends `body` with the stack's API key, then a good request, and returns both answers. */
async function thenGood(body: Parameters<typeof postGraphql>[1]): Promise<{ answer: GraphqlHttpResponse; after: GraphqlHttpResponse }> {
  const { stack } = running();
  const headers = { 'x-api-key': stack.apiKey! };
  const answer = await postGraphql(stack.urls.http, body, { headers });
  return { answer, after: await postGraphql(stack.urls.http, GOOD, { headers }) };
}

function rejected(status: number, errorType: string, message: string): GraphqlHttpResponse {
  return { status, errorType, body: { errors: [{ errorType, message }] } };
}

function requestError(message: string, locations: { line: number; column: number }[] | null): GraphqlHttpResponse {
  return ok({ data: null, errors: [{ path: null, locations: locations && locations.map((at) => ({ ...at, sourceName: null })), message }] });
}

// The AppSync team's description of its HTTP answers: https://github.com/graphql/graphql-over-http/issues/81
// (400 MalformedHttpRequestException for an empty body and for "meow", "{}", "[]"; 200 with a
// FieldUndefined validation error for an unknown field).
describe('requests AppSync cannot read', () => {
  it.each([
    ['malformed JSON', '{"query": "{ __typename }"', 'Unable to parse GraphQL query.'],
    ['no query', '{"variables": {}}', 'Unable to parse GraphQL query.'],
    ['a JSON array', '[]', 'Unable to parse GraphQL query.'],
    ['an empty body', '', 'Request body is empty.'],
  ])('%s: 400 MalformedHttpRequestException', async (_name, body, message) => {
    expect(await thenGood(body)).toEqual({ answer: rejected(400, 'MalformedHttpRequestException', message), after: GOOD_ANSWER });
  });

  // AppSync's documented request limit is 1 MB; AWS does not document the answer to a larger body,
  // so this pins Outpost Local's: 413, before the body is parsed.
  it('a body over 1 MB: 413', async () => {
    const body = JSON.stringify({ query: '{ __typename }', variables: { padding: 'x'.repeat(1024 * 1024) } });
    expect(await thenGood(body)).toEqual({
      answer: rejected(413, 'RequestEntityTooLargeException', 'The request body is larger than the 1048576-byte limit.'),
      after: GOOD_ANSWER,
    });
  });
});

describe('GraphQL request errors (HTTP 200, data null)', () => {
  // graphql-java's wording (AppSync runs graphql-java): "Invalid Syntax : offending token '<EOF>'",
  // the string GraphQL engine fingerprinting matches on for graphql-java
  // (Escape-Technologies/GraphDNA, graphqldna/heuristics/gql_queries/graphql_java.py).
  it('a syntax error', async () => {
    expect(await thenGood({ query: '{ linkPreview(url: "https://a.com") { url ' })).toEqual({
      answer: requestError("Invalid Syntax : offending token '<EOF>' at line 1 column 43", [{ line: 1, column: 43 }]),
      after: GOOD_ANSWER,
    });
  });

  it('a field that does not exist', async () => {
    expect(await thenGood({ query: '{ linkPreview(url: "https://a.com") { url nope } }' })).toEqual({
      answer: requestError("Validation error of type FieldUndefined: Field 'nope' in type 'LinkPreview' is undefined @ 'linkPreview/nope'", [{ line: 1, column: 43 }]),
      after: GOOD_ANSWER,
    });
  });

  // graphql-java, src/main/java/graphql/execution/NodeUtil.java (getOperation):
  // `String.format("Unknown operation named '%s'.", operationName)`.
  it('an unknown operation name', async () => {
    expect(await thenGood({ query: 'query Known { __typename }', operationName: 'Nope' })).toEqual({
      answer: requestError("Unknown operation named 'Nope'.", null),
      after: GOOD_ANSWER,
    });
  });

  // A literal of the wrong shape for an AWS scalar fails validation, in graphql-java's words
  // (AppSync responses quoted in https://github.com/aws/aws-cli/issues/7078 and
  // https://github.com/awslabs/aws-mobile-appsync-sdk-js/issues/554). graphql-java reports it at the
  // argument (`url`), not at its value: in #554 the location is the column of `data` in `sendEmail(data: {`.
  it('an invalid AWSURL literal', async () => {
    expect(await thenGood({ query: '{ linkPreview(url: "nope") { url } }' })).toEqual({
      answer: requestError("Validation error of type WrongType: argument 'url' with value 'StringValue{value='nope'}' is not a valid 'AWSURL' @ 'linkPreview'", [{ line: 1, column: 15 }]),
      after: GOOD_ANSWER,
    });
  });

  // "Variable 'input' has coerced Null value for NonNull type …" (AppSync responses quoted in
  // awslabs/aws-mobile-appsync-sdk-js#83 and #464).
  it('a missing non-null variable', async () => {
    expect(await thenGood({ query: PREVIEW, variables: {} })).toEqual({
      answer: requestError("Variable 'url' has coerced Null value for NonNull type 'AWSURL!'", [{ line: 1, column: 15 }]),
      after: GOOD_ANSWER,
    });
  });

  // A variable value an AWS scalar cannot parse: "Variable 'phone' has an invalid value. Unable to
  // parse `1110004444` as a valid phone number." and "Variable 'updatedAt' has an invalid value.
  // Unable to parse `2019` as a valid DateTime Object." (AppSync responses quoted in
  // https://github.com/aws-amplify/amplify-flutter/issues/822 and
  // https://github.com/aws-amplify/amplify-cli/issues/2033).
  it('a variable that is not a valid AWSURL', async () => {
    expect(await thenGood({ query: PREVIEW, variables: { url: 'not a url' } })).toEqual({
      answer: requestError("Variable 'url' has an invalid value. Unable to parse `not a url` as a valid URL.", [{ line: 1, column: 15 }]),
      after: GOOD_ANSWER,
    });
  });
});
