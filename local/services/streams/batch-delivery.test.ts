// Delivery outcomes of one batch, per https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-batchfailurereporting.html
// ("Success and failure conditions") and the MaximumRetryAttempts of
// https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-params.html.
import { FunctionNotFoundError } from '../lambda/errors';
import type { InvokeResult } from '../lambda/types';
import { type DeliveryFailure, deliverBatch, type DeliveryOptions } from './batch-delivery';
import type { DynamoDBStreamEvent, DynamoDBStreamEventRecord } from './event-record';

function record(sequenceNumber: string): DynamoDBStreamEventRecord {
  return {
    eventID: `e-${sequenceNumber}`,
    eventName: 'INSERT',
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: 'eu-west-1',
    dynamodb: { Keys: { id: { S: sequenceNumber } }, SequenceNumber: sequenceNumber, SizeBytes: 10, StreamViewType: 'KEYS_ONLY' },
    eventSourceARN: 'arn:aws:dynamodb:eu-west-1:123456789012:table/Notes/stream/1',
  };
}

const BATCH = ['100', '200', '300'].map(record);

interface Run {
  invocations: string[][];
  failures: { records: string[]; reason: DeliveryFailure }[];
  sleeps: number[];
}

/** Delivers BATCH to a function that answers `answers[i]` on call i (the last answer repeats). */
async function run(answers: (InvokeResult | Error)[], overrides: Partial<DeliveryOptions> = {}): Promise<Run> {
  const result: Run = { invocations: [], failures: [], sleeps: [] };
  await deliverBatch(BATCH, {
    functionName: 'indexer',
    invoke: async (_name: string, event: DynamoDBStreamEvent) => {
      result.invocations.push(event.Records.map((each) => each.dynamodb.SequenceNumber));
      const answer = answers[Math.min(result.invocations.length, answers.length) - 1] as InvokeResult | Error;
      if (answer instanceof Error) throw answer;
      return answer;
    },
    maximumRetryAttempts: 2,
    reportBatchItemFailures: true,
    onFailure: (records, reason) => {
      result.failures.push({ records: records.map((each) => each.dynamodb.SequenceNumber), reason });
    },
    retryDelay: { baseMs: 100, maxMs: 150 },
    log: () => undefined,
    sleep: async (ms) => {
      result.sleeps.push(ms);
    },
    isStopped: () => false,
    ...overrides,
  });
  return result;
}

const failing = (...itemIdentifiers: unknown[]): InvokeResult => ({ payload: { batchItemFailures: itemIdentifiers.map((itemIdentifier) => ({ itemIdentifier })) } });
const ALL = ['100', '200', '300'];

describe('deliverBatch', () => {
  it('treats empty and null failure lists, and null responses, as complete success', async () => {
    const outcomes = await Promise.all([{ payload: { batchItemFailures: [] } }, { payload: { batchItemFailures: null } }, { payload: {} }, { payload: null }].map((answer) => run([answer])));
    expect(outcomes).toEqual(Array(4).fill({ invocations: [ALL], failures: [], sleeps: [] }));
  });

  it('retries from the lowest failed sequence number, with growing waits', async () => {
    expect(await run([failing('300', '200'), failing('300'), { payload: null }])).toEqual({
      invocations: [ALL, ['200', '300'], ['300']],
      failures: [],
      sleeps: [100, 150],
    });
  });

  it('fails the whole batch for an empty, null or unknown itemIdentifier', async () => {
    const outcomes = await Promise.all([failing(''), failing(null), failing('999')].map((answer) => run([answer, { payload: null }])));
    expect(outcomes).toEqual(Array(3).fill({ invocations: [ALL, ALL], failures: [], sleeps: [100] }));
  });

  it('ignores reported failures unless ReportBatchItemFailures is on', async () => {
    expect(await run([failing('200')], { reportBatchItemFailures: false })).toEqual({ invocations: [ALL], failures: [], sleeps: [] });
  });

  it('after MaximumRetryAttempts retries, hands what is left to onFailure with the last error', async () => {
    const functionError = { errorType: 'Sandbox.Timedout', errorMessage: 'RequestId: r Error: Task timed out after 3.00 seconds' };
    const notFound = new FunctionNotFoundError('indexer');
    expect({
      functionError: await run([failing('200'), { error: functionError }]),
      invokeError: await run([notFound], { maximumRetryAttempts: 0 }),
    }).toEqual({
      functionError: {
        invocations: [ALL, ['200', '300'], ['200', '300']],
        failures: [{ records: ['200', '300'], reason: { condition: 'RetryAttemptsExhausted', approximateInvokeCount: 3, functionError } }],
        sleeps: [100, 150],
      },
      invokeError: {
        invocations: [ALL],
        failures: [{ records: ALL, reason: { condition: 'RetryAttemptsExhausted', approximateInvokeCount: 1, invokeError: notFound } }],
        sleeps: [],
      },
    });
  });

  it('retries without limit at -1 until the poller stops', async () => {
    let calls = 0;
    const outcome = await run([{ error: { errorType: 'Error', errorMessage: 'down' } }], {
      maximumRetryAttempts: -1,
      isStopped: () => {
        calls += 1;
        return calls > 5;
      },
    });
    expect(outcome).toEqual({ invocations: [ALL, ALL, ALL, ALL, ALL], failures: [], sleeps: [100, 150, 150, 150, 150] });
  });
});
