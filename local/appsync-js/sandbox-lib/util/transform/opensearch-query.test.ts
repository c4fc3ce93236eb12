import { createFakeHost } from '../testing/fake-host';
import { createTransformUtil } from './index';

const { toElasticsearchQueryDSL } = createTransformUtil(createFakeHost());

const query = (filter: unknown): unknown => {
  const json = toElasticsearchQueryDSL(filter);
  return json === null ? null : JSON.parse(json);
};

describe('util.transform.toElasticsearchQueryDSL', () => {
  // The example of https://docs.aws.amazon.com/appsync/latest/devguide/transformation-helpers-in-utils-transform-js.html
  test("answers AWS's documented example with AWS's documented query", () => {
    expect(query({ upvotes: { ne: 15, range: [10, 20] }, title: { eq: 'hihihi', wildcard: 'h*i' } })).toEqual({
      bool: {
        must: [
          { bool: { must: [{ bool: { must_not: { term: { upvotes: 15 } } } }, { range: { upvotes: { gte: 10, lte: 20 } } }] } },
          { bool: { must: [{ term: { title: 'hihihi' } }, { wildcard: { title: 'h*i' } }] } },
        ],
      },
    });
  });

  test('answers a JSON string', () => {
    expect(toElasticsearchQueryDSL({ title: { match: 'notes' } })).toBe('{"match":{"title":"notes"}}');
  });

  // The operator mapping of the Amplify AppSync simulator:
  // aws-amplify/amplify-cli, packages/amplify-appsync-simulator/src/velocity/util/opensearch-utils.ts
  test('maps every operator to its query clause', () => {
    expect(
      query({
        a: { match: 'x' },
        b: { matchPhrase: 'x y' },
        c: { matchPhrasePrefix: 'x y' },
        d: { multiMatch: 'x' },
        e: { regexp: 'x.*' },
        f: { gt: 1 },
        g: { gte: 2 },
        h: { lt: 3 },
        i: { lte: 4 },
        j: { exists: true },
        k: { exists: false },
      }),
    ).toEqual({
      bool: {
        must: [
          { match: { a: 'x' } },
          { match_phrase: { b: 'x y' } },
          { match_phrase_prefix: { c: 'x y' } },
          { multi_match: { d: 'x' } },
          { regexp: { e: 'x.*' } },
          { range: { f: { gt: 1 } } },
          { range: { g: { gte: 2 } } },
          { range: { h: { lt: 3 } } },
          { range: { i: { lte: 4 } } },
          { exists: { field: 'j' } },
          { bool: { must_not: { exists: { field: 'k' } } } },
        ],
      },
    });
  });

  test('and, or and not nest as bool must, should and must_not', () => {
    expect(
      query({
        and: [{ spaceId: { eq: 's1' } }, { or: [{ title: { match: 'tide' } }, { body: { match: 'tide' } }] }],
        not: { tags: { eq: 'archived' } },
      }),
    ).toEqual({
      bool: {
        must: [
          { bool: { must: [{ term: { spaceId: 's1' } }, { bool: { should: [{ match: { title: 'tide' } }, { match: { body: 'tide' } }], minimum_should_match: 1 } }] } },
          { bool: { must_not: { term: { tags: 'archived' } } } },
        ],
      },
    });
  });

  test.each<[string, unknown]>([
    ['no filter', undefined],
    ['a string', 'title'],
    ['an unknown operator', { title: { like: 'x' } }],
    ['exists given something other than a boolean', { title: { exists: 'yes' } }],
    ['a range with one bound', { upvotes: { range: [1] } }],
    ['an and given an object', { and: { title: { eq: 'x' } } }],
    ['an empty filter', {}],
  ])('answers null for a filter it cannot render: %s', (_name, filter) => {
    expect(toElasticsearchQueryDSL(filter)).toBeNull();
  });
});
