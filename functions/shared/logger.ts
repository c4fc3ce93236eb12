// One structured logger per function, as Powertools recommends: JSON lines that CloudWatch Logs
// Insights can query, with the function's name and cold start on every line.
import { Logger } from '@aws-lambda-powertools/logger';

/** A logger for the named service (the function's folder name). */
export function createLogger(serviceName: string): Logger {
  return new Logger({ serviceName });
}
