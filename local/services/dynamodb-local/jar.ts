// Locates the DynamoDB Local jar shipped by the amplify-dynamodb-simulator package.
import * as path from 'node:path';

export interface DynamoDbLocalJar {
  /** The folder the jar runs from (its native libraries sit beside it). */
  directory: string;
  jarPath: string;
  libraryPath: string;
}

export function resolveDynamoDbLocalJar(): DynamoDbLocalJar {
  const packageDir = path.dirname(require.resolve('amplify-dynamodb-simulator/package.json'));
  const directory = path.join(packageDir, 'emulator');
  return {
    directory,
    jarPath: path.join(directory, 'DynamoDBLocal.jar'),
    libraryPath: path.join(directory, 'DynamoDBLocal_lib'),
  };
}
