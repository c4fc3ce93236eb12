import { decodeToken, encodeToken, pageScope, pageToken, startKey } from './pagination-token';

describe('pagination tokens', () => {
  const scope = pageScope('Query', 'Comments', 'byAuthor');

  it('gives back the key a page stopped at, and null after the last page', () => {
    const key = { noteId: { S: 'n1' }, n: { N: '2' } };
    const token = pageToken(scope, key);
    expect([startKey(scope, token ?? undefined), pageToken(scope, undefined), startKey(scope, undefined)]).toEqual([key, null, undefined]);
  });

  it.each([
    ['garbage', 'not a token'],
    ['a token of another scope', encodeToken(pageScope('Query', 'Comments', undefined), { key: {} })],
    ['a token whose key is not typed values', encodeToken(scope, { key: { noteId: 'n1' } })],
  ])('refuses %s with the invalid-token error', (_name, token) => {
    expect(() => startKey(scope, token)).toThrow(
      expect.objectContaining({
        type: 'DynamoDB:UserIllegalArgumentException',
        message: 'com.amazonaws.deepdish.common.pagination.InvalidPaginationTokenException: Invalid pagination token given.',
      }),
    );
  });

  it('keeps the state it was given', () => {
    expect(decodeToken(encodeToken('Sync:Notes', { phase: 'base', startedAt: 5 }), 'Sync:Notes')).toEqual({ phase: 'base', startedAt: 5 });
  });
});
