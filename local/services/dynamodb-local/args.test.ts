import { dynamoDbLocalArgs } from './args';

const jar = { directory: '/opt/ddb', jarPath: '/opt/ddb/DynamoDBLocal.jar', libraryPath: '/opt/ddb/DynamoDBLocal_lib' };

describe('dynamoDbLocalArgs', () => {
  // Flags as documented by `java -jar DynamoDBLocal.jar -help` and
  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DynamoDBLocal.UsageNotes.html
  it('persists to the data dir with one shared database and telemetry off', () => {
    expect(dynamoDbLocalArgs(jar, 8123, { inMemory: false, dataDir: '/home/dev/app/.outpost/dynamodb' })).toEqual([
      '-Djava.library.path=/opt/ddb/DynamoDBLocal_lib',
      '-jar',
      '/opt/ddb/DynamoDBLocal.jar',
      '-port',
      '8123',
      '-sharedDb',
      '-disableTelemetry',
      '-dbPath',
      '/home/dev/app/.outpost/dynamodb',
    ]);
  });

  it('runs in memory when asked', () => {
    expect(dynamoDbLocalArgs(jar, 9000, { inMemory: true })).toEqual([
      '-Djava.library.path=/opt/ddb/DynamoDBLocal_lib',
      '-jar',
      '/opt/ddb/DynamoDBLocal.jar',
      '-port',
      '9000',
      '-sharedDb',
      '-disableTelemetry',
      '-inMemory',
    ]);
  });
});
