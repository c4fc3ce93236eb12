// A lower bound on the JSON size of a handler's output, computed before JSON.stringify runs: a sparse
// array whose `length` was set to 1e8 is cheap to make, but stringifying it is one native call that
// writes `null` 1e8 times, beyond the reach of the CPU budget.

// Taken when the library loads, before resolver code could replace them.
const { keys } = Object;
const { isArray } = Array;

/**
 * True when `value` certainly serializes to more than `limit` characters. Walks without recursion,
 * visits each object once, and calls `check` (the CPU budget) per object, since getters run
 * resolver code. Values with a `toJSON` method are not looked into: their output is measured after.
 */
export function exceedsJsonSize(value: unknown, limit: number, check: () => void): boolean {
  let size = 0;
  const seen = new Set<object>();
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (typeof item === 'string') size += item.length + 2;
    else if (typeof item === 'number') size += 1;
    else if (typeof item === 'boolean' || item === null) size += 4;
    else if (typeof item === 'object' && !seen.has(item) && typeof (item as { toJSON?: unknown }).toJSON !== 'function') {
      seen.add(item);
      check();
      if (isArray(item)) {
        // Brackets and commas; every slot then writes at least `null` or its value.
        size += 1 + item.length;
        if (size > limit) return true;
        for (const element of item) {
          if (element === undefined || typeof element === 'function' || typeof element === 'symbol') size += 4;
          else pending.push(element);
        }
      } else {
        size += 1;
        for (const key of keys(item)) {
          const value = (item as Record<string, unknown>)[key];
          // JSON leaves these members out.
          if (value === undefined || typeof value === 'function' || typeof value === 'symbol') continue;
          size += key.length + 4;
          pending.push(value);
        }
      }
    }
    if (size > limit) return true;
  }
  return false;
}
