// The host side of the Bridge: clocks, randomness and XML parsing, each taking and returning
// primitives only.
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { RuntimeBridge } from '../sandbox-lib/host';
import { xmlToJson } from './xml-bridge';

export function createHostBridge(now: () => number): RuntimeBridge {
  return {
    now,
    randomHex: (byteCount) => randomBytes(byteCount).toString('hex'),
    xmlToJson,
    cpuClock: () => performance.now(),
  };
}
