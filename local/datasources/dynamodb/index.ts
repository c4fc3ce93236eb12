export { createDynamoDbDataSource } from './data-source';
export type { DataSourceOutcome, DynamoDbDataSource, DynamoDbDataSourceOptions } from './data-source';
export type { DeltaSyncSettings } from './operation-context';
export { DataSourceError, DynamoDbDataSourceConfigError, MalformedRequestError } from './errors';
export type { AppSyncError } from './errors';
