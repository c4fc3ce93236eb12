// The command line that starts DynamoDB Local.
import type { DynamoDbLocalJar } from './jar';

export type DynamoDbLocalStorage = { inMemory: true } | { inMemory: false; dataDir: string };

export function dynamoDbLocalArgs(jar: DynamoDbLocalJar, port: number, storage: DynamoDbLocalStorage): string[] {
  return [
    `-Djava.library.path=${jar.libraryPath}`,
    '-jar',
    jar.jarPath,
    '-port',
    String(port),
    // One database for every access key and region, so the runtime, Lambda workers and the
    // developer's own tools all see the same tables.
    '-sharedDb',
    // Outpost Local stays offline.
    '-disableTelemetry',
    ...(storage.inMemory ? ['-inMemory'] : ['-dbPath', storage.dataDir]),
  ];
}
