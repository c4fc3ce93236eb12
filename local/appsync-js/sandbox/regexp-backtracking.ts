// util.matches, String.prototype.match and friends run V8's backtracking regexp engine in one
// native call, which a pattern like `^(a+)+$` keeps busy for hours: the CPU budget never gets a
// turn. V8 can switch such a search to its linear-time engine once it has backtracked too much;
// that changes no result, only how long a pathological search takes. Patterns the linear engine
// cannot run (backreferences, lookaround) keep the backtracking engine.
import { setFlagsFromString } from 'node:v8';

/** Turns on V8's linear-time fallback for runaway regexp searches, in this whole process. */
export function enableLinearRegExpFallback(): void {
  setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');
}
