// The contract between the sandbox library and the host that runs it.
//
// Everything under sandbox-lib/ is bundled into one script and evaluated *inside* the
// APPSYNC_JS vm context, so it may not import Node modules or anything outside this folder.
// It reaches the host only through `Bridge`, whose functions take and return primitives:
// a host object handed to resolver code would let it climb to the host's `Function`.

/** Host functions the sandbox may call. Every argument and return value is a primitive. */
export interface Bridge {
  /** Milliseconds since the epoch, from the host's injectable clock. */
  now(): number;
  /** `byteCount` cryptographically random bytes, as lowercase hex. */
  randomHex(byteCount: number): string;
  /** Parses XML the way AppSync's util.xml does; returns JSON text, or throws on malformed XML. */
  xmlToJson(xml: string): string;
  /**
   * `new RegExp(source, flags).test(value)`, run on the host under a watchdog: a backtracking
   * search is one native call that the sandbox's CPU budget cannot interrupt. Throws when the
   * search runs too long.
   */
  regexTest(source: string, flags: string, value: string): boolean;
}

/** One GraphQL error as AppSync reports it. */
export interface GraphQLErrorEntry {
  message: string;
  errorType?: string;
  data?: unknown;
  errorInfo?: unknown;
}

/** How the current request was authorized, as util.authType() and ctx.identity need it. */
export type AuthMode = 'AMAZON_COGNITO_USER_POOLS' | 'API_KEY' | 'AWS_IAM' | 'AWS_LAMBDA' | 'OPENID_CONNECT';

/** Mutable state of one evaluation; the host resets it before every request/response call. */
export interface EvalState {
  authMode: AuthMode | undefined;
  /** util.appendError entries: reported as outErrors. */
  errors: GraphQLErrorEntry[];
  /** extensions.setSubscriptionFilter / setSubscriptionInvalidationFilter. */
  subscriptionFilter: unknown;
  subscriptionInvalidationFilter: unknown;
  /** extensions.invalidateSubscriptions calls. */
  invalidations: unknown[];
  /** extensions.evictFromApiCache calls. */
  cacheEvictions: { typeName: string; fieldName: string; keys: unknown }[];
  /** util.http.addResponseHeader(s). */
  responseHeaders: Record<string, string>;
  /** The field being resolved, from ctx.info, when the evaluation has one (util.unauthorized names it). */
  field?: { parentTypeName: string; fieldName: string };
}

/** What util factories receive: the bridge, and a view of the evaluation in progress. */
export interface SandboxHost {
  bridge: Bridge;
  state(): EvalState;
}

/**
 * Thrown inside the sandbox to stop the evaluation: util.error, util.unauthorized and
 * runtime.earlyReturn. Resolver code cannot catch it (APPSYNC_JS has no try/catch); the
 * evaluation wrapper does.
 */
export type Abort =
  | { outpostAbort: 'error'; error: GraphQLErrorEntry }
  | { outpostAbort: 'earlyReturn'; data: unknown; skipTo?: 'END' | 'NEXT' };

export function abort(value: Abort): never {
  throw value;
}

export function isAbort(value: unknown): value is Abort {
  return typeof value === 'object' && value !== null && 'outpostAbort' in value;
}

/**
 * The bridge the evaluation host installs: the util bridge plus a monotonic clock for the CPU
 * budget. Kept apart from `Bridge` so util factories and their tests need not provide it.
 */
export interface RuntimeBridge extends Bridge {
  /** Monotonic milliseconds (not the injectable wall clock), for the per-evaluation CPU budget. */
  cpuClock(): number;
  /** Bytes in use in the V8 heap (the whole process's), for the per-evaluation memory budget. */
  heapUsed(): number;
}

/** Thrown by the budget checks; resolver code cannot catch it. */
export interface BudgetExceeded {
  outpostBudgetExceeded: 'cpu' | 'memory';
}

/** The state an evaluation starts from. */
export function freshEvalState(authMode: AuthMode | undefined): EvalState {
  return {
    authMode,
    errors: [],
    subscriptionFilter: undefined,
    subscriptionInvalidationFilter: undefined,
    invalidations: [],
    cacheEvictions: [],
    responseHeaders: {},
  };
}
