// The script evaluated once in each resolver's vm context. It defines `__outpostInstall`, which the
// host calls with its bridge; install wires util/runtime/extensions and returns the entry the host
// drives. Everything that crosses back to the host is JSON text or a primitive.
import { createBudget, isBudgetExceeded } from './budget';
import { createConsole } from './console';
import { buildContext, inferAuthMode, type ResolverContext } from './context';
import { createExtensions } from './extensions';
import { installLimits, spreadCheck } from './limits';
import { exceedsJsonSize } from './output-size';
import { removeUnsupportedStatics } from './unsupported-builtins';
import { freshEvalState, isAbort, type AuthMode, type GraphQLErrorEntry, type RuntimeBridge, type SandboxHost } from './host';
import { createDynamoDbModule } from './modules/dynamodb/index';
import { createRuntime } from './runtime';
import { createUtil } from './util/index';

// Taken when the library loads, before any resolver code runs: a resolver that replaces
// JSON.stringify or Object.keys must not change what the runtime reports to the host.
const { parse: parseJson, stringify: toJson } = JSON;
const { defineProperty, keys } = Object;
const { isArray } = Array;

type Exports = Record<string, unknown>;
type ModuleFactory = (budget: () => void, at: (line: number, column: number) => unknown, modules: Exports, spread: (list: unknown) => unknown) => Exports;

/**
 * What the host may call inside the context. Loading goes through the one-shot global
 * `__outpost_load(factory)`, which the rewritten resolver script calls on itself, so the module's
 * top level runs inside the script evaluation (and its vm timeout).
 */
export interface SandboxEntry {
  /** Runs one handler; returns the JSON text of an `Outcome` plus the evaluation's side results. */
  evaluate(exportName: string, ctxJson: string, optionsJson: string): string;
}

/** Where a runtime error happened, in generated `code.js` coordinates. */
interface ThrowSite {
  line?: number;
  column?: number;
}

type Outcome =
  | { kind: 'result'; result: unknown }
  | { kind: 'earlyReturn'; result: unknown; skipTo?: 'END' | 'NEXT' }
  | { kind: 'error'; error: GraphQLErrorEntry }
  | ({ kind: 'runtimeError'; message: string } & ThrowSite)
  | { kind: 'timeout'; message: string }
  | { kind: 'outputTooLarge'; message: string };

/** Limits fixed for the life of the context. */
export interface InstallOptions {
  /** CPU budget of the module's top level, in ms. */
  loadBudgetMs: number;
  /** Largest output of one evaluation (result, stash, logs and side results), in UTF-8 bytes. */
  maxOutputBytes: number;
  /** How far the V8 heap may grow during one evaluation, in bytes. */
  maxHeapGrowthBytes: number;
}

interface EvaluateOptions {
  budgetMs: number;
  authMode?: AuthMode;
}

const FRAME = /code\.js:(\d+):(\d+)/;

function throwSite(error: Error): ThrowSite {
  const match = FRAME.exec(String(error.stack));
  return match ? { line: Number(match[1]), column: Number(match[2]) } : {};
}


/** Re-raises host errors as errors of this realm, so no host object reaches resolver code. */
function guardBridge(bridge: RuntimeBridge): RuntimeBridge {
  const guard = <T>(call: () => T): T => {
    try {
      return call();
    } catch (error) {
      throw new Error(String((error as { message?: unknown } | null)?.message ?? error));
    }
  };
  return {
    now: () => guard(() => Number(bridge.now())),
    randomHex: (byteCount) => guard(() => String(bridge.randomHex(Number(byteCount)))),
    xmlToJson: (xml) => guard(() => String(bridge.xmlToJson(String(xml)))),
    regexTest: (source, flags, value) => guard(() => bridge.regexTest(String(source), String(flags), String(value)) === true),
    cpuClock: () => guard(() => Number(bridge.cpuClock())),
    heapUsed: () => guard(() => Number(bridge.heapUsed())),
  };
}

/** The part of V8's CallSite that stack formatting reads. */
interface StackFrame {
  getFileName(): string | null | undefined;
  getFunctionName(): string | null;
  getLineNumber(): number | null;
  getColumnNumber(): number | null;
}

/**
 * Stack traces name only resolver code: frames of the sandbox library and of the host (whose
 * file paths would otherwise show) are left out. The frames themselves never reach resolver code.
 */
function resolverStack(error: Error, frames: StackFrame[]): string {
  let stack = String(error);
  for (const frame of frames) {
    if (frame.getFileName() === 'code.js') stack += `\n    at ${frame.getFunctionName() ?? '<anonymous>'} (code.js:${frame.getLineNumber()}:${frame.getColumnNumber()})`;
  }
  return stack;
}

/** Removes what APPSYNC_JS lacks and what could run code after an evaluation has returned. */
function harden(global: typeof globalThis, checkMemory: () => void): void {
  for (const name of ['Promise', 'FinalizationRegistry', 'WeakRef', 'WebAssembly', 'SharedArrayBuffer', 'Atomics']) {
    delete (global as Record<string, unknown>)[name];
  }
  defineProperty(Error, 'prepareStackTrace', { value: resolverStack, writable: false, configurable: false });
  removeUnsupportedStatics(global);
  installLimits(global, checkMemory);
}

function defineGlobal(global: typeof globalThis, name: string, value: unknown, configurable = false): void {
  defineProperty(global, name, { value, writable: false, enumerable: false, configurable });
}

/** The context object, or why the text is not one. */
function parseContext(ctxJson: string): Record<string, unknown> | string {
  let input: unknown;
  try {
    input = parseJson(ctxJson);
  } catch (error) {
    return `The context is not valid JSON: ${(error as Error).message}`;
  }
  if (typeof input !== 'object' || input === null || isArray(input)) return 'The context must be a JSON object.';
  return input as Record<string, unknown>;
}

function describeThrow(thrown: unknown, budgetMs: number, maxHeapGrowthBytes: number): Outcome {
  if (isAbort(thrown)) {
    if (thrown.outpostAbort === 'error') return { kind: 'error', error: thrown.error };
    return { kind: 'earlyReturn', result: thrown.data, ...(thrown.skipTo ? { skipTo: thrown.skipTo } : {}) };
  }
  if (isBudgetExceeded(thrown)) {
    if (thrown.outpostBudgetExceeded === 'memory') return { kind: 'runtimeError', message: `Execution exceeded the memory budget: the heap grew by more than ${maxHeapGrowthBytes} bytes.` };
    return { kind: 'timeout', message: `Execution exceeded the ${budgetMs} ms CPU budget.` };
  }
  if (thrown instanceof Error) {
    return { kind: 'runtimeError', message: `${thrown.name}: ${thrown.message}`, ...throwSite(thrown) };
  }
  return { kind: 'runtimeError', message: String(thrown) };
}

function install(hostBridge: RuntimeBridge, { loadBudgetMs, maxOutputBytes, maxHeapGrowthBytes }: InstallOptions): SandboxEntry {
  const global = globalThis;
  const bridge = guardBridge(hostBridge);
  let state = freshEvalState(undefined);
  const host: SandboxHost = { bridge, state: () => state };
  const budget = createBudget(bridge, maxHeapGrowthBytes);
  const captured = createConsole(maxOutputBytes);
  const util = createUtil(host);
  const runtime = createRuntime();
  const extensions = createExtensions(host);
  const modules: Exports = {
    '@aws-appsync/utils': Object.freeze({ util, runtime, extensions }),
    '@aws-appsync/utils/dynamodb': Object.freeze(createDynamoDbModule(host)),
  };
  let exported: Exports = {};
  let lastOptionsJson = '';
  let lastOptions: EvaluateOptions = { budgetMs: 0 };

  harden(global, budget.checkMemory);
  defineGlobal(global, 'util', util);
  defineGlobal(global, 'runtime', runtime);
  defineGlobal(global, 'extensions', extensions);
  defineGlobal(global, 'console', captured.console);

  const run = (call: () => unknown, budgetMs: number): Outcome => {
    budget.start(budgetMs);
    try {
      return { kind: 'result', result: call() };
    } catch (thrown) {
      return describeThrow(thrown, budgetMs, maxHeapGrowthBytes);
    }
  };

  /** The outcome plus the evaluation's side results; empty ones are left out (the host defaults them). */
  const serialize = (outcome: Outcome, ctx: ResolverContext | undefined): string => {
    const report: Record<string, unknown> = { ...outcome };
    report.stash = ctx?.stash ?? {};
    const logs = captured.drain();
    if (logs.length > 0) report.logs = logs;
    if (state.errors.length > 0) report.outErrors = state.errors;
    if (state.subscriptionFilter !== undefined) report.subscriptionFilter = state.subscriptionFilter;
    if (state.subscriptionInvalidationFilter !== undefined) report.subscriptionInvalidationFilter = state.subscriptionInvalidationFilter;
    if (state.invalidations.length > 0) report.invalidations = state.invalidations;
    if (state.cacheEvictions.length > 0) report.cacheEvictions = state.cacheEvictions;
    if (keys(state.responseHeaders).length > 0) report.responseHeaders = state.responseHeaders;
    try {
      if (exceedsJsonSize(report, maxOutputBytes, budget.check)) {
        const tooLarge: Outcome = { kind: 'outputTooLarge', message: `The output exceeds the limit of ${maxOutputBytes} bytes.` };
        return toJson({ ...tooLarge, stash: {} });
      }
      return toJson(report);
    } catch (thrown) {
      // Measuring the output runs its getters and toJSON methods, which may call util.error; it
      // also runs into a budget that the handler already exhausted, which then stands as the outcome.
      const failure = describeThrow(thrown, budget.limitMs(), maxHeapGrowthBytes);
      const reason = failure.kind === 'runtimeError' ? failure.message : 'a toJSON method stopped the evaluation';
      const fallback: Outcome = isBudgetExceeded(thrown) ? failure : { kind: 'runtimeError', message: `The handler's output is not JSON: ${reason}` };
      return toJson({ ...fallback, stash: {}, ...(logs.length > 0 ? { logs } : {}) });
    }
  };

  defineGlobal(
    global,
    '__outpost_load',
    (factory: ModuleFactory): string => {
      delete (global as Record<string, unknown>).__outpost_load;
      const outcome = run(() => {
        exported = factory(budget.check, captured.at, modules, spreadCheck(budget.checkMemory));
        return keys(exported);
      }, loadBudgetMs);
      return serialize(outcome, undefined);
    },
    true,
  );

  return {
    evaluate(exportName, ctxJson, optionsJson) {
      // The host sends the same few option strings again and again.
      if (optionsJson !== lastOptionsJson) {
        lastOptions = parseJson(optionsJson) as EvaluateOptions;
        lastOptionsJson = optionsJson;
      }
      const options = lastOptions;
      const input = parseContext(ctxJson);
      if (typeof input === 'string') {
        state = freshEvalState(options.authMode);
        return serialize({ kind: 'runtimeError', message: input }, undefined);
      }
      state = freshEvalState(options.authMode ?? inferAuthMode(input.identity));
      if (isArray(input.outErrors)) state.errors.push(...(input.outErrors as GraphQLErrorEntry[]));
      captured.drain();
      const ctx = buildContext(input, state.errors);
      if (ctx.info.fieldName && ctx.info.parentTypeName) {
        state.field = { parentTypeName: ctx.info.parentTypeName, fieldName: ctx.info.fieldName };
      }
      const handler = exported[exportName];
      const outcome: Outcome =
        typeof handler === 'function'
          ? run(() => (handler as (ctx: ResolverContext) => unknown)(ctx), options.budgetMs)
          : { kind: 'runtimeError', message: `The code does not export a ${exportName} function.` };
      return serialize(outcome, ctx);
    },
  };
}

Object.defineProperty(globalThis, '__outpostInstall', {
  configurable: true,
  value(bridge: RuntimeBridge, options: InstallOptions): SandboxEntry {
    delete (globalThis as Record<string, unknown>).__outpostInstall;
    return install(bridge, options);
  },
});
