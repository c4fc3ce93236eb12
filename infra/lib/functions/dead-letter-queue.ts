import { Duration, Validations, type RemovalPolicy } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

/** An alarm as soon as `metric` reaches 1 in five minutes; no data (nothing happened) is fine. */
export function alarmOnAny(scope: Construct, id: string, alarmDescription: string, metric: IMetric): Alarm {
  return new Alarm(scope, id, {
    alarmDescription,
    metric,
    threshold: 1,
    comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    evaluationPeriods: 1,
    treatMissingData: TreatMissingData.NOT_BREACHING,
  });
}

export interface DeadLetterQueueProps {
  /** Whose records land here, for the acknowledgment: e.g. 'the user-expiry stream mapping'. */
  readonly mapping: string;
  /** The alarm's description: what a record waiting here means. */
  readonly alarmDescription: string;
  readonly removalPolicy: RemovalPolicy;
}

/**
 * A stream mapping's on-failure destination: an encrypted, TLS-only queue that keeps records for
 * the longest SQS allows (time to fix the cause and replay them), with an alarm as soon as it holds
 * one. The queue is `id` and its alarm `${id}Alarm` in `scope`, so their logical ids are stable.
 */
export function addDeadLetterQueue(scope: Construct, id: string, props: DeadLetterQueueProps): { queue: Queue; alarm: Alarm } {
  const queue = new Queue(scope, id, {
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
    removalPolicy: props.removalPolicy,
  });
  Validations.of(queue).acknowledge({
    id: 'AwsSolutions-SQS3',
    reason: `This queue is itself the dead-letter queue: the on-failure destination of ${props.mapping}.`,
  });
  const alarm = alarmOnAny(scope, `${id}Alarm`, props.alarmDescription, queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }));
  return { queue, alarm };
}
