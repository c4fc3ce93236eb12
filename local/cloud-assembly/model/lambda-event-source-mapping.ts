import type { ResourceInput } from './model-context';
import type { StackIndex } from './stack-index';

export interface EventFilter {
  /** The parsed filter pattern (https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html). */
  readonly pattern: Readonly<Record<string, unknown>>;
}

/** `AWS::Lambda::EventSourceMapping` on a DynamoDB stream: a local stream poller. */
export interface EventSourceMappingModel {
  readonly logicalId: string;
  /** The function as the template names it (name or ARN), resolved. */
  readonly functionName: string;
  readonly functionLogicalId: string | null;
  readonly eventSourceArn: string;
  /** The table of this stack whose stream this is; null when the stream belongs to no table here. */
  readonly tableLogicalId: string | null;
  readonly enabled: boolean;
  readonly filters: readonly EventFilter[];
  readonly batchSize: number;
  readonly startingPosition: 'TRIM_HORIZON' | 'LATEST' | 'AT_TIMESTAMP' | null;
  readonly maximumBatchingWindowInSeconds: number;
  readonly maximumRetryAttempts: number;
  readonly maximumRecordAgeInSeconds: number;
  readonly bisectBatchOnFunctionError: boolean;
  readonly parallelizationFactor: number;
  readonly functionResponseTypes: readonly string[];
  /** Where records that failed all retries go; null when nowhere. */
  readonly onFailureDestination: string | null;
}

/**
 * Undefined, after a warning, for sources other than DynamoDB streams and for filters that are not
 * JSON: running without a filter would invoke the function for records it must not see.
 */
export function buildEventSourceMappingModel(input: ResourceInput, index: StackIndex): EventSourceMappingModel | undefined {
  const { properties, logicalId, context } = input;
  const eventSourceArn = properties.string('EventSourceArn') ?? '';
  if (!/^arn:[^:]+:dynamodb:[^:]*:[^:]*:table\/[^/]+\/stream\//.test(eventSourceArn)) {
    context.warnings.add(
      'UnsupportedEventSource',
      `Event source mapping ${logicalId} reads ${eventSourceArn === '' ? 'no EventSourceArn' : eventSourceArn}; Outpost Local polls DynamoDB streams only, so it is not run.`,
    );
    return undefined;
  }
  const filters: EventFilter[] = [];
  for (const filter of properties.object('FilterCriteria')?.objects('Filters') ?? []) {
    const pattern = parsePattern(filter.string('Pattern'));
    if (pattern === undefined) {
      context.warnings.add('InvalidPropertyValue', `${filter.path}.Pattern is not a JSON object; event source mapping ${logicalId} is not run.`);
      return undefined;
    }
    filters.push({ pattern });
  }
  const functionName = properties.string('FunctionName') ?? properties.missing('FunctionName', '');
  // Defaults for DynamoDB streams (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-lambda-eventsourcemapping.html):
  // BatchSize 100, MaximumRetryAttempts and MaximumRecordAgeInSeconds -1 (infinite), ParallelizationFactor 1.
  return {
    logicalId,
    functionName,
    functionLogicalId: index.functionLogicalId(functionName),
    eventSourceArn,
    tableLogicalId: index.tableByStreamArn.get(eventSourceArn) ?? null,
    enabled: properties.boolean('Enabled') ?? true,
    filters,
    batchSize: properties.number('BatchSize') ?? 100,
    startingPosition: properties.oneOf('StartingPosition', ['TRIM_HORIZON', 'LATEST', 'AT_TIMESTAMP'] as const) ?? null,
    maximumBatchingWindowInSeconds: properties.number('MaximumBatchingWindowInSeconds') ?? 0,
    maximumRetryAttempts: properties.number('MaximumRetryAttempts') ?? -1,
    maximumRecordAgeInSeconds: properties.number('MaximumRecordAgeInSeconds') ?? -1,
    bisectBatchOnFunctionError: properties.boolean('BisectBatchOnFunctionError') ?? false,
    parallelizationFactor: properties.number('ParallelizationFactor') ?? 1,
    functionResponseTypes: properties.strings('FunctionResponseTypes') ?? [],
    onFailureDestination: properties.object('DestinationConfig')?.object('OnFailure')?.string('Destination') ?? null,
  };
}

function parsePattern(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
}
