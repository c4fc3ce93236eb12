// util.matches searches here, on the host: V8 runs a regexp search as one native call, which a
// pattern like `(?i)(a+)+` on a long value keeps busy for hours, out of reach of the sandbox's CPU
// budget. A vm watchdog ends it instead.
import * as vm from 'node:vm';

/** A util.matches search that ran past its time limit. */
export class RegexTimeoutError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RegexTimeoutError';
  }
}

const SEARCH = new vm.Script('new RegExp(source, flags).test(value)', { filename: 'util-matches.js' });

/** `(source, flags, value) => boolean`, each search limited to `timeoutMs`. */
export function createRegexTester(timeoutMs: number): (source: string, flags: string, value: string) => boolean {
  // Created on first use: most resolvers never call util.matches.
  let context: vm.Context | undefined;
  return (source, flags, value) => {
    context ??= vm.createContext({}, { name: 'util.matches', codeGeneration: { strings: false, wasm: false } });
    Object.assign(context, { source, flags, value });
    try {
      return SEARCH.runInContext(context, { timeout: timeoutMs }) === true;
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw error;
      throw new RegexTimeoutError(`util.matches: the search ran past ${timeoutMs} ms on a value of ${value.length} characters.`, { cause: error });
    } finally {
      Object.assign(context, { value: '' });
    }
  };
}
