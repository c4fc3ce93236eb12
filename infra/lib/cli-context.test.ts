import { ContextArgumentError, parseContextArguments } from './cli-context';

describe('parseContextArguments', () => {
  it('reads -c and --context pairs, keeping = inside values', () => {
    expect(parseContextArguments(['-c', 'stage=prod', '--context', 'note=a=b'])).toEqual({ stage: 'prod', note: 'a=b' });
  });

  it.each([
    [['stage=prod'], 'Unknown argument "stage=prod": expected -c key=value or --context key=value.'],
    [['-c'], '-c needs key=value (received null).'],
    [['-c', '=dev'], '-c needs key=value (received "=dev").'],
    [['--context', 'stage'], '--context needs key=value (received "stage").'],
  ])('rejects %j', (args, message) => {
    expect(() => parseContextArguments(args)).toThrow(new ContextArgumentError(message));
  });
});
