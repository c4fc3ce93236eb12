import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { FilterCriteria, FilterRule, StartingPosition, type IFunction } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { TABLE_DEFINITIONS, type TableName } from '../data/table-definitions';
import { addDeadLetterQueue, alarmOnAny } from '../functions/dead-letter-queue';
import { OutpostFunction } from '../functions/outpost-function';

/** The stack cannot host the cleanup as asked; the message says what was received and what is expected. */
export class UserExpiryConfigError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'UserExpiryConfigError';
  }
}

export interface UserExpiryProps {
  /** The domain tables; the function writes Handles, Devices, Memberships, Spaces, Notes and Comments, and reads the Users stream. */
  readonly tables: Readonly<Record<TableName, Table>>;
  /** The delta sync tables of the versioned tables: the function logs the notes it anonymises in Notes'. */
  readonly deltaSyncTables: Readonly<Partial<Record<TableName, Table>>>;
  /** The pool the expired users are deleted from. */
  readonly userPool: IUserPool;
  /**
   * Lambda retries a failing batch this many times (bisecting it) before it goes to the dead-letter queue.
   * @default 5
   */
  readonly retryAttempts?: number;
  /** @default RemovalPolicy.RETAIN */
  readonly removalPolicy?: RemovalPolicy;
  /** @default RetentionDays.ONE_MONTH */
  readonly logRetention?: RetentionDays;
}

/**
 * The inactive-user cleanup (DESIGN.md, "Inactive users expire"): a function on the Users stream,
 * filtered to DynamoDB TTL deletions, that frees the user's handle, removes their devices,
 * memberships and solo spaces, anonymises what they wrote in shared spaces and deletes their
 * Cognito user. Batches that keep failing go to an encrypted dead-letter queue, and alarms fire on
 * it and on function errors.
 */
export class UserExpiry extends Construct {
  readonly function: IFunction;
  readonly deadLetterQueue: Queue;
  /** Records the cleanup gave up on are waiting in the dead-letter queue. */
  readonly deadLetterAlarm: Alarm;
  /** An invocation failed as a whole (not one record of it). */
  readonly errorsAlarm: Alarm;

  constructor(scope: Construct, id: string, props: UserExpiryProps) {
    super(scope, id);
    const { tables } = props;
    const notesDeltaSync = props.deltaSyncTables.Notes;
    const notesVersioning = TABLE_DEFINITIONS.Notes.versioned;
    if (notesDeltaSync === undefined || notesVersioning === undefined) {
      throw new UserExpiryConfigError(
        `The user-expiry cleanup logs anonymised notes for delta sync, so Notes must be versioned with a delta sync table (received delta sync tables for: ${Object.keys(props.deltaSyncTables).join(', ') || 'none'}).`,
      );
    }
    const cleanup = new OutpostFunction(this, 'Cleanup', {
      folder: 'user-expiry',
      description: "Removes an expired user's data when DynamoDB TTL deletes their Users row.",
      // A user with many notes and comments takes many small writes.
      timeout: Duration.minutes(5),
      environment: {
        HANDLES_TABLE: tables.Handles.tableName,
        DEVICES_TABLE: tables.Devices.tableName,
        MEMBERSHIPS_TABLE: tables.Memberships.tableName,
        SPACES_TABLE: tables.Spaces.tableName,
        NOTES_TABLE: tables.Notes.tableName,
        COMMENTS_TABLE: tables.Comments.tableName,
        NOTES_DELTA_SYNC_TABLE: notesDeltaSync.tableName,
        NOTES_DELTA_SYNC_TTL_MINUTES: String(notesVersioning.deltaSyncTableTtlMinutes),
        USER_POOL_ID: props.userPool.userPoolId,
      },
      removalPolicy: props.removalPolicy,
      logRetention: props.logRetention,
    });
    this.function = cleanup.function;
    const { role } = cleanup;

    // Exactly what each step does, on the table or the one index it uses: no index wildcards.
    const index = (table: Table, name: string) => `${table.tableArn}/index/${name}`;
    const allow = (actions: string[], resources: string[]) => role.addToPrincipalPolicy(new PolicyStatement({ actions, resources }));
    allow(['dynamodb:DeleteItem'], [tables.Handles.tableArn]);
    allow(['dynamodb:Query', 'dynamodb:DeleteItem'], [tables.Devices.tableArn]);
    allow(['dynamodb:Query'], [tables.Memberships.tableArn, index(tables.Memberships, 'byUser')]);
    allow(['dynamodb:GetItem', 'dynamodb:DeleteItem', 'dynamodb:UpdateItem'], [tables.Memberships.tableArn]);
    allow(['dynamodb:GetItem', 'dynamodb:DeleteItem', 'dynamodb:UpdateItem'], [tables.Spaces.tableArn]);
    allow(['dynamodb:Query'], [index(tables.Notes, 'bySpace'), index(tables.Notes, 'byAuthor')]);
    allow(['dynamodb:GetItem', 'dynamodb:DeleteItem', 'dynamodb:UpdateItem'], [tables.Notes.tableArn]);
    allow(['dynamodb:Query'], [tables.Comments.tableArn, index(tables.Comments, 'byAuthor')]);
    allow(['dynamodb:DeleteItem', 'dynamodb:UpdateItem'], [tables.Comments.tableArn]);
    allow(['dynamodb:PutItem'], [notesDeltaSync.tableArn]);
    allow(['cognito-idp:AdminDeleteUser'], [props.userPool.userPoolArn]);

    ({ queue: this.deadLetterQueue, alarm: this.deadLetterAlarm } = addDeadLetterQueue(this, 'DeadLetters', {
      mapping: 'the user-expiry stream mapping',
      alarmDescription: 'User-expiry records failed on every retry and wait in the dead-letter queue: some expired user still has data.',
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    }));
    this.function.addEventSource(
      new DynamoEventSource(tables.Users, {
        // From the oldest record the stream keeps (24 hours): a mapping created or re-created
        // after some TTL deletions still cleans those users up.
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 10,
        bisectBatchOnError: true,
        retryAttempts: props.retryAttempts ?? 5,
        reportBatchItemFailures: true,
        onFailure: new SqsDlq(this.deadLetterQueue),
        // Only TTL deletions: REMOVE records whose userIdentity is the DynamoDB service
        // (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/time-to-live-ttl-streams.html).
        // A user deleted any other way keeps their data, and other writes never invoke the function.
        filters: [
          FilterCriteria.filter({
            eventName: FilterRule.isEqual('REMOVE'),
            userIdentity: { type: FilterRule.isEqual('Service'), principalId: FilterRule.isEqual('dynamodb.amazonaws.com') },
          }),
        ],
      }),
    );

    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'Reading the Users stream needs dynamodb:ListStreams, which takes no resource ARN; the stream reads themselves name the Users stream.',
    });

    this.errorsAlarm = alarmOnAny(
      this,
      'ErrorsAlarm',
      'The user-expiry function failed a whole invocation (its configuration, permissions or a timeout).',
      this.function.metricErrors({ period: Duration.minutes(5) }),
    );
  }
}
