export { DEFAULT_REQUEST_TIMEOUT_MS, DEFAULT_RESOLVER_COUNT_LIMIT, EXECUTION_TIMED_OUT, executeAppSync } from './execute';
export { ResolverConfigError, ResolverFieldError, type FieldErrorDetail } from './errors';
export type {
  AppSyncError,
  AppSyncErrorLocation,
  AppSyncResponse,
  AuthorizeField,
  CallerContext,
  DataSource,
  DataSourceCallInfo,
  DataSourceError,
  DataSourceOutcome,
  ExecutionLimits,
  ExecutionServices,
  GraphQLRequestBody,
  PipelineFunctionConfig,
  ResolverConfig,
  ResolverTable,
} from './types';
