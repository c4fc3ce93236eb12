// Loads resolver code into its own vm context and runs its handlers. This is the host-side API the
// local GraphQL runtime uses; evaluate-code.ts builds the EvaluateCode shape on top of it.
import { createHash } from 'node:crypto';
import * as vm from 'node:vm';
import type { AuthMode, GraphQLErrorEntry, SandboxHost } from '../sandbox-lib/host';
import type { InstallOptions, SandboxEntry } from '../sandbox-lib/entry';
import { CodeValidationError } from '../validation/code-error';
import { parseResolverCode, validateResolverCode } from '../validation/validate';
import { createHostBridge } from './host-bridge';
import { enableLinearRegExpFallback } from './regexp-backtracking';
import { rewriteModule } from './rewrite-module';
import { sandboxRuntimeScript } from './runtime-script';
import type { EditedSource } from './source-edits';

export type HandlerName = 'request' | 'response';

/** How a handler ended. */
export type HandlerOutcome =
  | { kind: 'result'; result: unknown }
  /** runtime.earlyReturn(result, { skipTo }) */
  | { kind: 'earlyReturn'; result: unknown; skipTo?: 'END' | 'NEXT' }
  /** util.error / util.unauthorized */
  | { kind: 'error'; error: GraphQLErrorEntry }
  /** An uncaught runtime error; `message` reads `code.js:LINE:COL: TypeError: …` when the line is known. */
  | { kind: 'runtimeError'; message: string; location?: { line: number; column: number } }
  /** The CPU budget ran out. */
  | { kind: 'timeout'; message: string }
  /** The handler's output exceeded the output cap. */
  | { kind: 'outputTooLarge'; message: string };

export interface HandlerEvaluation {
  outcome: HandlerOutcome;
  stash: Record<string, unknown>;
  /** util.appendError entries. */
  outErrors: GraphQLErrorEntry[];
  /** console lines, e.g. `INFO - code.js:3:5: "hello"`. */
  logs: string[];
  subscriptionFilter?: unknown;
  subscriptionInvalidationFilter?: unknown;
  invalidations: unknown[];
  cacheEvictions: { typeName: string; fieldName: string; keys: unknown }[];
  responseHeaders: Record<string, string>;
}

export interface EvaluateOptions {
  /** Defaults to what the identity's shape implies. */
  authMode?: AuthMode;
}

export interface ResolverModule {
  /** The module's export names. */
  readonly exports: readonly string[];
  request(ctx: object, options?: EvaluateOptions): HandlerEvaluation;
  response(ctx: object, options?: EvaluateOptions): HandlerEvaluation;
  /** Runs a handler on context JSON text as EvaluateCode receives it. */
  evaluateJson(handler: HandlerName, ctxJson: string, options?: EvaluateOptions): HandlerEvaluation;
}

export interface ResolverRuntimeOptions {
  /** Wall clock for util.time, in epoch milliseconds. Default `Date.now`. */
  now?: () => number;
  /** CPU budget per handler call and for the module's top level, in ms. Default 1000. */
  budgetMs?: number;
  /** Largest handler output, in UTF-8 bytes. Default 5 MB. */
  maxOutputBytes?: number;
  /**
   * How far the V8 heap may grow during one handler call or module top level, in bytes. Default
   * 512 MiB. The heap is the whole process's, so this bounds what runaway code can take from it.
   */
  maxHeapGrowthBytes?: number;
  /** Receives every console line, as it is produced. */
  logSink?: (line: string) => void;
}

/** The default output cap. AWS documents no EvaluateCode output limit that we could find; 5 MB
 * bounds memory and matches the size AppSync allows for a GraphQL response's data. */
export const DEFAULT_MAX_OUTPUT_BYTES = 5 * 1024 * 1024;
export const DEFAULT_BUDGET_MS = 1000;
export const DEFAULT_MAX_HEAP_GROWTH_BYTES = 512 * 1024 * 1024;

/** Resolver code that failed while its top level ran. */
export class ResolverLoadError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ResolverLoadError';
  }
}

interface SandboxReport {
  kind: 'result' | 'earlyReturn' | 'error' | 'runtimeError' | 'timeout' | 'outputTooLarge';
  result?: unknown;
  skipTo?: 'END' | 'NEXT';
  error?: GraphQLErrorEntry;
  message?: string;
  line?: number;
  column?: number;
  stash: Record<string, unknown>;
  outErrors?: GraphQLErrorEntry[];
  logs?: string[];
  subscriptionFilter?: unknown;
  subscriptionInvalidationFilter?: unknown;
  invalidations?: unknown[];
  cacheEvictions?: { typeName: string; fieldName: string; keys: unknown }[];
  responseHeaders?: Record<string, string>;
}

function toOutcome(report: SandboxReport, source: EditedSource): HandlerOutcome {
  switch (report.kind) {
    case 'result':
      return { kind: 'result', result: report.result };
    case 'earlyReturn':
      return { kind: 'earlyReturn', result: report.result, ...(report.skipTo ? { skipTo: report.skipTo } : {}) };
    case 'error':
      return { kind: 'error', error: report.error as GraphQLErrorEntry };
    case 'timeout':
      return { kind: 'timeout', message: report.message ?? '' };
    case 'outputTooLarge':
      return { kind: 'outputTooLarge', message: report.message ?? '' };
    case 'runtimeError': {
      if (report.line === undefined || report.column === undefined) return { kind: 'runtimeError', message: report.message ?? '' };
      const location = source.originalPosition(report.line, report.column);
      return { kind: 'runtimeError', message: `code.js:${location.line}:${location.column}: ${report.message}`, location };
    }
  }
}

function toEvaluation(report: SandboxReport, source: EditedSource): HandlerEvaluation {
  return {
    outcome: toOutcome(report, source),
    stash: report.stash,
    outErrors: report.outErrors ?? [],
    logs: report.logs ?? [],
    ...(report.subscriptionFilter === undefined ? {} : { subscriptionFilter: report.subscriptionFilter }),
    ...(report.subscriptionInvalidationFilter === undefined ? {} : { subscriptionInvalidationFilter: report.subscriptionInvalidationFilter }),
    invalidations: report.invalidations ?? [],
    cacheEvictions: report.cacheEvictions ?? [],
    responseHeaders: report.responseHeaders ?? {},
  };
}

/** An evaluation that produced nothing but its outcome. */
function bareEvaluation(outcome: HandlerOutcome): HandlerEvaluation {
  return { outcome, stash: {}, outErrors: [], logs: [], invalidations: [], cacheEvictions: [], responseHeaders: {} };
}

/** The message of a value thrown out of the sandbox, read without running any of its getters. */
function thrownMessage(thrown: unknown): string {
  if (typeof thrown !== 'object' || thrown === null) return String(thrown);
  const message: unknown = Object.getOwnPropertyDescriptor(thrown, 'message')?.value;
  return typeof message === 'string' ? message : 'the sandbox threw a value without a message';
}

function utf8Length(text: string, limit: number): number {
  // A UTF-16 unit is at most 3 UTF-8 bytes, so only long texts need counting.
  return text.length * 3 <= limit ? text.length : Buffer.byteLength(text);
}

/**
 * Loads resolver modules, each into its own vm context, and caches them by code hash: loading the
 * same code twice returns the same module without compiling it again.
 */
export class ResolverRuntime {
  private readonly modules = new Map<string, ResolverModule>();
  private readonly options: Required<Omit<ResolverRuntimeOptions, 'logSink'>> & Pick<ResolverRuntimeOptions, 'logSink'>;
  private compiled = 0;

  constructor(options: ResolverRuntimeOptions = {}) {
    enableLinearRegExpFallback();
    this.options = {
      now: options.now ?? Date.now,
      budgetMs: options.budgetMs ?? DEFAULT_BUDGET_MS,
      maxOutputBytes: options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES,
      maxHeapGrowthBytes: options.maxHeapGrowthBytes ?? DEFAULT_MAX_HEAP_GROWTH_BYTES,
      logSink: options.logSink,
    };
  }

  /** How many distinct modules this runtime has compiled. */
  get compiledModules(): number {
    return this.compiled;
  }

  /** Validates, compiles and loads resolver code; throws CodeValidationError or ResolverLoadError. */
  loadResolverModule(code: string): ResolverModule {
    const hash = createHash('sha256').update(code).digest('hex');
    const cached = this.modules.get(hash);
    if (cached) return cached;
    const loaded = this.load(code);
    this.modules.set(hash, loaded);
    return loaded;
  }

  private load(code: string): ResolverModule {
    const codeErrors = validateResolverCode(code);
    if (codeErrors.length > 0) throw new CodeValidationError(codeErrors);
    const parsed = parseResolverCode(code);
    if (!parsed.ok) throw new CodeValidationError(parsed.errors);
    const source = rewriteModule(code, parsed.program, parsed.shape);
    const { budgetMs, maxOutputBytes, maxHeapGrowthBytes, logSink } = this.options;

    const context = vm.createContext({}, { name: 'appsync-js', codeGeneration: { strings: false, wasm: false } });
    sandboxRuntimeScript().runInContext(context);
    const install = vm.runInContext('__outpostInstall', context) as (bridge: SandboxHost['bridge'], options: InstallOptions) => SandboxEntry;
    const entry = install(createHostBridge(this.options.now, budgetMs), { loadBudgetMs: budgetMs, maxOutputBytes, maxHeapGrowthBytes });

    const overBudget = `code.js: the module's top level exceeded the ${budgetMs} ms CPU budget.`;
    let loadJson: string;
    try {
      // The vm timeout backs up the budget checks for long native calls (e.g. a huge Array.fill).
      loadJson = new vm.Script(source.text, { filename: 'code.js' }).runInContext(context, { timeout: budgetMs }) as string;
    } catch (error) {
      if ((error as { code?: unknown }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new ResolverLoadError(overBudget, { cause: error });
      throw new ResolverLoadError(`code.js: the module's top level failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    this.compiled += 1;
    const loadReport = JSON.parse(loadJson) as SandboxReport;
    if (logSink) for (const line of loadReport.logs ?? []) logSink(line);
    const loadOutcome = toOutcome(loadReport, source);
    if (loadOutcome.kind === 'error') throw new ResolverLoadError(loadOutcome.error.message);
    if (loadOutcome.kind === 'earlyReturn') throw new ResolverLoadError('code.js: runtime.earlyReturn was called outside a handler.');
    if (loadOutcome.kind === 'timeout') throw new ResolverLoadError(overBudget);
    if (loadOutcome.kind !== 'result') throw new ResolverLoadError(loadOutcome.message);
    const exportNames = loadOutcome.result as string[];

    const optionsJson = new Map<AuthMode | undefined, string>();
    const evaluateJson = (handler: HandlerName, ctxJson: string, options: EvaluateOptions = {}): HandlerEvaluation => {
      let optionsText = optionsJson.get(options.authMode);
      if (optionsText === undefined) {
        optionsText = JSON.stringify({ budgetMs, authMode: options.authMode });
        optionsJson.set(options.authMode, optionsText);
      }
      let text: unknown;
      try {
        text = entry.evaluate(handler, ctxJson, optionsText);
      } catch (thrown) {
        // Resolver code can redefine built-ins that the sandbox library then runs into while it
        // reports (a throwing getter on TypeError.prototype.name, say): that evaluation fails, not the host.
        return bareEvaluation({ kind: 'runtimeError', message: `The ${handler} handler's outcome could not be reported: ${thrownMessage(thrown)}` });
      }
      if (typeof text !== 'string') return bareEvaluation({ kind: 'runtimeError', message: `The ${handler} handler's outcome could not be reported.` });
      const size = utf8Length(text, maxOutputBytes);
      if (size > maxOutputBytes) {
        return bareEvaluation({ kind: 'outputTooLarge', message: `The ${handler} handler's output is ${size} bytes; the limit is ${maxOutputBytes} bytes.` });
      }
      const report = JSON.parse(text) as SandboxReport;
      // The sandbox stops measuring as soon as the output certainly passes the cap.
      if (report.kind === 'outputTooLarge') report.message = `The ${handler} handler's output exceeds the limit of ${maxOutputBytes} bytes.`;
      const evaluation = toEvaluation(report, source);
      if (logSink) for (const line of evaluation.logs) logSink(line);
      return evaluation;
    };
    return {
      exports: exportNames,
      request: (ctx, options) => evaluateJson('request', JSON.stringify(ctx), options),
      response: (ctx, options) => evaluateJson('response', JSON.stringify(ctx), options),
      evaluateJson,
    };
  }
}
