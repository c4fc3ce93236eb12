// The platform lines Lambda writes around each invocation, in its plain-text log format
// (https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html, "Failures during the
// invoke phase"; the REPORT layout follows aws/aws-lambda-runtime-interface-emulator, PrintEndReports).

export function initStartLine(nodeMajorVersion: string): string {
  return `INIT_START Runtime Version: nodejs:${nodeMajorVersion}`;
}

/** An init phase that failed (the module did not load, or the handler is missing). */
export function initReportLine(initDurationMs: number, errorType: string): string {
  return `INIT_REPORT Init Duration: ${initDurationMs.toFixed(2)} ms\tPhase: init\tStatus: error\tError Type: ${errorType}`;
}

export function startLine(requestId: string): string {
  return `START RequestId: ${requestId} Version: $LATEST`;
}

export function endLine(requestId: string): string {
  return `END RequestId: ${requestId}`;
}

export interface Report {
  readonly requestId: string;
  readonly durationMs: number;
  readonly memorySizeMb: number;
  readonly maxMemoryUsedMb: number;
  /** Only on the invocation that started the execution environment. */
  readonly initDurationMs?: number;
  /** Only when the platform ended the invocation: a timeout or a runtime that exited. */
  readonly failure?: { readonly status: 'timeout' } | { readonly status: 'error'; readonly errorType: string };
}

export function reportLine(report: Report): string {
  const fields = [
    `REPORT RequestId: ${report.requestId}`,
    `Duration: ${report.durationMs.toFixed(2)} ms`,
    `Billed Duration: ${Math.ceil(report.durationMs)} ms`,
    `Memory Size: ${report.memorySizeMb} MB`,
    `Max Memory Used: ${report.maxMemoryUsedMb} MB`,
  ];
  if (report.initDurationMs !== undefined) fields.push(`Init Duration: ${report.initDurationMs.toFixed(2)} ms`);
  if (report.failure?.status === 'timeout') fields.push('Status: timeout');
  if (report.failure?.status === 'error') fields.push('Status: error', `Error Type: ${report.failure.errorType}`);
  return fields.join('\t');
}

export type LogLevel = 'TRACE' | 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'FATAL';

/** A console line as the Node.js runtime prints it: `<timestamp>\t<requestId>\t<LEVEL>\t<message>`. */
export function consoleLine(timestamp: Date, requestId: string | undefined, level: LogLevel, message: string): string {
  return `${timestamp.toISOString()}\t${requestId ?? 'undefined'}\t${level}\t${message}`;
}
