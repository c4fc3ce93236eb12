// Everything a connection holds is released when it closes: after 10,000 connect, subscribe and
// disconnect cycles over 127.0.0.1 the endpoint tracks nothing, the process holds the same handles,
// and the heap, measured after full collections, has not grown beyond noise. The cycles run in a
// child process started with --expose-gc, since jest's workers cannot collect garbage on demand.
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import type { CycleReport } from './testing/measure-connection-cycles';

const CYCLES = 10_000;
// A leaked WebSocket with its subscription costs several KB per cycle, tens of MB over the run;
// without a leak the heap moves by about 1 MB.
const HEAP_TOLERANCE_BYTES = 8 * 1024 * 1024;

it(
  `releases every resource after ${CYCLES} connect/disconnect cycles`,
  async () => {
    const script = path.join(__dirname, 'testing', 'measure-connection-cycles.ts');
    const { stdout } = await promisify(execFile)(process.execPath, ['--expose-gc', '-r', 'tsx/cjs', script, String(CYCLES)], {
      cwd: path.join(__dirname, '..', '..'),
    });
    const report = JSON.parse(stdout) as CycleReport;
    expect({
      cycles: report.cycles,
      stats: report.stats,
      handles: report.after.handles,
      timersGrew: report.after.timers > report.before.timers,
      heapWithinTolerance: report.after.heapUsed - report.before.heapUsed < HEAP_TOLERANCE_BYTES,
    }).toEqual({
      cycles: CYCLES,
      stats: { connections: 0, subscriptions: 0 },
      handles: report.before.handles,
      timersGrew: false,
      heapWithinTolerance: true,
    });
  },
  240_000,
);
