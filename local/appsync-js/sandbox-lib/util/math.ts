// util.math: rounding, min/max and (non-cryptographic) random numbers from the host's randomness.
import type { SandboxHost } from '../host';

/** 2^53: a double has 53 bits of mantissa, so 7 random bytes cut to 53 bits fill one exactly. */
const TWO_POW_53 = 9007199254740992;

export function createMathUtil(host: SandboxHost) {
  const randomDouble = (): number => {
    const bits = BigInt(`0x${host.bridge.randomHex(7)}`) >> 3n;
    return Number(bits) / TWO_POW_53;
  };
  return {
    /** Java's Math.round: half rounds up, towards positive infinity, like JavaScript's. */
    roundNum: (input: number): number => Math.round(input),
    minVal: (input1: number, input2: number): number => Math.min(input1, input2),
    maxVal: (input1: number, input2: number): number => Math.max(input1, input2),
    /** In [0, 1). */
    randomDouble,
    /** An integer in [start, end], both ends included. */
    randomWithinRange: (start: number, end: number): number => {
      const low = Math.ceil(Math.min(start, end));
      const high = Math.floor(Math.max(start, end));
      return low + Math.floor(randomDouble() * (high - low + 1));
    },
  };
}
