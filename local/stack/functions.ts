// The template's Lambda functions and stream event source mappings, run locally.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import type { EventSourceMappingModel, LambdaFunctionModel } from '../cloud-assembly';
import type { FunctionSpec } from '../services/lambda';
import { startStreamPoller, type Invoke, type StreamPoller, type TtlDeleteMarks } from '../services/streams';

/** Inline (`ZipFile`) code is written out once per start, where a worker can load it. */
function inlineCodeDir(fn: LambdaFunctionModel, zipFile: string, scratchDir: string): string {
  const dir = path.join(scratchDir, fn.logicalId);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'index.js'), zipFile);
  return dir;
}

export function functionSpecs(functions: readonly LambdaFunctionModel[], scratchDir: string, log: (line: string) => void): FunctionSpec[] {
  return functions.flatMap((fn) => {
    if (fn.code === null || fn.handler === null) {
      log(`lambda: ${fn.functionName} has no code or handler Outpost Local can run; calls to it will fail`);
      return [];
    }
    // Worker threads run Node.js code only; anything else would be loaded as JavaScript and fail oddly.
    if (fn.runtime !== null && !fn.runtime.startsWith('nodejs')) {
      log(`lambda: ${fn.functionName} uses the ${fn.runtime} runtime; Outpost Local runs Node.js functions only, so calls to it will fail`);
      return [];
    }
    if (fn.code.kind === 'asset' && fn.code.asset.packaging === 'file') {
      log(`lambda: ${fn.functionName} is a single-file asset (${path.basename(fn.code.asset.path)}); Outpost Local runs folder assets only, so calls to it will fail`);
      return [];
    }
    if (fn.layers.length > 0) log(`lambda: ${fn.functionName} uses layers, which Outpost Local does not load; code that needs them will fail`);
    const codeDir = fn.code.kind === 'inline' ? inlineCodeDir(fn, fn.code.zipFile, scratchDir) : fn.code.asset.path;
    return [{ name: fn.functionName, arn: fn.functionArn, codeDir, handler: fn.handler, timeoutSeconds: fn.timeoutSeconds, memoryMb: fn.memorySizeMb, environment: fn.environment }];
  });
}

export interface StreamWiring {
  readonly streamsClient: DynamoDBStreamsClient;
  readonly invoke: Invoke;
  readonly region: string;
  /** TTL deletes by table logical id, marked by the reaper. */
  readonly ttlDeletes: (tableLogicalId: string) => TtlDeleteMarks;
  readonly log: (line: string) => void;
  readonly pollIntervalMs: number;
}

export async function startStreamPollers(mappings: readonly EventSourceMappingModel[], wiring: StreamWiring): Promise<StreamPoller[]> {
  const pollers: StreamPoller[] = [];
  for (const mapping of mappings) {
    if (!mapping.enabled) continue;
    const ignored = [
      mapping.bisectBatchOnFunctionError ? 'BisectBatchOnFunctionError' : undefined,
      mapping.maximumRecordAgeInSeconds > 0 ? 'MaximumRecordAgeInSeconds' : undefined,
      mapping.maximumBatchingWindowInSeconds > 0 ? 'MaximumBatchingWindowInSeconds' : undefined,
      mapping.parallelizationFactor > 1 ? 'ParallelizationFactor' : undefined,
    ].filter((name) => name !== undefined);
    if (ignored.length > 0) wiring.log(`streams: ${mapping.logicalId} sets ${ignored.join(', ')}, which Outpost Local does not apply`);
    const startingPosition = mapping.startingPosition === 'TRIM_HORIZON' ? 'TRIM_HORIZON' : 'LATEST';
    if (mapping.startingPosition === 'AT_TIMESTAMP') wiring.log(`streams: ${mapping.logicalId} starts AT_TIMESTAMP, which runs locally as LATEST`);
    pollers.push(
      await startStreamPoller({
        streamsClient: wiring.streamsClient,
        streamArn: mapping.eventSourceArn,
        mapping: {
          functionName: mapping.functionName,
          batchSize: mapping.batchSize,
          startingPosition,
          filterCriteria: mapping.filters.length > 0 ? { Filters: mapping.filters.map((filter) => ({ Pattern: JSON.stringify(filter.pattern) })) } : undefined,
          maximumRetryAttempts: mapping.maximumRetryAttempts,
          reportBatchItemFailures: mapping.functionResponseTypes.includes('ReportBatchItemFailures'),
          onFailure: (records, reason) =>
            wiring.log(
              `streams: ${mapping.logicalId} gave up on ${records.length} record(s) after ${reason.approximateInvokeCount} attempt(s)` +
                (mapping.onFailureDestination ? `; in the cloud they go to ${mapping.onFailureDestination}` : ''),
            ),
        },
        invoke: wiring.invoke,
        log: wiring.log,
        pollIntervalMs: wiring.pollIntervalMs,
        awsRegion: wiring.region,
        ttlDeletes: mapping.tableLogicalId ? wiring.ttlDeletes(mapping.tableLogicalId) : undefined,
      }),
    );
  }
  return pollers;
}
