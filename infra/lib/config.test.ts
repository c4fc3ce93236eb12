import { RemovalPolicy } from 'aws-cdk-lib';
import { FieldLogLevel } from 'aws-cdk-lib/aws-appsync';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { StageConfigError, resolveStageConfig } from './config';

describe('resolveStageConfig', () => {
  it('defaults to the dev stage with a 180-day inactivity TTL', () => {
    expect(resolveStageConfig({})).toEqual({
      stage: 'dev',
      removalPolicy: RemovalPolicy.DESTROY,
      introspection: true,
      fieldLogLevel: FieldLogLevel.ALL,
      logRetention: RetentionDays.ONE_WEEK,
      inactiveUserTtlDays: 180,
      searchDomain: true,
    });
  });

  it('retains data, hides introspection and logs errors only in prod', () => {
    expect(resolveStageConfig({ stage: 'prod', inactiveUserTtlDays: '365' })).toEqual({
      stage: 'prod',
      removalPolicy: RemovalPolicy.RETAIN,
      introspection: false,
      fieldLogLevel: FieldLogLevel.ERROR,
      logRetention: RetentionDays.SIX_MONTHS,
      inactiveUserTtlDays: 365,
      searchDomain: true,
    });
  });

  it('takes the TTL as a number from cdk.json', () => {
    expect(resolveStageConfig({ stage: 'dev', inactiveUserTtlDays: 30 }).inactiveUserTtlDays).toBe(30);
  });

  it('switches the search domain off with -c searchDomain=false, or false in cdk.json', () => {
    expect([{ searchDomain: 'false' }, { searchDomain: false }, { searchDomain: 'true' }, { searchDomain: true }].map((c) => resolveStageConfig(c).searchDomain)).toEqual([
      false,
      false,
      true,
      true,
    ]);
  });

  it.each([
    [{ searchDomain: 'no' }, 'Invalid searchDomain "no": expected true or false (pass -c searchDomain=true or -c searchDomain=false).'],
    [{ searchDomain: 1 }, 'Invalid searchDomain 1: expected true or false (pass -c searchDomain=true or -c searchDomain=false).'],
    [{ stage: 'qa' }, 'Invalid stage "qa": expected one of dev, prod (pass -c stage=dev or -c stage=prod).'],
    [{ stage: 'Prod' }, 'Invalid stage "Prod": expected one of dev, prod (pass -c stage=dev or -c stage=prod).'],
    [{ inactiveUserTtlDays: '0' }, 'Invalid inactiveUserTtlDays "0": expected a whole number of days from 1 to 3650.'],
    [{ inactiveUserTtlDays: '1.5' }, 'Invalid inactiveUserTtlDays "1.5": expected a whole number of days from 1 to 3650.'],
    [{ inactiveUserTtlDays: 'soon' }, 'Invalid inactiveUserTtlDays "soon": expected a whole number of days from 1 to 3650.'],
    [{ inactiveUserTtlDays: 4000 }, 'Invalid inactiveUserTtlDays 4000: expected a whole number of days from 1 to 3650.'],
  ])('rejects %j', (context, message) => {
    expect(() => resolveStageConfig(context)).toThrow(new StageConfigError(message));
  });
});
