// Size caps on the built-ins whose one native call can run for seconds or take gigabytes: the CPU
// budget is only checked in resolver code's own function and loop bodies, so `Array(1e8).fill(0)`
// or `'x'.repeat(2 ** 28)` would otherwise run to the end, out of its reach.
import { exceedsJsonSize } from './output-size';

/** The longest array a built-in may create or walk: far more than any AppSync payload holds. */
export const MAX_ARRAY_LENGTH = 1_000_000;
/** The longest string `repeat`, `padStart`, `padEnd` or `JSON.stringify` may build, in UTF-16 units. */
export const MAX_STRING_LENGTH = 16 * 1024 * 1024;
/** From this size on, a built-in call first checks the evaluation's memory budget. */
const LARGE = 65_536;

// Array methods whose native work grows with `this.length`, holes included.
const LENGTH_BOUND_METHODS = [
  'concat', 'copyWithin', 'every', 'fill', 'filter', 'find', 'findIndex', 'findLast', 'findLastIndex', 'flat', 'flatMap',
  'forEach', 'includes', 'indexOf', 'join', 'lastIndexOf', 'map', 'reduce', 'reduceRight', 'reverse', 'slice', 'some',
  'sort', 'splice', 'toReversed', 'toSorted', 'toSpliced', 'with',
] as const;

type AnyFunction = (this: unknown, ...args: unknown[]) => unknown;

// Taken when the library loads: resolver code may replace Function.prototype.apply, and Object's
// property functions are gone from its realm (unsupported-builtins.ts).
const apply = Reflect.apply;
const { defineProperty, getOwnPropertyDescriptor } = Object;

function tooLong(length: number): RangeError {
  return new RangeError(`Array length ${length} exceeds the sandbox limit of ${MAX_ARRAY_LENGTH} elements.`);
}

type MemoryCheck = () => void;

function checkLength(value: unknown, checkMemory: MemoryCheck): void {
  const length = (value as { length?: unknown } | null | undefined)?.length;
  if (typeof length !== 'number' || length < LARGE) return;
  if (length > MAX_ARRAY_LENGTH) throw tooLong(length);
  checkMemory();
}

function replaceMethod(target: object, name: string, wrap: (original: AnyFunction) => AnyFunction): void {
  const original = (target as Record<string, unknown>)[name];
  if (typeof original !== 'function') return;
  const wrapped = wrap(original as AnyFunction);
  defineProperty(wrapped, 'name', { value: name });
  defineProperty(wrapped, 'length', { value: original.length });
  defineProperty(target, name, { value: wrapped, writable: true, enumerable: false, configurable: true });
}

function capArrays(global: typeof globalThis, checkMemory: MemoryCheck): void {
  const NativeArray = global.Array;
  for (const name of LENGTH_BOUND_METHODS) {
    replaceMethod(NativeArray.prototype, name, (original) =>
      function (this: unknown, ...args: unknown[]) {
        checkLength(this, checkMemory);
        return apply(original, this, args);
      },
    );
  }
  // `Array(n)` and `new Array(n)`; array literals and `[].constructor` keep the native one.
  const CheckedArray = function Array(...args: unknown[]): unknown[] {
    if (args.length === 1) checkLength({ length: args[0] }, checkMemory);
    return apply(NativeArray, undefined, args) as unknown[];
  };
  for (const key of Reflect.ownKeys(NativeArray)) {
    if (key === 'prototype' || key === 'name' || key === 'length') continue;
    defineProperty(CheckedArray, key, getOwnPropertyDescriptor(NativeArray, key) as PropertyDescriptor);
  }
  defineProperty(CheckedArray, 'prototype', { value: NativeArray.prototype, writable: false });
  defineProperty(global, 'Array', { value: CheckedArray, writable: true, enumerable: false, configurable: true });
}

function capStrings(global: typeof globalThis, checkMemory: MemoryCheck): void {
  const check = (length: number, name: string): void => {
    if (length > MAX_STRING_LENGTH) {
      throw new RangeError(`String.prototype.${name} would build ${length} characters; the sandbox limit is ${MAX_STRING_LENGTH}.`);
    }
    if (length >= LARGE) checkMemory();
  };
  replaceMethod(global.String.prototype, 'repeat', (original) =>
    function (this: unknown, ...args: unknown[]) {
      check(String(this).length * Number(args[0]), 'repeat');
      return apply(original, this, args);
    },
  );
  for (const name of ['padStart', 'padEnd']) {
    replaceMethod(global.String.prototype, name, (original) =>
      function (this: unknown, ...args: unknown[]) {
        check(Number(args[0]), name);
        return apply(original, this, args);
      },
    );
  }
}

// JSON.stringify of a sparse array whose `length` was set to 1e8 writes 1e8 `null`s in one call.
function capJson(global: typeof globalThis, checkMemory: MemoryCheck): void {
  const noBudget = (): void => undefined;
  replaceMethod(global.JSON, 'stringify', (original) =>
    function (this: unknown, ...args: unknown[]) {
      if (exceedsJsonSize(args[0], MAX_STRING_LENGTH, noBudget)) {
        throw new RangeError(`JSON.stringify would build more than ${MAX_STRING_LENGTH} characters, the sandbox limit.`);
      }
      checkMemory();
      return apply(original, this, args);
    },
  );
}

/** The check the module loader wraps around every spread list: `[...list]`, `f(...list)`. */
export function spreadCheck(checkMemory: MemoryCheck): <T>(list: T) => T {
  return (list) => {
    checkLength(list, checkMemory);
    return list;
  };
}

/** Installs the caps on this realm's built-ins; `checkMemory` is the memory budget's check. */
export function installLimits(global: typeof globalThis, checkMemory: MemoryCheck): void {
  capArrays(global, checkMemory);
  capStrings(global, checkMemory);
  capJson(global, checkMemory);
}
