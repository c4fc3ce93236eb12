// Pattern × record → match, as whole tables. Operators and examples are those of
// https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html#filtering-syntax;
// DynamoDB records are filtered in their Lambda event shape
// (https://docs.aws.amazon.com/lambda/latest/dg/with-ddb-filtering.html), and the TTL filter is the one
// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/time-to-live-ttl-streams.html documents.
import { compileFilterCriteria, compileFilterPattern, FilterPatternError } from './filter-pattern';

function table(patterns: Record<string, unknown>, events: Record<string, unknown>): Record<string, Record<string, boolean>> {
  return Object.fromEntries(
    Object.entries(patterns).map(([patternName, pattern]) => {
      const matches = compileFilterPattern(JSON.stringify(pattern));
      return [patternName, Object.fromEntries(Object.entries(events).map(([eventName, event]) => [eventName, matches(event)]))];
    }),
  );
}

describe('the operators of the Lambda filter rule syntax table', () => {
  const events = {
    alice: { UserID: null, LastName: '', Name: 'Alice', Location: 'New York', Day: 'Monday', Weather: 'Sunny', Price: 100, ProductName: 'Kettle', Region: 'us-east-1', FileName: 'photo.png' },
    bob: { UserID: 'u-2', LastName: 'Builder', Name: 'ALICE', Location: 'Paris', Day: 'Monday', Weather: 'Raining', Price: 15, Region: 'eu-west-1', FileName: 'notes.txt' },
    empty: {},
  };
  const patterns = {
    null: { UserID: [null] },
    empty: { LastName: [''] },
    equals: { Name: ['Alice'] },
    equalsIgnoreCase: { Name: [{ 'equals-ignore-case': 'alice' }] },
    and: { Location: ['New York'], Day: ['Monday'] },
    or: { Location: ['Paris', 'Rome'] },
    orMultipleFields: { $or: [{ Location: ['New York'] }, { Day: ['Monday'] }] },
    not: { Weather: [{ 'anything-but': ['Raining'] }] },
    numericEquals: { Price: [{ numeric: ['=', 100] }] },
    numericRange: { Price: [{ numeric: ['>', 10, '<=', 20] }] },
    exists: { ProductName: [{ exists: true }] },
    doesNotExist: { ProductName: [{ exists: false }] },
    beginsWith: { Region: [{ prefix: 'us-' }] },
    beginsWithIgnoreCase: { Region: [{ prefix: { 'equals-ignore-case': 'EU-' } }] },
    endsWith: { FileName: [{ suffix: '.png' }] },
    anythingButPrefix: { Region: [{ 'anything-but': { prefix: 'us-' } }] },
  };

  it('matches each documented example', () => {
    expect(table(patterns, events)).toEqual({
      null: { alice: true, bob: false, empty: false },
      empty: { alice: true, bob: false, empty: false },
      equals: { alice: true, bob: false, empty: false },
      equalsIgnoreCase: { alice: true, bob: true, empty: false },
      and: { alice: true, bob: false, empty: false },
      or: { alice: false, bob: true, empty: false },
      orMultipleFields: { alice: true, bob: true, empty: false },
      not: { alice: true, bob: false, empty: false },
      numericEquals: { alice: true, bob: false, empty: false },
      numericRange: { alice: false, bob: true, empty: false },
      exists: { alice: true, bob: false, empty: false },
      doesNotExist: { alice: false, bob: true, empty: true },
      beginsWith: { alice: true, bob: false, empty: false },
      beginsWithIgnoreCase: { alice: false, bob: true, empty: false },
      endsWith: { alice: true, bob: false, empty: false },
      anythingButPrefix: { alice: false, bob: true, empty: false },
    });
  });
});

describe('patterns on DynamoDB stream records', () => {
  const keys = { id: { S: 'n1' } };
  const records = {
    insert: {
      eventName: 'INSERT',
      dynamodb: { Keys: keys, NewImage: { ...keys, title: { S: 'Field day' }, tags: { L: [{ S: 'work' }, { S: 'Urgent' }] }, priority: { N: '3' } }, SizeBytes: 52 },
    },
    modify: {
      eventName: 'MODIFY',
      dynamodb: { Keys: keys, NewImage: { ...keys, title: { S: 'Field day (edited)' }, archived: { BOOL: true } }, OldImage: { ...keys, title: { S: 'Field day' } }, SizeBytes: 75 },
    },
    remove: { eventName: 'REMOVE', dynamodb: { Keys: keys, OldImage: { ...keys, title: { S: 'Field day (edited)' } }, SizeBytes: 40 } },
    ttlRemove: {
      eventName: 'REMOVE',
      userIdentity: { type: 'Service', principalId: 'dynamodb.amazonaws.com' },
      dynamodb: { Keys: { id: { S: 'u1' } }, OldImage: { id: { S: 'u1' }, expiresAt: { N: '1767225600' } }, SizeBytes: 30 },
    },
  };
  const patterns = {
    inserts: { eventName: ['INSERT'] },
    writes: { eventName: ['INSERT', 'MODIFY'] },
    notRemoves: { eventName: [{ 'anything-but': 'REMOVE' }] },
    ttlDeletes: { userIdentity: { type: ['Service'], principalId: ['dynamodb.amazonaws.com'] } },
    notTtl: { userIdentity: { type: [{ exists: false }] } },
    titlePrefix: { dynamodb: { NewImage: { title: { S: [{ prefix: 'Field' }] } } } },
    titleSuffix: { dynamodb: { NewImage: { title: { S: [{ suffix: '(edited)' }] } } } },
    // A DynamoDB list is an array in the record: one matching element is enough.
    tagInList: { dynamodb: { NewImage: { tags: { L: { S: [{ 'equals-ignore-case': 'urgent' }] } } } } },
    archived: { dynamodb: { NewImage: { archived: { BOOL: [true] } } } },
    hadTitle: { dynamodb: { OldImage: { title: { S: [{ exists: true }] } } } },
    sizeRange: { dynamodb: { SizeBytes: [{ numeric: ['>', 30, '<=', 60] }] } },
    // N values are strings in the record, so a numeric rule never matches them; an exact string does.
    priorityNumeric: { dynamodb: { NewImage: { priority: { N: [{ numeric: ['>', 1] }] } } } },
    priorityString: { dynamodb: { NewImage: { priority: { N: ['3'] } } } },
    insertOrTtl: { $or: [{ eventName: ['INSERT'] }, { userIdentity: { type: ['Service'] } }] },
    keyEquals: { dynamodb: { Keys: { id: { S: ['u1'] } } } },
  };

  it('matches records in the shape Lambda delivers them', () => {
    expect(table(patterns, records)).toEqual({
      inserts: { insert: true, modify: false, remove: false, ttlRemove: false },
      writes: { insert: true, modify: true, remove: false, ttlRemove: false },
      notRemoves: { insert: true, modify: true, remove: false, ttlRemove: false },
      ttlDeletes: { insert: false, modify: false, remove: false, ttlRemove: true },
      notTtl: { insert: true, modify: true, remove: true, ttlRemove: false },
      titlePrefix: { insert: true, modify: true, remove: false, ttlRemove: false },
      titleSuffix: { insert: false, modify: true, remove: false, ttlRemove: false },
      tagInList: { insert: true, modify: false, remove: false, ttlRemove: false },
      archived: { insert: false, modify: true, remove: false, ttlRemove: false },
      hadTitle: { insert: false, modify: true, remove: true, ttlRemove: false },
      sizeRange: { insert: true, modify: false, remove: true, ttlRemove: false },
      priorityNumeric: { insert: false, modify: false, remove: false, ttlRemove: false },
      priorityString: { insert: true, modify: false, remove: false, ttlRemove: false },
      insertOrTtl: { insert: true, modify: false, remove: false, ttlRemove: true },
      keyEquals: { insert: false, modify: false, remove: false, ttlRemove: true },
    });
  });

  it('ORs the filters of one FilterCriteria, and lets everything through without filters', () => {
    const criteria = {
      Filters: [{ Pattern: JSON.stringify(patterns.inserts) }, { Pattern: JSON.stringify(patterns.ttlDeletes) }],
    };
    const filtered = compileFilterCriteria(criteria);
    const unfiltered = compileFilterCriteria(undefined);
    const names = Object.keys(records) as (keyof typeof records)[];
    expect({
      filtered: names.filter((name) => filtered(records[name])),
      unfiltered: names.filter((name) => unfiltered(records[name])),
    }).toEqual({ filtered: ['insert', 'ttlRemove'], unfiltered: ['insert', 'modify', 'remove', 'ttlRemove'] });
  });
});

describe('patterns Lambda refuses when the mapping is created', () => {
  it('names what is wrong', () => {
    const invalid = [
      'not json',
      '["INSERT"]',
      '{"eventName": "INSERT"}',
      '{"eventName": [{"wildcard": "INS*"}]}',
      '{"eventName": [{"prefix": 1}]}',
      '{"SizeBytes": [{"numeric": [">", "10"]}]}',
      '{"SizeBytes": [{"numeric": ["~", 10]}]}',
      '{"eventName": [{"exists": "yes"}]}',
      '{"eventName": [{"prefix": "I", "suffix": "T"}]}',
      '{"$or": [{"eventName": ["INSERT"]}]}',
      '{"eventName": [["INSERT"]]}',
    ];
    const errors = invalid.map((pattern) => {
      try {
        compileFilterPattern(pattern);
        return 'accepted';
      } catch (error) {
        return error instanceof FilterPatternError ? `${error.code}: ${error.message}` : `unexpected ${String(error)}`;
      }
    });
    expect(errors).toEqual([
      'InvalidParameterValueException: A filter Pattern must be JSON: not json',
      'InvalidParameterValueException: The pattern at the top must be a JSON object, got ["INSERT"].',
      'InvalidParameterValueException: The pattern at eventName must be an array of rules or an object, got "INSERT".',
      'InvalidParameterValueException: Lambda event filtering has no "wildcard" operator.',
      'InvalidParameterValueException: "prefix" needs a string, got 1.',
      'InvalidParameterValueException: "numeric" takes [operator, number] pairs with =, <, <=, > or >=, got [">","10"].',
      'InvalidParameterValueException: "numeric" takes [operator, number] pairs with =, <, <=, > or >=, got ["~",10].',
      'InvalidParameterValueException: "exists" takes true or false, got "yes".',
      'InvalidParameterValueException: A filter rule has exactly one operator, got {"prefix":"I","suffix":"T"}.',
      'InvalidParameterValueException: "$or" at $or takes an array of at least two patterns.',
      'InvalidParameterValueException: A filter rule cannot be ["INSERT"].',
    ]);
  });
});
