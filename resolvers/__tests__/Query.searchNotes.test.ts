import { caller, raised, resolverFile, run } from './run-handler';

const FILE = resolverFile('Query.searchNotes.ts');
const args = { query: 'curlew nest', spaceId: 'space-1', tags: ['birds'], limit: 10, nextToken: null };
const page = {
  items: [
    {
      note: {
        id: 'note-1',
        spaceId: 'space-1',
        authorId: 'user-2',
        title: 'Curlew nest',
        body: 'Two eggs by the reeds.',
        checklist: [],
        tags: ['birds'],
        links: [],
        createdAt: '2025-12-01T00:00:00.000Z',
        updatedAt: '2025-12-01T00:00:00.000Z',
        _version: 1,
        _lastChangedAt: 1764547200000,
      },
      highlights: ['<em>Curlew</em> <em>nest</em>'],
      score: 2.5,
    },
  ],
  nextToken: null,
};

describe('Query.searchNotes', () => {
  it('invokes the search function with the arguments and the caller’s id only', () => {
    // Lambda data source request: https://docs.aws.amazon.com/appsync/latest/devguide/resolver-reference-lambda-js.html
    expect(run(FILE, 'request', { identity: caller, arguments: args, stash: {} })).toEqual({
      outcome: { kind: 'result', result: { operation: 'Invoke', payload: { arguments: args, identity: { sub: 'user-1' } } } },
      stash: {},
    });
  });

  it('refuses a caller who is not signed in to the user pool', () => {
    // util.unauthorized names the field from ctx.info: https://docs.aws.amazon.com/appsync/latest/devguide/built-in-util-js.html
    const info = { fieldName: 'searchNotes', parentTypeName: 'Query', variables: {}, selectionSetList: [], selectionSetGraphQL: '' };
    const apiKey = null;
    expect(run(FILE, 'request', { identity: apiKey, arguments: args, stash: {}, info }).outcome).toEqual({
      kind: 'error',
      error: { message: 'Not Authorized to access searchNotes on type Query', errorType: 'Unauthorized' },
    });
  });

  it('returns the function’s page', () => {
    expect(run(FILE, 'response', { identity: caller, arguments: args, stash: {}, result: { result: page } }).outcome).toEqual({ kind: 'result', result: page });
  });

  it('raises an error the function returned with its own errorType', () => {
    const result = { error: { message: 'Search is not enabled on this deployment.', errorType: 'SearchNotEnabled' } };
    expect(run(FILE, 'response', { identity: caller, arguments: args, stash: {}, result }).outcome).toEqual(
      raised('SearchNotEnabled', 'Search is not enabled on this deployment.'),
    );
  });

  it('raises a failed invocation as Lambda:Unhandled with the function’s message', () => {
    // A function error reaches the response handler as ctx.error, type Lambda:Unhandled:
    // https://docs.aws.amazon.com/appsync/latest/devguide/tutorial-lambda-resolvers-js.html
    const error = { message: 'Task timed out after 10.00 seconds', type: 'Lambda:Unhandled' };
    expect(run(FILE, 'response', { identity: caller, arguments: args, stash: {}, error, result: null }).outcome).toEqual(
      raised('Lambda:Unhandled', 'Task timed out after 10.00 seconds'),
    );
  });
});
