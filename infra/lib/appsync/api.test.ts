import { App, Stack } from 'aws-cdk-lib';
import { OutpostAuth } from '../auth/user-pool';
import { OutpostTables } from '../data/tables';
import { OutpostApi, type OutpostApiProps } from './api';
import { OutpostApiConfigError } from './api-config-error';

function build(overrides: Partial<OutpostApiProps>): () => OutpostApi {
  const stack = new Stack(new App(), 'Limits');
  const props: OutpostApiProps = {
    userPool: new OutpostAuth(stack, 'Auth').userPool,
    tables: new OutpostTables(stack, 'Tables').tables,
    ...overrides,
  };
  return () => new OutpostApi(stack, 'GraphQL', props);
}

describe('OutpostApi validation', () => {
  it.each([
    [{ queryDepthLimit: 0 }, 'Invalid queryDepthLimit 0: expected a whole number from 1 to 75.'],
    [{ queryDepthLimit: 76 }, 'Invalid queryDepthLimit 76: expected a whole number from 1 to 75.'],
    [{ queryDepthLimit: 2.5 }, 'Invalid queryDepthLimit 2.5: expected a whole number from 1 to 75.'],
    [{ resolverCountLimit: 0 }, 'Invalid resolverCountLimit 0: expected a whole number from 1 to 10000.'],
    [{ resolverCountLimit: 10001 }, 'Invalid resolverCountLimit 10001: expected a whole number from 1 to 10000.'],
  ])('rejects %j', (overrides, message) => {
    expect(build(overrides)).toThrow(new OutpostApiConfigError(message));
  });

  it('needs the delta sync table of a versioned table', () => {
    expect(build({})).toThrow(
      new OutpostApiConfigError(
        'Table Notes is versioned but no delta sync table was given: pass OutpostTables.deltaSyncTables as deltaSyncTables.',
      ),
    );
  });
});
