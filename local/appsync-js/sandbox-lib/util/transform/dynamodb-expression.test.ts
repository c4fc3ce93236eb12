import { createFakeHost } from '../testing/fake-host';
import { createTransformUtil } from './index';

const transform = createTransformUtil(createFakeHost());

const filter = (input: unknown): unknown => {
  const json = transform.toDynamoDBFilterExpression(input);
  return json === null ? null : JSON.parse(json);
};
const condition = (input: unknown): unknown => {
  const json = transform.toDynamoDBConditionExpression(input);
  return json === null ? null : JSON.parse(json);
};

// Every expected value below was recorded from AppSync's EvaluateCode API (APPSYNC_JS 1.0.0) in
// localstack/appsync-utils: __tests__/transform.test.js and __tests__/__snapshots__/transform.test.js.snap.
describe('util.transform.toDynamoDBFilterExpression, as AppSync evaluates it', () => {
  test('answers a JSON string with the expression, then the names, then the values', () => {
    expect(transform.toDynamoDBFilterExpression({ content: { contains: 'foo' } })).toBe(
      '{"expression":"(contains(#content,:content_contains))","expressionNames":{"#content":"content"},"expressionValues":{":content_contains":{"S":"foo"}}}',
    );
  });

  test('a condition expression is a JSON string of the same shape', () => {
    expect(transform.toDynamoDBConditionExpression({ and: [{ id: { attributeExists: false } }] })).toBe(
      '{"expression":"(attribute_not_exists(#id))","expressionNames":{"#id":"id"},"expressionValues":{}}',
    );
  });

  const v = { '#v': 'v' };
  test.each<[string, unknown, unknown]>([
    ['eq', { v: { eq: 'x' } }, { expression: '(#v = :v_eq)', expressionNames: v, expressionValues: { ':v_eq': { S: 'x' } } }],
    ['ne', { v: { ne: 'x' } }, { expression: '(#v <> :v_ne)', expressionNames: v, expressionValues: { ':v_ne': { S: 'x' } } }],
    ['lt', { v: { lt: 'x' } }, { expression: '(#v < :v_lt)', expressionNames: v, expressionValues: { ':v_lt': { S: 'x' } } }],
    ['le', { v: { le: 'x' } }, { expression: '(#v <= :v_le)', expressionNames: v, expressionValues: { ':v_le': { S: 'x' } } }],
    ['gt', { v: { gt: 'x' } }, { expression: '(#v > :v_gt)', expressionNames: v, expressionValues: { ':v_gt': { S: 'x' } } }],
    ['ge', { v: { ge: 'x' } }, { expression: '(#v >= :v_ge)', expressionNames: v, expressionValues: { ':v_ge': { S: 'x' } } }],
    ['a number keeps its numeric type', { v: { eq: 10 } }, { expression: '(#v = :v_eq)', expressionNames: v, expressionValues: { ':v_eq': { N: 10 } } }],
    ['a fractional number', { v: { eq: 1.5 } }, { expression: '(#v = :v_eq)', expressionNames: v, expressionValues: { ':v_eq': { N: 1.5 } } }],
    ['a boolean', { v: { eq: true } }, { expression: '(#v = :v_eq)', expressionNames: v, expressionValues: { ':v_eq': { BOOL: true } } }],
    ['null', { v: { eq: null } }, { expression: '(#v = :v_eq)', expressionNames: v, expressionValues: { ':v_eq': { NULL: null } } }],
    ['an object', { v: { eq: { a: 1 } } }, { expression: '(#v = :v_eq)', expressionNames: v, expressionValues: { ':v_eq': { M: { a: { N: 1 } } } } }],
    ['a list', { v: { eq: [1, 2] } }, { expression: '(#v = :v_eq)', expressionNames: v, expressionValues: { ':v_eq': { L: [{ N: 1 }, { N: 2 }] } } }],
    ['contains leaves no space after the comma', { v: { contains: 'x' } }, { expression: '(contains(#v,:v_contains))', expressionNames: v, expressionValues: { ':v_contains': { S: 'x' } } }],
    ['notContains', { v: { notContains: 'x' } }, { expression: '(NOT contains(#v,:v_notContains))', expressionNames: v, expressionValues: { ':v_notContains': { S: 'x' } } }],
    ['beginsWith', { v: { beginsWith: 'x' } }, { expression: '(begins_with(#v,:v_beginsWith))', expressionNames: v, expressionValues: { ':v_beginsWith': { S: 'x' } } }],
    [
      'between names its bounds start and end',
      { v: { between: ['1', '9'] } },
      { expression: '(#v BETWEEN :v_between_start AND :v_between_end)', expressionNames: v, expressionValues: { ':v_between_start': { S: '1' }, ':v_between_end': { S: '9' } } },
    ],
    [
      'between with numeric bounds',
      { v: { between: [1, 9] } },
      { expression: '(#v BETWEEN :v_between_start AND :v_between_end)', expressionNames: v, expressionValues: { ':v_between_start': { N: 1 }, ':v_between_end': { N: 9 } } },
    ],
    [
      'between ignores anything past the second bound',
      { v: { between: ['1', '9', '3'] } },
      { expression: '(#v BETWEEN :v_between_start AND :v_between_end)', expressionNames: v, expressionValues: { ':v_between_start': { S: '1' }, ':v_between_end': { S: '9' } } },
    ],
    [
      'in separates its values with a comma and a space',
      { v: { in: ['a', 'b'] } },
      { expression: '(#v IN (:v_in_0, :v_in_1))', expressionNames: v, expressionValues: { ':v_in_0': { S: 'a' }, ':v_in_1': { S: 'b' } } },
    ],
    ['in with a single value', { v: { in: ['a'] } }, { expression: '(#v IN (:v_in_0))', expressionNames: v, expressionValues: { ':v_in_0': { S: 'a' } } }],
    ['attributeExists true', { v: { attributeExists: true } }, { expression: '(attribute_exists(#v))', expressionNames: v, expressionValues: {} }],
    ['attributeExists false', { v: { attributeExists: false } }, { expression: '(attribute_not_exists(#v))', expressionNames: v, expressionValues: {} }],
    [
      'every attributeType name becomes its DynamoDB type code',
      {
        a: { attributeType: '_null' },
        b: { attributeType: 'string' },
        c: { attributeType: 'stringSet' },
        d: { attributeType: 'number' },
        e: { attributeType: 'numberSet' },
        f: { attributeType: 'binary' },
        g: { attributeType: 'binarySet' },
        h: { attributeType: 'boolean' },
        i: { attributeType: 'list' },
        j: { attributeType: 'map' },
      },
      {
        expression:
          '(attribute_type(#a,:a_attributeType)) AND (attribute_type(#b,:b_attributeType)) AND (attribute_type(#c,:c_attributeType)) AND (attribute_type(#d,:d_attributeType)) AND (attribute_type(#e,:e_attributeType)) AND (attribute_type(#f,:f_attributeType)) AND (attribute_type(#g,:g_attributeType)) AND (attribute_type(#h,:h_attributeType)) AND (attribute_type(#i,:i_attributeType)) AND (attribute_type(#j,:j_attributeType))',
        expressionNames: { '#a': 'a', '#b': 'b', '#c': 'c', '#d': 'd', '#e': 'e', '#f': 'f', '#g': 'g', '#h': 'h', '#i': 'i', '#j': 'j' },
        expressionValues: {
          ':a_attributeType': { S: 'NULL' },
          ':b_attributeType': { S: 'S' },
          ':c_attributeType': { S: 'SS' },
          ':d_attributeType': { S: 'N' },
          ':e_attributeType': { S: 'NS' },
          ':f_attributeType': { S: 'B' },
          ':g_attributeType': { S: 'BS' },
          ':h_attributeType': { S: 'BOOL' },
          ':i_attributeType': { S: 'L' },
          ':j_attributeType': { S: 'M' },
        },
      },
    ],
    ['size compares the size of the attribute', { v: { size: { gt: 2 } } }, { expression: '(size(#v) > :v_size_gt)', expressionNames: v, expressionValues: { ':v_size_gt': { N: 2 } } }],
    [
      'size combines with a range',
      { v: { size: { between: [1, 3] } } },
      { expression: '(size(#v) BETWEEN :v_size_between_start AND :v_size_between_end)', expressionNames: v, expressionValues: { ':v_size_between_start': { N: 1 }, ':v_size_between_end': { N: 3 } } },
    ],
    ['size combines with a function', { v: { size: { contains: 'x' } } }, { expression: '(contains(size(#v),:v_size_contains))', expressionNames: v, expressionValues: { ':v_size_contains': { S: 'x' } } }],
    ['size combines with attributeExists', { v: { size: { attributeExists: true } } }, { expression: '(attribute_exists(size(#v)))', expressionNames: v, expressionValues: {} }],
    [
      'two comparisons on one size',
      { v: { size: { gt: 2, lt: 5 } } },
      { expression: '((size(#v) > :v_size_gt) AND (size(#v) < :v_size_lt))', expressionNames: v, expressionValues: { ':v_size_gt': { N: 2 }, ':v_size_lt': { N: 5 } } },
    ],
    [
      'a size nested in a size names the value again without nesting the call',
      { v: { size: { size: { gt: 1 } } } },
      { expression: '(size(#v) > :v_size_size_gt)', expressionNames: v, expressionValues: { ':v_size_size_gt': { N: 1 } } },
    ],
    [
      'two fields at the top level are joined without being wrapped',
      { a: { eq: 1 }, b: { eq: 2 } },
      { expression: '(#a = :a_eq) AND (#b = :b_eq)', expressionNames: { '#a': 'a', '#b': 'b' }, expressionValues: { ':a_eq': { N: 1 }, ':b_eq': { N: 2 } } },
    ],
    [
      'a field carrying two operators is wrapped',
      { v: { ge: 1, le: 5 } },
      { expression: '((#v >= :v_ge) AND (#v <= :v_le))', expressionNames: v, expressionValues: { ':v_ge': { N: 1 }, ':v_le': { N: 5 } } },
    ],
    ['an and of one member is not wrapped', { and: [{ a: { eq: 1 } }] }, { expression: '(#a = :and_0_a_eq)', expressionNames: { '#a': 'a' }, expressionValues: { ':and_0_a_eq': { N: 1 } } }],
    [
      'an and of two members is wrapped',
      { and: [{ a: { eq: 1 } }, { b: { eq: 2 } }] },
      { expression: '((#a = :and_0_a_eq) AND (#b = :and_1_b_eq))', expressionNames: { '#a': 'a', '#b': 'b' }, expressionValues: { ':and_0_a_eq': { N: 1 }, ':and_1_b_eq': { N: 2 } } },
    ],
    [
      'an or of two members',
      { or: [{ a: { eq: 1 } }, { b: { eq: 2 } }] },
      { expression: '((#a = :or_0_a_eq) OR (#b = :or_1_b_eq))', expressionNames: { '#a': 'a', '#b': 'b' }, expressionValues: { ':or_0_a_eq': { N: 1 }, ':or_1_b_eq': { N: 2 } } },
    ],
    ['not of a single comparison', { not: { a: { eq: 1 } } }, { expression: '(NOT (#a = :not_a_eq))', expressionNames: { '#a': 'a' }, expressionValues: { ':not_a_eq': { N: 1 } } }],
    [
      'not of a group',
      { not: { and: [{ a: { eq: 1 } }, { b: { eq: 2 } }] } },
      {
        expression: '(NOT ((#a = :not_and_0_a_eq) AND (#b = :not_and_1_b_eq)))',
        expressionNames: { '#a': 'a', '#b': 'b' },
        expressionValues: { ':not_and_0_a_eq': { N: 1 }, ':not_and_1_b_eq': { N: 2 } },
      },
    ],
    ['not of a not', { not: { not: { a: { eq: 1 } } } }, { expression: '(NOT (NOT (#a = :not_not_a_eq)))', expressionNames: { '#a': 'a' }, expressionValues: { ':not_not_a_eq': { N: 1 } } }],
    [
      'not inside an and',
      { and: [{ not: { a: { eq: 1 } } }, { b: { eq: 2 } }] },
      { expression: '((NOT (#a = :and_0_not_a_eq)) AND (#b = :and_1_b_eq))', expressionNames: { '#a': 'a', '#b': 'b' }, expressionValues: { ':and_0_not_a_eq': { N: 1 }, ':and_1_b_eq': { N: 2 } } },
    ],
    [
      'an and inside an or',
      { or: [{ and: [{ a: { eq: 1 } }, { b: { eq: 2 } }] }, { c: { eq: 3 } }] },
      {
        expression: '(((#a = :or_0_and_0_a_eq) AND (#b = :or_0_and_1_b_eq)) OR (#c = :or_1_c_eq))',
        expressionNames: { '#a': 'a', '#b': 'b', '#c': 'c' },
        expressionValues: { ':or_0_and_0_a_eq': { N: 1 }, ':or_0_and_1_b_eq': { N: 2 }, ':or_1_c_eq': { N: 3 } },
      },
    ],
    [
      'an or inside an and',
      { and: [{ or: [{ a: { eq: 1 } }, { b: { eq: 2 } }] }, { c: { eq: 3 } }] },
      {
        expression: '(((#a = :and_0_or_0_a_eq) OR (#b = :and_0_or_1_b_eq)) AND (#c = :and_1_c_eq))',
        expressionNames: { '#a': 'a', '#b': 'b', '#c': 'c' },
        expressionValues: { ':and_0_or_0_a_eq': { N: 1 }, ':and_0_or_1_b_eq': { N: 2 }, ':and_1_c_eq': { N: 3 } },
      },
    ],
    [
      'value names carry every level of the nesting',
      { and: [{ or: [{ and: [{ a: { eq: 1 } }] }] }] },
      { expression: '(#a = :and_0_or_0_and_0_a_eq)', expressionNames: { '#a': 'a' }, expressionValues: { ':and_0_or_0_and_0_a_eq': { N: 1 } } },
    ],
    [
      'a field beside a group',
      { a: { eq: 1 }, and: [{ b: { eq: 2 } }] },
      { expression: '(#a = :a_eq) AND (#b = :and_0_b_eq)', expressionNames: { '#a': 'a', '#b': 'b' }, expressionValues: { ':a_eq': { N: 1 }, ':and_0_b_eq': { N: 2 } } },
    ],
    ['a field name is used verbatim, dots included', { 'a.b': { eq: 1 } }, { expression: '(#a.b = :a.b_eq)', expressionNames: { '#a.b': 'a.b' }, expressionValues: { ':a.b_eq': { N: 1 } } }],
    ['an empty filter', {}, { expression: '', expressionNames: {}, expressionValues: {} }],
    ['an empty group', { and: [] }, { expression: '', expressionNames: {}, expressionValues: {} }],
    ['a field without operators keeps its name', { v: {} }, { expression: '', expressionNames: v, expressionValues: {} }],
    ['a size without operators keeps the name of its field', { v: { size: {} } }, { expression: '', expressionNames: v, expressionValues: {} }],
    ['not of an empty filter', { not: {} }, { expression: '(NOT )', expressionNames: {}, expressionValues: {} }],
    ['an empty list of values', { v: { in: [] } }, { expression: '(null)', expressionNames: v, expressionValues: {} }],
    [
      'an empty field beside a comparison leaves a dangling joiner',
      { a: { eq: 1 }, b: {} },
      { expression: '(#a = :a_eq) AND ', expressionNames: { '#a': 'a', '#b': 'b' }, expressionValues: { ':a_eq': { N: 1 } } },
    ],
    [
      'an empty member of a group leaves a dangling joiner',
      { and: [{ a: { eq: 1 } }, {}] },
      { expression: '((#a = :and_0_a_eq) AND )', expressionNames: { '#a': 'a' }, expressionValues: { ':and_0_a_eq': { N: 1 } } },
    ],
    [
      'the list filter Amplify generates for a prefix or a range',
      { or: [{ content: { beginsWith: 'a' } }, { id: { between: ['1', '9'] } }] },
      {
        expression: '((begins_with(#content,:or_0_content_beginsWith)) OR (#id BETWEEN :or_1_id_between_start AND :or_1_id_between_end))',
        expressionNames: { '#content': 'content', '#id': 'id' },
        expressionValues: { ':or_0_content_beginsWith': { S: 'a' }, ':or_1_id_between_start': { S: '1' }, ':or_1_id_between_end': { S: '9' } },
      },
    ],
  ])('%s', (_name, input, expected) => {
    expect(filter(input)).toEqual(expected);
  });

  test.each<[string, unknown]>([
    ['no filter at all', undefined],
    ['null', null],
    ['an array', []],
    ['a string', 'string'],
    ['an unknown operator', { v: { foo: 1 } }],
    ['a field holding a value instead of operators', { v: 'x' }],
    ['a field nested in a field', { a: { b: { eq: 1 } } }],
    ['an and given a map instead of a list', { and: { a: { eq: 1 } } }],
    ['an and given null', { and: null }],
    ['a group holding a null member', { and: [{ a: { eq: 1 } }, null] }],
    ['a not given a list', { not: [{ a: { eq: 1 } }] }],
    ['a range with a single bound', { v: { between: [1] } }],
    ['a range that is not a list', { v: { between: 'x' } }],
    ['a list of values that is not a list', { v: { in: 'x' } }],
    ['attributeExists given something other than a boolean', { v: { attributeExists: 'yes' } }],
    ['attributeType given a type code instead of a type name', { v: { attributeType: 'S' } }],
    ['attributeType given an unknown name', { v: { attributeType: 'bogus' } }],
    ['size given a value instead of operators', { v: { size: 3 } }],
  ])('answers null, not an error, for a filter it cannot render: %s', (_name, input) => {
    expect(transform.toDynamoDBFilterExpression(input)).toBeNull();
  });
});

describe('util.transform.toDynamoDBConditionExpression, as AppSync evaluates it', () => {
  test.each<[string, unknown, unknown]>([
    ['the condition guarding a create', { and: [{ id: { attributeExists: false } }] }, { expression: '(attribute_not_exists(#id))', expressionNames: { '#id': 'id' }, expressionValues: {} }],
    [
      'the condition guarding an update',
      { and: [{ id: { attributeExists: true } }, { _version: { eq: 1 } }] },
      { expression: '((attribute_exists(#id)) AND (#_version = :and_1__version_eq))', expressionNames: { '#id': 'id', '#_version': '_version' }, expressionValues: { ':and_1__version_eq': { N: 1 } } },
    ],
    [
      'a negated range',
      { not: { id: { between: ['1', '9'] } } },
      {
        expression: '(NOT (#id BETWEEN :not_id_between_start AND :not_id_between_end))',
        expressionNames: { '#id': 'id' },
        expressionValues: { ':not_id_between_start': { S: '1' }, ':not_id_between_end': { S: '9' } },
      },
    ],
    [
      'a group of two members',
      { and: [{ content: { eq: 'x' } }, { version: { attributeExists: true } }] },
      { expression: '((#content = :and_0_content_eq) AND (attribute_exists(#version)))', expressionNames: { '#content': 'content', '#version': 'version' }, expressionValues: { ':and_0_content_eq': { S: 'x' } } },
    ],
  ])('%s', (_name, input, expected) => {
    expect(condition(input)).toEqual(expected);
  });

  test('renders exactly as the filter expression does', () => {
    const input = { and: [{ spaceId: { eq: 's1' } }, { or: [{ role: { eq: 'OWNER' } }, { role: { eq: 'EDITOR' } }] }] };
    expect(transform.toDynamoDBConditionExpression(input)).toBe(transform.toDynamoDBFilterExpression(input));
  });
});

describe('util.transform DynamoDB expressions beyond the recorded cases', () => {
  test('operators whose value is undefined are absent, as they are once the value is JSON', () => {
    expect(filter({ title: { eq: 'x', ne: undefined }, body: undefined })).toEqual({
      expression: '(#title = :title_eq)',
      expressionNames: { '#title': 'title' },
      expressionValues: { ':title_eq': { S: 'x' } },
    });
  });

  test('an inherited property name is not an operator', () => {
    expect(transform.toDynamoDBFilterExpression({ v: { toString: 'x' } })).toBeNull();
  });

  test('a group member with two fields is parenthesised so the group keeps its meaning', () => {
    expect(filter({ or: [{ a: { eq: 1 }, b: { eq: 2 } }, { c: { eq: 3 } }] })).toEqual({
      expression: '(((#a = :or_0_a_eq) AND (#b = :or_0_b_eq)) OR (#c = :or_1_c_eq))',
      expressionNames: { '#a': 'a', '#b': 'b', '#c': 'c' },
      expressionValues: { ':or_0_a_eq': { N: 1 }, ':or_0_b_eq': { N: 2 }, ':or_1_c_eq': { N: 3 } },
    });
  });
});
