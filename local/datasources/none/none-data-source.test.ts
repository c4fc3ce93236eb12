import { NoneDataSource } from './none-data-source';


describe('NoneDataSource', () => {
  it('returns the request payload as the result', async () => {
    // https://docs.aws.amazon.com/appsync/latest/devguide/resolver-reference-none-js.html
    expect(await new NoneDataSource().invoke({ payload: { id: 'n1', tags: ['a'] } })).toEqual({ result: { id: 'n1', tags: ['a'] } });
  });

  it('returns null when the request has no payload', async () => {
    expect(await new NoneDataSource().invoke({})).toEqual({ result: null });
    expect(await new NoneDataSource().invoke(null)).toEqual({ result: null });
  });
});
