import { createFakeHost } from '../testing/fake-host';
import { thrown } from '../testing/thrown';
import { createDynamoDbUtil } from './index';
import { S3ObjectJsonError } from './s3-object';

const dynamodb = createDynamoDbUtil(createFakeHost());

// Outputs recorded from AppSync's EvaluateCode API (APPSYNC_JS 1.0.0) in localstack/appsync-utils,
// __tests__/index.test.js and __tests__/__snapshots__/index.test.js.snap. Numbers stay JSON numbers.
describe('util.dynamodb, as AppSync evaluates it', () => {
  test.each([
    ['toDynamoDB of a string', () => dynamodb.toDynamoDB('test'), { S: 'test' }],
    ['toDynamoDB of a number', () => dynamodb.toDynamoDB(12345), { N: 12345 }],
    ['toDynamoDB of a boolean', () => dynamodb.toDynamoDB(true), { BOOL: true }],
    ['toString', () => dynamodb.toString('test'), { S: 'test' }],
    ['toStringSet', () => dynamodb.toStringSet(['foo', 'bar', 'baz']), { SS: ['foo', 'bar', 'baz'] }],
    ['toNumber', () => dynamodb.toNumber(12345), { N: 12345 }],
    ['toNumberSet', () => dynamodb.toNumberSet([1, 23, 4.56]), { NS: [1, 23, 4.56] }],
    ['toBinary', () => dynamodb.toBinary('foo'), { B: 'foo' }],
    ['toBinarySet', () => dynamodb.toBinarySet(['foo', 'bar', 'baz']), { BS: ['foo', 'bar', 'baz'] }],
    ['toBoolean', () => dynamodb.toBoolean(true), { BOOL: true }],
    ['toNull', () => dynamodb.toNull(), { NULL: null }],
    ['toList', () => dynamodb.toList(['foo', 123, { bar: 'baz' }]), { L: [{ S: 'foo' }, { N: 123 }, { M: { bar: { S: 'baz' } } }] }],
    [
      'toMap',
      () => dynamodb.toMap({ foo: 'bar', baz: 1234, beep: ['boop'] }),
      { M: { foo: { S: 'bar' }, baz: { N: 1234 }, beep: { L: [{ S: 'boop' }] } } },
    ],
    [
      'toMapValues',
      () => dynamodb.toMapValues({ foo: 'bar', baz: 1234, beep: ['boop'] }),
      { foo: { S: 'bar' }, baz: { N: 1234 }, beep: { L: [{ S: 'boop' }] } },
    ],
    ['toS3Object with key, bucket and region', () => dynamodb.toS3Object('foo', 'bar', 'baz'), { S: '{"s3":{"key":"foo","bucket":"bar","region":"baz"}}' }],
    [
      'toS3Object with a version',
      () => dynamodb.toS3Object('foo', 'bar', 'baz', 'beep'),
      { S: '{"s3":{"key":"foo","bucket":"bar","region":"baz","version":"beep"}}' },
    ],
  ])('%s', (_name, call, expected) => {
    expect(call()).toEqual(expected);
  });
});

describe('util.dynamodb conversions', () => {
  test('toDynamoDB converts every JSON type, nested, and never infers a set', () => {
    expect(
      dynamodb.toDynamoDB({ title: 'Field notes', pinned: false, archivedAt: null, tags: ['a', 'b'], checklist: [{ text: 'x', done: true, order: 1.5 }] }),
    ).toEqual({
      M: {
        title: { S: 'Field notes' },
        pinned: { BOOL: false },
        archivedAt: { NULL: null },
        tags: { L: [{ S: 'a' }, { S: 'b' }] },
        checklist: { L: [{ M: { text: { S: 'x' }, done: { BOOL: true }, order: { N: 1.5 } } }] },
      },
    });
  });

  test('properties holding undefined are left out, as they would be in JSON', () => {
    expect(dynamodb.toMapValues({ id: 'n1', body: undefined })).toEqual({ id: { S: 'n1' } });
  });

  test('list elements that are undefined become NULL, as JSON makes them null', () => {
    expect(dynamodb.toList(['a', undefined])).toEqual({ L: [{ S: 'a' }, { NULL: null }] });
  });

  test('the typed helpers give null for a missing value', () => {
    expect([
      dynamodb.toString(null),
      dynamodb.toString(undefined),
      dynamodb.toStringSet(null),
      dynamodb.toNumber(undefined),
      dynamodb.toNumberSet(null),
      dynamodb.toBinary(null),
      dynamodb.toBinarySet(undefined),
      dynamodb.toBoolean(null),
      dynamodb.toDynamoDB(undefined),
    ]).toEqual([null, null, null, null, null, null, null, null, null]);
  });

  test('toList, toMap and toMapValues give null for a value of the wrong shape', () => {
    expect([dynamodb.toList('x'), dynamodb.toMap(['x']), dynamodb.toMapValues(null), dynamodb.toMap('x')]).toEqual([null, null, null, null]);
  });

  test('toMapValues(obj) is toMap(obj).M', () => {
    const note = { id: 'n1', version: 3, tags: ['x'] };
    expect(dynamodb.toMapValues(note)).toEqual(dynamodb.toMap(note)?.M);
  });
});

describe('util.dynamodb.fromS3ObjectJson', () => {
  // https://docs.aws.amazon.com/appsync/latest/devguide/dynamodb-helpers-in-util-dynamodb-js.html:
  // "Accepts the string value of a DynamoDB S3 Object and returns a map that contains the key,
  // bucket, region, and optional version."
  test('reads back what toS3Object wrote', () => {
    expect(dynamodb.fromS3ObjectJson(dynamodb.toS3Object('avatars/u1.png', 'outpost-media', 'eu-west-1').S)).toEqual({
      key: 'avatars/u1.png',
      bucket: 'outpost-media',
      region: 'eu-west-1',
    });
  });

  test('keeps the version', () => {
    expect(dynamodb.fromS3ObjectJson('{ "s3" : { "key" : "foo", "bucket" : "bar", "region" : "baz", "version" : "beep" } }')).toEqual({
      key: 'foo',
      bucket: 'bar',
      region: 'baz',
      version: 'beep',
    });
  });

  test('rejects a string that is not JSON, keeping the parse error as the cause', () => {
    const error = thrown(() => dynamodb.fromS3ObjectJson('not json'));
    expect(error).toBeInstanceOf(S3ObjectJsonError);
    expect(error).toEqual(new S3ObjectJsonError('fromS3ObjectJson expects the JSON string of an S3 object, received "not json"'));
    expect((error as S3ObjectJsonError).cause).toBeInstanceOf(SyntaxError);
  });

  test('rejects JSON that is not an S3 object', () => {
    expect(() => dynamodb.fromS3ObjectJson('{"s3":{"key":"foo"}}')).toThrow(
      new S3ObjectJsonError('fromS3ObjectJson expects { "s3": { "key", "bucket", "region" } }, received {"s3":{"key":"foo"}}'),
    );
  });
});
