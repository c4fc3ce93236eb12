// The host side of the Bridge: clocks, heap size, randomness, XML parsing and regexp searches,
// each taking and returning primitives only.
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
import type { RuntimeBridge } from '../sandbox-lib/host';
import { createRegexTester } from './regex-bridge';
import { xmlToJson } from './xml-bridge';

/** `searchTimeoutMs` limits each util.matches search. */
export function createHostBridge(now: () => number, searchTimeoutMs: number): RuntimeBridge {
  return {
    now,
    randomHex: (byteCount) => randomBytes(byteCount).toString('hex'),
    xmlToJson,
    regexTest: createRegexTester(searchTimeoutMs),
    cpuClock: () => performance.now(),
    heapUsed: () => getHeapStatistics().used_heap_size,
  };
}
