// Basic filtering matches the subscriber's arguments against the mutation result's top-level fields
// (https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-real-time-data.html#using-subscription-arguments;
// aws/aws-appsync-community#109: "Responses are filtered out by the argument if you specify them").
import { matchesArguments } from './argument-filter';

const note = { id: 'n1', spaceId: 's1', title: 'Groceries', archivedAt: null };

describe('matchesArguments', () => {
  const rows: readonly [string, Record<string, unknown>, unknown, boolean][] = [
    ['no arguments', {}, note, true],
    ['an equal argument', { spaceId: 's1' }, note, true],
    ['a different argument', { spaceId: 's2' }, note, false],
    ['all arguments equal', { spaceId: 's1', id: 'n1' }, note, true],
    ['one of two arguments differs', { spaceId: 's1', id: 'n2' }, note, false],
    ['an argument the mutation did not select', { spaceId: 's1' }, { id: 'n1', title: 'Groceries' }, false],
    ['an argument left undefined', { spaceId: undefined }, note, true],
    ['an explicit null against a null field', { archivedAt: null }, note, true],
    ['an explicit null against an absent field', { deletedAt: null }, note, true],
    ['an explicit null against a set field', { spaceId: null }, note, false],
    ['an argument against a null result', { spaceId: 's1' }, null, false],
    ['a list argument', { tags: ['a', 'b'] }, { tags: ['a', 'b'] }, true],
  ];

  it.each(rows)('%s', (_name, args, payload, expected) => {
    expect(matchesArguments(args, payload)).toBe(expected);
  });
});
