import * as path from 'node:path';
import { createResolverTestKit, evaluateResolverFile } from './evaluate-resolver-file';

const RESOLVER = path.join(__dirname, 'fixtures', 'Query.note.ts');

describe('evaluateResolverFile', () => {
  it('bundles a TypeScript resolver and runs its request handler', () => {
    expect(evaluateResolverFile(RESOLVER, 'request', { arguments: { id: 'n1' } })).toEqual({
      outcome: { kind: 'result', result: { operation: 'GetItem', key: { id: { S: 'n1' } } } },
      stash: {},
      outErrors: [],
      logs: [],
      invalidations: [],
      cacheEvictions: [],
      responseHeaders: {},
    });
  });

  it('runs the response handler of the same bundle', () => {
    const kit = createResolverTestKit();
    const empty = { stash: {}, outErrors: [], logs: [], invalidations: [], cacheEvictions: [], responseHeaders: {} };
    expect([
      kit.evaluateResolverFile(RESOLVER, 'response', { result: { id: 'n1', title: 'Hello' } }),
      kit.evaluateResolverFile(RESOLVER, 'response', { error: { message: 'Throttled', type: 'DynamoDB:ProvisionedThroughputExceededException' } }),
    ]).toEqual([
      { outcome: { kind: 'result', result: { id: 'n1', title: 'Hello' } }, ...empty },
      { outcome: { kind: 'error', error: { message: 'Throttled', errorType: 'DynamoDB:ProvisionedThroughputExceededException' } }, ...empty },
    ]);
  });
});
