// The script evaluated once in each resolver's vm context. It defines `__outpostInstall`, which the
// host calls with its bridge; install wires util/runtime/extensions and returns the entry the host
// drives. Everything that crosses back to the host is JSON text or a primitive.
import { createBudget, isBudgetExceeded } from './budget';
import { createConsole } from './console';
import { buildContext, inferAuthMode, type ResolverContext } from './context';
import { createExtensions } from './extensions';
import { isAbort, type AuthMode, type EvalState, type GraphQLErrorEntry, type RuntimeBridge, type SandboxHost } from './host';
import { createDynamoDbModule } from './modules/dynamodb/index';
import { createRuntime } from './runtime';
import { createUtil } from './util/index';

type Exports = Record<string, unknown>;
type ModuleFactory = (budget: () => void, at: (line: number, column: number) => unknown, modules: Exports) => Exports;

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
  | { kind: 'timeout'; message: string };

interface EvaluateOptions {
  budgetMs: number;
  authMode?: AuthMode;
}

const FRAME = /code\.js:(\d+):(\d+)/;

function throwSite(error: Error): ThrowSite {
  const match = FRAME.exec(String(error.stack));
  return match ? { line: Number(match[1]), column: Number(match[2]) } : {};
}

function freshState(authMode: AuthMode | undefined): EvalState {
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
    cpuClock: () => guard(() => Number(bridge.cpuClock())),
  };
}

/** Removes what APPSYNC_JS lacks and what could run code after an evaluation has returned. */
function harden(global: typeof globalThis): void {
  for (const name of ['Promise', 'FinalizationRegistry', 'WeakRef', 'WebAssembly', 'SharedArrayBuffer', 'Atomics']) {
    delete (global as Record<string, unknown>)[name];
  }
  Object.defineProperty(Error, 'prepareStackTrace', { value: undefined, writable: false, configurable: false });
}

function defineGlobal(global: typeof globalThis, name: string, value: unknown, configurable = false): void {
  Object.defineProperty(global, name, { value, writable: false, enumerable: false, configurable });
}

/** The context object, or why the text is not one. */
function parseContext(ctxJson: string): Record<string, unknown> | string {
  let input: unknown;
  try {
    input = JSON.parse(ctxJson);
  } catch (error) {
    return `The context is not valid JSON: ${(error as Error).message}`;
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return 'The context must be a JSON object.';
  return input as Record<string, unknown>;
}

function describeThrow(thrown: unknown, budgetMs: number): Outcome {
  if (isAbort(thrown)) {
    if (thrown.outpostAbort === 'error') return { kind: 'error', error: thrown.error };
    return { kind: 'earlyReturn', result: thrown.data, ...(thrown.skipTo ? { skipTo: thrown.skipTo } : {}) };
  }
  if (isBudgetExceeded(thrown)) {
    return { kind: 'timeout', message: `Execution exceeded the ${budgetMs} ms CPU budget.` };
  }
  if (thrown instanceof Error) {
    return { kind: 'runtimeError', message: `${thrown.name}: ${thrown.message}`, ...throwSite(thrown) };
  }
  return { kind: 'runtimeError', message: String(thrown) };
}

function install(hostBridge: RuntimeBridge, loadBudgetMs: number): SandboxEntry {
  const global = globalThis;
  const bridge = guardBridge(hostBridge);
  let state = freshState(undefined);
  const host: SandboxHost = { bridge, state: () => state };
  const budget = createBudget(bridge.cpuClock);
  const captured = createConsole();
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

  harden(global);
  defineGlobal(global, 'util', util);
  defineGlobal(global, 'runtime', runtime);
  defineGlobal(global, 'extensions', extensions);
  defineGlobal(global, 'console', captured.console);

  const run = (call: () => unknown, budgetMs: number): Outcome => {
    budget.start(budgetMs);
    try {
      return { kind: 'result', result: call() };
    } catch (thrown) {
      return describeThrow(thrown, budgetMs);
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
    if (Object.keys(state.responseHeaders).length > 0) report.responseHeaders = state.responseHeaders;
    try {
      return JSON.stringify(report);
    } catch (thrown) {
      // A toJSON in the output may also run out of budget or call util.error.
      const failure = describeThrow(thrown, budget.limitMs());
      const reason = failure.kind === 'runtimeError' ? failure.message : 'a toJSON method stopped the evaluation';
      const fallback: Outcome = failure.kind === 'timeout' ? failure : { kind: 'runtimeError', message: `The handler's output is not JSON: ${reason}` };
      return JSON.stringify({ ...fallback, stash: {}, ...(logs.length > 0 ? { logs } : {}) });
    }
  };

  defineGlobal(
    global,
    '__outpost_load',
    (factory: ModuleFactory): string => {
      delete (global as Record<string, unknown>).__outpost_load;
      const outcome = run(() => {
        exported = factory(budget.check, captured.at, modules);
        return Object.keys(exported);
      }, loadBudgetMs);
      return serialize(outcome, undefined);
    },
    true,
  );

  return {
    evaluate(exportName, ctxJson, optionsJson) {
      // The host sends the same few option strings again and again.
      if (optionsJson !== lastOptionsJson) {
        lastOptions = JSON.parse(optionsJson) as EvaluateOptions;
        lastOptionsJson = optionsJson;
      }
      const options = lastOptions;
      const input = parseContext(ctxJson);
      if (typeof input === 'string') {
        state = freshState(options.authMode);
        return serialize({ kind: 'runtimeError', message: input }, undefined);
      }
      state = freshState(options.authMode ?? inferAuthMode(input.identity));
      if (Array.isArray(input.outErrors)) state.errors.push(...(input.outErrors as GraphQLErrorEntry[]));
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
  value(bridge: RuntimeBridge, loadBudgetMs: number): SandboxEntry {
    delete (globalThis as Record<string, unknown>).__outpostInstall;
    return install(bridge, loadBudgetMs);
  },
});
