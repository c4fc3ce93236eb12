export { startDynamoDbLocal } from './service';
export type { DynamoDbLocalEvent, DynamoDbLocalHandle, DynamoDbLocalOptions } from './service';
export { localDynamoDbClient } from './readiness';
export { JavaMissingError, JavaVersionError, DynamoDbLocalStartError, DynamoDbLocalGaveUpError, JAVA_INSTALL_HINT } from './errors';
export { MINIMUM_JAVA_MAJOR, checkJava, parseJavaMajorVersion } from './java';
export type { RestartLimit } from './restart-budget';
