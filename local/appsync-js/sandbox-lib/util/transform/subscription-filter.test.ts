import { createFakeHost } from '../testing/fake-host';
import { createTransformUtil, SubscriptionFilterLimitError } from './index';

const { toSubscriptionFilter } = createTransformUtil(createFakeHost());

const f = (fieldName: string, operator: string, value: unknown) => ({ fieldName, operator, value });

// Every expected value in this block was recorded from AppSync's EvaluateCode API (APPSYNC_JS
// 1.0.0) in localstack/appsync-utils: __tests__/transform-subscription.test.js and its snapshot.
describe('util.transform.toSubscriptionFilter, as AppSync evaluates it', () => {
  test.each<[string, unknown[], unknown]>([
    ['one operator on one field', [{ a: { eq: 1 } }], { filterGroup: [{ filters: [f('a', 'eq', 1)] }] }],
    ['two fields are combined', [{ a: { eq: 1 }, b: { eq: 2 } }], { filterGroup: [{ filters: [f('a', 'eq', 1), f('b', 'eq', 2)] }] }],
    ['an and combines its members', [{ and: [{ a: { eq: 1 } }, { b: { eq: 2 } }] }], { filterGroup: [{ filters: [f('a', 'eq', 1), f('b', 'eq', 2)] }] }],
    ['a field beside an and', [{ z: { eq: 0 }, and: [{ a: { eq: 1 } }] }], { filterGroup: [{ filters: [f('z', 'eq', 0), f('a', 'eq', 1)] }] }],
    ['a field path is kept as written', [{ 'loc.addr.country': { eq: 'USA' } }], { filterGroup: [{ filters: [f('loc.addr.country', 'eq', 'USA')] }] }],
    ['two operators on one field are alternatives', [{ a: { eq: 1, ne: 2 } }], { filterGroup: [{ filters: [f('a', 'eq', 1)] }, { filters: [f('a', 'ne', 2)] }] }],
    ['an or splits into a group per member', [{ or: [{ a: { eq: 1 } }, { b: { eq: 2 } }] }], { filterGroup: [{ filters: [f('a', 'eq', 1)] }, { filters: [f('b', 'eq', 2)] }] }],
    [
      'an or nested in an and',
      [{ and: [{ a: { eq: 1 } }, { or: [{ b: { eq: 2 } }, { c: { eq: 3 } }] }] }],
      { filterGroup: [{ filters: [f('a', 'eq', 1), f('b', 'eq', 2)] }, { filters: [f('a', 'eq', 1), f('c', 'eq', 3)] }] },
    ],
    [
      'operators and groups together multiply out, the first alternatives varying slowest',
      [
        {
          percentageUp: { lte: 50, gte: 20 },
          and: [{ title: { ne: 'Book1' } }, { downvotes: { gt: 2000 } }],
          or: [{ author: { eq: 'Admin' } }, { isPublished: { eq: false } }],
        },
      ],
      {
        filterGroup: [
          { filters: [f('percentageUp', 'lte', 50), f('title', 'ne', 'Book1'), f('downvotes', 'gt', 2000), f('author', 'eq', 'Admin')] },
          { filters: [f('percentageUp', 'lte', 50), f('title', 'ne', 'Book1'), f('downvotes', 'gt', 2000), f('isPublished', 'eq', false)] },
          { filters: [f('percentageUp', 'gte', 20), f('title', 'ne', 'Book1'), f('downvotes', 'gt', 2000), f('author', 'eq', 'Admin')] },
          { filters: [f('percentageUp', 'gte', 20), f('title', 'ne', 'Book1'), f('downvotes', 'gt', 2000), f('isPublished', 'eq', false)] },
        ],
      },
    ],
    [
      'the comparisons are carried through as written',
      [{ a: { le: 1 }, b: { lt: 2 }, c: { ge: 3 }, d: { gt: 4 } }],
      { filterGroup: [{ filters: [f('a', 'le', 1), f('b', 'lt', 2), f('c', 'ge', 3), f('d', 'gt', 4)] }] },
    ],
    ['membership', [{ a: { in: [1, 2] }, b: { notIn: ['x'] } }], { filterGroup: [{ filters: [f('a', 'in', [1, 2]), f('b', 'notIn', ['x'])] }] }],
    ['between', [{ a: { between: [1, 9] } }], { filterGroup: [{ filters: [f('a', 'between', [1, 9])] }] }],
    [
      'the string operators',
      [{ a: { contains: 'x' }, b: { notContains: 'y' }, c: { beginsWith: 'z' } }],
      { filterGroup: [{ filters: [f('a', 'contains', 'x'), f('b', 'notContains', 'y'), f('c', 'beginsWith', 'z')] }] },
    ],
    ['containsAny', [{ a: { containsAny: ['x', 'y'] } }], { filterGroup: [{ filters: [f('a', 'containsAny', ['x', 'y'])] }] }],
    ['a boolean value', [{ a: { eq: false } }], { filterGroup: [{ filters: [f('a', 'eq', false)] }] }],
    ['an unknown operator is passed straight through', [{ a: { bogus: 1 } }], { filterGroup: [{ filters: [f('a', 'bogus', 1)] }] }],
    ['not is read as a field name, not a negation', [{ not: { a: { eq: 1 } } }], { filterGroup: [{ filters: [f('not', 'a', { eq: 1 })] }] }],
    ['ignored fields are dropped', [{ a: { eq: 1 }, b: { eq: 2 } }, ['a']], { filterGroup: [{ filters: [f('b', 'eq', 2)] }] }],
    ['an ignored field nested in an and is dropped', [{ a: { eq: 1 }, and: [{ b: { eq: 2 } }] }, ['b']], { filterGroup: [{ filters: [f('a', 'eq', 1)] }] }],
    [
      'rules are added as alternatives',
      [{ a: { eq: 1 } }, [], { r1: { gte: 250 }, r2: { eq: 'p' } }],
      { filterGroup: [{ filters: [f('a', 'eq', 1), f('r1', 'gte', 250)] }, { filters: [f('a', 'eq', 1), f('r2', 'eq', 'p')] }] },
    ],
    ['rules on their own', [{}, [], { r1: { eq: 1 } }], { filterGroup: [{ filters: [f('r1', 'eq', 1)] }] }],
    ['an empty filter produces no group', [{}], { filterGroup: [] }],
    ['a field with no operator produces no group', [{ a: {} }], { filterGroup: [] }],
    ['an empty and produces no group', [{ and: [] }], { filterGroup: [] }],
    ['null cannot be read', [null], null],
    ['no filter at all cannot be read', [], null],
    ['an array cannot be read', [[]], null],
    ['a JSON string is not read as a filter', ['{"a":{"eq":1}}'], null],
  ])('%s', (_name, args, expected) => {
    expect((toSubscriptionFilter as (...a: unknown[]) => unknown)(...args)).toEqual(expected);
  });
});

describe('util.transform.toSubscriptionFilter in the domain', () => {
  test('onNoteChanged: the space of the note, for the members the caller shares it with', () => {
    expect(toSubscriptionFilter({ spaceId: { eq: 's1' }, _deleted: { ne: true } })).toEqual({
      filterGroup: [{ filters: [f('spaceId', 'eq', 's1'), f('_deleted', 'ne', true)] }],
    });
  });
});

// The limits AppSync puts on a subscription filter, as encoded by the lambda-appsync crate
// (JeremieRodon/lambda-appsync, src/subscription_filters.rs): 10 filter groups, 5 filters in a
// group, 5 values for in and notIn, 20 for containsAny.
describe('util.transform.toSubscriptionFilter limits', () => {
  const range = (count: number) => Array.from({ length: count }, (_, index) => index);

  test('ten filter groups are allowed', () => {
    expect(toSubscriptionFilter({ or: range(10).map((index) => ({ n: { eq: index } })) })).toEqual({
      filterGroup: range(10).map((index) => ({ filters: [f('n', 'eq', index)] })),
    });
  });

  test('eleven filter groups are refused', () => {
    expect(() => toSubscriptionFilter({ or: range(11).map((index) => ({ n: { eq: index } })) })).toThrow(
      new SubscriptionFilterLimitError('A subscription filter may have at most 10 filter groups; this one has 11.'),
    );
  });

  test('groups that multiply out past ten are refused', () => {
    expect(() => toSubscriptionFilter({ a: { eq: 1, ne: 2, gt: 3, lt: 4 }, b: { eq: 1, ne: 2, gt: 3 } })).toThrow(
      new SubscriptionFilterLimitError('A subscription filter may have at most 10 filter groups; this one has 12.'),
    );
  });

  test('five filters in a group are allowed, six are refused', () => {
    const fields = (count: number) => Object.fromEntries(range(count).map((index) => [`f${index}`, { eq: index }]));
    expect(toSubscriptionFilter(fields(5))).toEqual({ filterGroup: [{ filters: range(5).map((index) => f(`f${index}`, 'eq', index)) }] });
    expect(() => toSubscriptionFilter(fields(6))).toThrow(new SubscriptionFilterLimitError('A subscription filter group may have at most 5 filters; one has 6.'));
  });

  test('in and notIn take five values, not six', () => {
    expect(toSubscriptionFilter({ role: { in: range(5) } })).toEqual({ filterGroup: [{ filters: [f('role', 'in', range(5))] }] });
    expect(() => toSubscriptionFilter({ role: { notIn: range(6) } })).toThrow(
      new SubscriptionFilterLimitError('The notIn operator takes at most 5 values; the filter on role has 6.'),
    );
  });

  test('containsAny takes twenty values, not twenty-one', () => {
    expect(toSubscriptionFilter({ tags: { containsAny: range(20) } })).toEqual({ filterGroup: [{ filters: [f('tags', 'containsAny', range(20))] }] });
    expect(() => toSubscriptionFilter({ tags: { containsAny: range(21) } })).toThrow(
      new SubscriptionFilterLimitError('The containsAny operator takes at most 20 values; the filter on tags has 21.'),
    );
  });
});
