import { InvalidInputError } from '../shared/errors';
import { decodePageToken, encodePageToken } from './page-token';

const criteria = { query: 'curlew', spaceId: 'space-1', tags: ['birds', 'walks'] };
const INVALID = new InvalidInputError('nextToken is not a token this search returned.');

describe('page tokens', () => {
  it('give back the sort values of the search they came from, whatever the order of its tags', () => {
    const token = encodePageToken(criteria, [1.25, 1767398400000, 'n1']);
    expect({
      same: decodePageToken(criteria, token),
      tagsReordered: decodePageToken({ ...criteria, tags: ['walks', 'birds'] }, token),
      urlSafe: /^[A-Za-z0-9_-]+$/.test(token),
    }).toEqual({ same: [1.25, 1767398400000, 'n1'], tagsReordered: [1.25, 1767398400000, 'n1'], urlSafe: true });
  });

  it('refuse a token from another search, or one that is not theirs', () => {
    const token = encodePageToken(criteria, [1.25, 1767398400000, 'n1']);
    const forged = (body: unknown) => Buffer.from(JSON.stringify(body)).toString('base64url');
    const f = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')).f as string;
    const attempts = [
      () => decodePageToken({ ...criteria, query: 'whimbrel' }, token),
      () => decodePageToken({ ...criteria, spaceId: undefined }, token),
      () => decodePageToken(criteria, `${token}=`),
      () => decodePageToken(criteria, forged({ v: 1, f, after: [1.25, 1767398400000] })),
      () => decodePageToken(criteria, forged({ v: 1, f, after: [1.25, 1767398400000, 7] })),
      () => decodePageToken(criteria, forged({ v: 1, f, after: [null, 1767398400000, 'n1'] })),
      () => decodePageToken(criteria, forged({ v: 2, f, after: [1.25, 1767398400000, 'n1'] })),
      () => decodePageToken(criteria, forged({ v: 1, f, after: [1.25, 1767398400000, 'n1'], extra: true })),
      () => decodePageToken(criteria, forged([1.25])),
    ];
    const outcome = (attempt: () => unknown) => {
      try {
        return { returned: attempt() };
      } catch (error) {
        return { threw: (error as Error).name, message: (error as Error).message };
      }
    };
    expect(attempts.map(outcome)).toEqual(attempts.map(() => ({ threw: INVALID.name, message: INVALID.message })));
  });
});
