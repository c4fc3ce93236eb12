// Lambda's plain-text platform lines. The REPORT fields and the Status / Error Type suffixes follow
// https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html ("Failures during the
// invoke phase", new format); Billed Duration rounds up to the millisecond as in
// aws/aws-lambda-runtime-interface-emulator (PrintEndReports); console lines follow
// aws/aws-lambda-nodejs-runtime-interface-client, src/LogPatch.js.
import { consoleLine, endLine, initReportLine, initStartLine, reportLine, startLine } from './log-lines';

describe('log lines', () => {
  it('writes each platform line as CloudWatch shows it', () => {
    const requestId = '527cb862-4f5e-49a9-9ae4-a7edc90f0fda';
    expect([
      initStartLine('20'),
      startLine(requestId),
      consoleLine(new Date('2024-03-04T17:22:38.033Z'), requestId, 'INFO', 'indexed 3 notes'),
      consoleLine(new Date('2024-03-04T17:22:38.033Z'), undefined, 'WARN', 'during init'),
      endLine(requestId),
      reportLine({ requestId, durationMs: 3016.781, memorySizeMb: 128, maxMemoryUsedMb: 31, initDurationMs: 84, failure: { status: 'timeout' } }),
      reportLine({ requestId, durationMs: 133.61, memorySizeMb: 128, maxMemoryUsedMb: 31, failure: { status: 'error', errorType: 'Runtime.ExitError' } }),
      reportLine({ requestId, durationMs: 2.2, memorySizeMb: 512, maxMemoryUsedMb: 70 }),
      initReportLine(10.5, 'Runtime.ImportModuleError'),
    ]).toEqual([
      'INIT_START Runtime Version: nodejs:20',
      `START RequestId: ${requestId} Version: $LATEST`,
      `2024-03-04T17:22:38.033Z\t${requestId}\tINFO\tindexed 3 notes`,
      '2024-03-04T17:22:38.033Z\tundefined\tWARN\tduring init',
      `END RequestId: ${requestId}`,
      `REPORT RequestId: ${requestId}\tDuration: 3016.78 ms\tBilled Duration: 3017 ms\tMemory Size: 128 MB\tMax Memory Used: 31 MB\tInit Duration: 84.00 ms\tStatus: timeout`,
      `REPORT RequestId: ${requestId}\tDuration: 133.61 ms\tBilled Duration: 134 ms\tMemory Size: 128 MB\tMax Memory Used: 31 MB\tStatus: error\tError Type: Runtime.ExitError`,
      `REPORT RequestId: ${requestId}\tDuration: 2.20 ms\tBilled Duration: 3 ms\tMemory Size: 512 MB\tMax Memory Used: 70 MB`,
      'INIT_REPORT Init Duration: 10.50 ms\tPhase: init\tStatus: error\tError Type: Runtime.ImportModuleError',
    ]);
  });
});
