// The shapes the executor takes in: resolvers from the synthesized stack, data sources by name,
// and the caller's request.
import type { HandlerEvaluation, ResolverRuntime } from '../../appsync-js/sandbox/resolver-module';
import type { AuthMode } from '../../appsync-js/sandbox-lib/host';

/** One APPSYNC_JS pipeline function. */
export interface PipelineFunctionConfig {
  readonly name: string;
  readonly code: string;
  readonly dataSource: string;
  /** Lambda BatchInvoke groups at most this many sibling calls. */
  readonly maxBatchSize?: number;
}

export type ResolverConfig =
  | { readonly kind: 'UNIT'; readonly code: string; readonly dataSource: string; readonly maxBatchSize?: number }
  | { readonly kind: 'PIPELINE'; readonly code: string; readonly functions: readonly PipelineFunctionConfig[] };

/** Resolvers keyed `Type.field`. */
export type ResolverTable = Readonly<Record<string, ResolverConfig>>;

/** An error a data source reports; the resolver sees it as `ctx.error`. */
export interface DataSourceError {
  readonly message: string;
  readonly type: string;
  readonly data?: unknown;
}

/**
 * A data source's answer. An error may come with a result too: a DynamoDB conditional check that
 * fails hands the resolver the error and the item as it is now (ctx.error and ctx.result).
 */
export type DataSourceOutcome = { readonly result: unknown } | { readonly error: DataSourceError; readonly result?: unknown };

/** Which call a data source is serving. `batchKey` identifies calls that may be batched together. */
export interface DataSourceCallInfo {
  readonly parentTypeName: string;
  readonly fieldName: string;
  readonly path: readonly (string | number)[];
  readonly batchKey: string;
  readonly maxBatchSize?: number;
}

export interface DataSource {
  invoke(request: unknown, info: DataSourceCallInfo): Promise<DataSourceOutcome>;
}

/** Whether the caller may read a field; the auth layer supplies it. */
export type AuthorizeField = (parentType: string, fieldName: string) => { allowed: boolean };

/** The API's limits, from its CloudFormation configuration. */
export interface ExecutionLimits {
  /** 1 to 75; 0 or absent means no limit. */
  readonly queryDepthLimit?: number;
  /** 1 to 10000; 0 or absent means AppSync's default of 10000. */
  readonly resolverCountLimit?: number;
  readonly introspectionEnabled?: boolean;
  /** Default 30 000 ms, AppSync's request timeout. */
  readonly requestTimeoutMs?: number;
}

export interface ExecutionServices {
  readonly runtime: ResolverRuntime;
  readonly resolvers: ResolverTable;
  readonly dataSources: Readonly<Record<string, DataSource>>;
  /** Sees every handler evaluation, e.g. to act on `extensions.invalidateSubscriptions`. */
  readonly observeEvaluation?: (evaluation: HandlerEvaluation) => void;
  /** The API's environment variables, which handlers read as `ctx.env`. */
  readonly env?: Readonly<Record<string, string>>;
  readonly limits?: ExecutionLimits;
}

export interface CallerContext {
  readonly identity: unknown;
  readonly authMode: AuthMode;
  /** Request headers, lower-cased names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly domainName: string | null;
  readonly authorizeField?: AuthorizeField;
}

export interface GraphQLRequestBody {
  readonly query: string;
  readonly variables?: Readonly<Record<string, unknown>> | null;
  readonly operationName?: string | null;
}

export interface AppSyncErrorLocation {
  readonly line: number;
  readonly column: number;
  readonly sourceName: null;
}

/** An error as AppSync writes it into a response's `errors`. */
export interface AppSyncError {
  readonly path?: readonly (string | number)[] | null;
  readonly data?: unknown;
  readonly errorType?: string;
  readonly errorInfo?: unknown;
  readonly locations: readonly AppSyncErrorLocation[] | null;
  readonly message: string;
}

export interface AppSyncResponse {
  readonly data?: Record<string, unknown> | null;
  readonly errors?: readonly AppSyncError[];
}
