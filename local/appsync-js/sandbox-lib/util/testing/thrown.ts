// Returns what a call throws, for asserting on throws that are not Error instances (the Abort).
export function thrown(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw, and it returned');
}
