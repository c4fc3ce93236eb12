// The operators and the OR/AND logic follow "Enhanced subscription filtering"
// (https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-real-time-enhanced-filtering.html)
// and the filterJsonObject argument of the extensions reference
// (https://docs.aws.amazon.com/appsync/latest/devguide/extensions-js.html).
import {
  InvalidSubscriptionFilterError,
  matchesSubscriptionFilter,
  parseSubscriptionFilter,
  type FilterOperator,
} from './subscription-filter';

const ticket = {
  id: 't1',
  severity: 7,
  priority: 'high',
  group: 'admin',
  content: 'The printer is on fire',
  tags: ['hardware', 'urgent'],
  author: { id: 'u1', team: { name: 'ops' } },
  closedAt: null,
};

function single(fieldName: string, operator: FilterOperator, value: unknown) {
  return parseSubscriptionFilter({ filterGroup: [{ filters: [{ fieldName, operator, value }] }] });
}

describe('matchesSubscriptionFilter, one filter per operator', () => {
  const rows: readonly [string, FilterOperator, unknown, boolean][] = [
    ['severity', 'eq', 7, true],
    ['severity', 'eq', 8, false],
    ['priority', 'eq', 'high', true],
    ['closedAt', 'eq', null, true],
    ['missing', 'eq', null, true],
    ['severity', 'ne', 8, true],
    ['severity', 'ne', 7, false],
    ['severity', 'le', 7, true],
    ['severity', 'le', 6, false],
    ['severity', 'lt', 8, true],
    ['severity', 'lt', 7, false],
    ['severity', 'ge', 7, true],
    ['severity', 'ge', 8, false],
    ['severity', 'gt', 6, true],
    ['severity', 'gt', 7, false],
    ['priority', 'gt', 'a', true],
    ['severity', 'gt', '6', false],
    ['content', 'contains', 'printer', true],
    ['content', 'contains', 'scanner', false],
    ['tags', 'contains', 'urgent', true],
    ['tags', 'contains', 'software', false],
    ['severity', 'contains', 7, false],
    ['content', 'notContains', 'scanner', true],
    ['tags', 'notContains', 'urgent', false],
    ['content', 'beginsWith', 'The', true],
    ['content', 'beginsWith', 'printer', false],
    ['priority', 'in', ['high', 'highest'], true],
    ['priority', 'in', ['low'], false],
    ['priority', 'notIn', ['low', 'lowest'], true],
    ['priority', 'notIn', ['high'], false],
    ['severity', 'between', [5, 7], true],
    ['severity', 'between', [7, 9], true],
    ['severity', 'between', [8, 9], false],
    ['tags', 'containsAny', ['software', 'urgent'], true],
    ['tags', 'containsAny', ['software', 'network'], false],
    ['priority', 'containsAny', ['high'], false],
    ['author.id', 'eq', 'u1', true],
    ['author.team.name', 'beginsWith', 'op', true],
    ['author.team.size', 'gt', 1, false],
  ];

  it.each(rows)('%s %s %j is %s', (fieldName, operator, value, expected) => {
    expect(matchesSubscriptionFilter(single(fieldName, operator, value), ticket)).toBe(expected);
  });
});

describe('matchesSubscriptionFilter, groups', () => {
  // The documentation's example: `userId eq 1` OR `group in [Admin, Developer]`.
  const either = parseSubscriptionFilter({
    filterGroup: [
      { filters: [{ fieldName: 'userId', operator: 'eq', value: 1 }] },
      { filters: [{ fieldName: 'group', operator: 'in', value: ['Admin', 'Developer'] }] },
    ],
  });
  const both = parseSubscriptionFilter({
    filterGroup: [
      {
        filters: [
          { fieldName: 'userId', operator: 'eq', value: 1 },
          { fieldName: 'group', operator: 'in', value: ['Admin', 'Developer'] },
        ],
      },
    ],
  });
  const rows: readonly [string, object, boolean, boolean][] = [
    ['both hold', { userId: 1, group: 'Admin' }, true, true],
    ['only the first holds', { userId: 1, group: 'Guest' }, true, false],
    ['only the second holds', { userId: 2, group: 'Developer' }, true, false],
    ['neither holds', { userId: 2, group: 'Guest' }, false, false],
  ];

  it.each(rows)('%s', (_name, payload, orExpected, andExpected) => {
    expect([matchesSubscriptionFilter(either, payload), matchesSubscriptionFilter(both, payload)]).toEqual([orExpected, andExpected]);
  });

  it('an empty filterGroup lets nothing through', () => {
    expect(matchesSubscriptionFilter(parseSubscriptionFilter({ filterGroup: [] }), ticket)).toBe(false);
  });
});

describe('parseSubscriptionFilter', () => {
  it('returns the filter typed', () => {
    expect(parseSubscriptionFilter({ filterGroup: [{ filters: [{ fieldName: 'a.b', operator: 'eq', value: 1 }] }] })).toEqual({
      filterGroup: [{ filters: [{ fieldName: 'a.b', operator: 'eq', value: 1 }] }],
    });
  });

  const rejected: readonly [string, unknown, string][] = [
    ['no filterGroup', {}, 'A subscription filter must be an object with a filterGroup array.'],
    ['a group without filters', { filterGroup: [{}] }, 'filterGroup[0] must be an object with a filters array.'],
    ['a filter without operator', { filterGroup: [{ filters: [{ fieldName: 'a' }] }] }, 'Each filter needs a string fieldName and operator.'],
    ['an unknown operator', { filterGroup: [{ filters: [{ fieldName: 'a', operator: 'like', value: 'x' }] }] }, `Unknown filter operator 'like' for field 'a'.`],
    ['six levels of nesting', { filterGroup: [{ filters: [{ fieldName: 'a.b.c.d.e.f', operator: 'eq', value: 1 }] }] }, `Field 'a.b.c.d.e.f' is nested deeper than 5 levels.`],
    ['in with six values', { filterGroup: [{ filters: [{ fieldName: 'a', operator: 'in', value: [1, 2, 3, 4, 5, 6] }] }] }, `Operator 'in' takes an array of at most 5 values.`],
    ['notIn with a scalar', { filterGroup: [{ filters: [{ fieldName: 'a', operator: 'notIn', value: 1 }] }] }, `Operator 'notIn' takes an array of at most 5 values.`],
    [
      'containsAny with 21 values',
      { filterGroup: [{ filters: [{ fieldName: 'a', operator: 'containsAny', value: Array.from({ length: 21 }, (_, i) => i) }] }] },
      `Operator 'containsAny' takes an array of at most 20 values.`,
    ],
    ['between with one bound', { filterGroup: [{ filters: [{ fieldName: 'a', operator: 'between', value: [1] }] }] }, `Operator 'between' takes an array of two values.`],
  ];

  it.each(rejected)('rejects %s', (_name, input, message) => {
    expect(() => parseSubscriptionFilter(input)).toThrow(new InvalidSubscriptionFilterError(message));
  });
});
