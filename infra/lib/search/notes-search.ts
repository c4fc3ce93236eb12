import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { EbsDeviceVolumeType } from 'aws-cdk-lib/aws-ec2';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { ArnPrincipal, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { FilterCriteria, FilterRule, StartingPosition, type IFunction } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { CfnDomain, Domain, EngineVersion, TLSSecurityPolicy } from 'aws-cdk-lib/aws-opensearchservice';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
// The index the functions use: their grants stop at it.
import { NOTES_INDEX } from '../../../functions/shared/opensearch-notes-index';
import { addDeadLetterQueue } from '../functions/dead-letter-queue';
import { OutpostFunction } from '../functions/outpost-function';


export interface NotesSearchProps {
  /** Read through its byUser index only: the caller's spaces. */
  readonly memberships: Table;
  /** Its stream feeds the indexer. */
  readonly notes: Table;
  /**
   * The OpenSearch domain and the indexer. Without them the search function still answers, with
   * SearchNotEnabled, so the API keeps one schema on every stage.
   * @default true
   */
  readonly domainEnabled?: boolean;
  /**
   * The domain's name: lower case, 3 to 28 characters. Named, so the access policy can name the
   * domain's ARN without a reference to the domain itself.
   * @default `${stackName}-notes`, lower-cased
   */
  readonly domainName?: string;
  /**
   * The indexer's retries of a failing batch before its records go to the dead-letter queue.
   * @default 5
   */
  readonly retryAttempts?: number;
  /** @default RemovalPolicy.RETAIN */
  readonly removalPolicy?: RemovalPolicy;
  /** @default RetentionDays.ONE_MONTH */
  readonly logRetention?: RetentionDays;
}

/** The search cannot be built as asked; the message says what was received and what is expected. */
export class NotesSearchConfigError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'NotesSearchConfigError';
  }
}

/**
 * Full-text search over notes (DESIGN.md, "Search and third parties go through Lambda"): an
 * OpenSearch Service domain sized for dev, the searchNotes function behind the API, and the indexer
 * that keeps the index current from the Notes stream, with a dead-letter queue and its alarm.
 */
export class NotesSearch extends Construct {
  /** The Lambda data source of Query.searchNotes. */
  readonly searchFunction: IFunction;
  readonly domain: Domain | undefined;
  readonly indexer: IFunction | undefined;
  readonly deadLetterQueue: Queue | undefined;

  constructor(scope: Construct, id: string, props: NotesSearchProps) {
    super(scope, id);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    // Checked before anything is built (the functions bundle as they are constructed).
    const domainName = props.domainName ?? `${Stack.of(this).stackName}-notes`.toLowerCase();
    if (!/^[a-z][a-z0-9-]{2,27}$/.test(domainName)) {
      throw new NotesSearchConfigError(`Invalid search domain name ${JSON.stringify(domainName)}: expected 3 to 28 lower-case letters, digits or hyphens, starting with a letter.`);
    }
    const search = new OutpostFunction(this, 'SearchNotes', {
      folder: 'search-notes',
      description: "Full-text search over the notes of the caller's spaces.",
      environment: { MEMBERSHIPS_TABLE: props.memberships.tableName },
      removalPolicy: props.removalPolicy,
      logRetention: props.logRetention,
    });
    this.searchFunction = search.function;
    // The caller's spaces, from the one index that lists them.
    search.role.addToPrincipalPolicy(new PolicyStatement({ actions: ['dynamodb:Query'], resources: [`${props.memberships.tableArn}/index/byUser`] }));
    if (props.domainEnabled === false) {
      this.domain = undefined;
      this.indexer = undefined;
      this.deadLetterQueue = undefined;
      return;
    }

    const indexer = new OutpostFunction(this, 'Indexer', {
      folder: 'notes-indexer',
      description: 'Keeps the notes search index in step with the Notes table stream.',
      // Four bulk attempts with backoff fit well within it.
      timeout: Duration.seconds(60),
      removalPolicy: props.removalPolicy,
      logRetention: props.logRetention,
    });
    this.indexer = indexer.function;

    const domainArn = Stack.of(this).formatArn({ service: 'es', resource: 'domain', resourceName: domainName });
    const indexArns = [`${domainArn}/${NOTES_INDEX}`, `${domainArn}/${NOTES_INDEX}/*`];
    const domain = new Domain(this, 'Domain', {
      domainName,
      version: EngineVersion.OPENSEARCH_2_19,
      // Dev sizing: one burstable node, no dedicated masters, 10 GB of gp3.
      capacity: { dataNodes: 1, dataNodeInstanceType: 't3.small.search', multiAzWithStandbyEnabled: false },
      ebs: { volumeSize: 10, volumeType: EbsDeviceVolumeType.GP3 },
      encryptionAtRest: { enabled: true },
      nodeToNodeEncryption: true,
      enforceHttps: true,
      tlsSecurityPolicy: TLSSecurityPolicy.TLS_1_2,
      removalPolicy,
    });
    // Set on the L1 resource: the L2 `accessPolicies` adds a custom resource (a Lambda function) to
    // write the policy. Only the two function roles, signing with SigV4, may call the domain.
    this.domain = domain;
    (domain.node.defaultChild as CfnDomain).accessPolicies = {
      Version: '2012-10-17',
      Statement: [
        new PolicyStatement({
          principals: [new ArnPrincipal(search.role.roleArn), new ArnPrincipal(indexer.role.roleArn)],
          actions: ['es:ESHttp*'],
          resources: [`${domainArn}/*`],
        }).toStatementJson(),
      ],
    };

    const acknowledge = (id: string, reason: string) => Validations.of(domain).acknowledge({ id, reason });
    acknowledge('AwsSolutions-OS1', 'No VPC: the functions would need one too, with NAT or VPC endpoints, a standing cost the dev domain does not justify; the access policy admits only the two function roles, and every request is SigV4-signed over TLS 1.2.');
    acknowledge('AwsSolutions-OS3', 'Access is by IAM identity (the two function roles), not by IP address: Lambda functions have no fixed source addresses to allow.');
    acknowledge('AwsSolutions-OS4', 'One data node for dev: dedicated master nodes would triple the cost of a domain that holds a rebuildable index (the Notes table is the source of truth).');
    acknowledge('AwsSolutions-OS7', 'One data node for dev, so there is no second zone to spread over; the index can be rebuilt from the Notes table.');
    for (const logs of ['SEARCH_SLOW_LOGS', 'INDEX_SLOW_LOGS']) {
      acknowledge(
        `AwsSolutions-OS9[LogExport::${logs}]`,
        'Slow logs need a CloudWatch Logs resource policy that the CDK writes through a custom resource (another Lambda function); the functions log their own search and indexing outcomes.',
      );
    }
    Validations.of(indexer.role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:es:<AWS::Region>:<AWS::AccountId>:domain/${domainName}/${NOTES_INDEX}/*]`,
      reason: 'The indexer writes documents of the notes index (<index>/_doc/<id>, <index>/_bulk): the wildcard never leaves that index.',
    });

    // Each function may do exactly what it does, on the notes index only.
    search.role.addToPrincipalPolicy(new PolicyStatement({ actions: ['es:ESHttpGet', 'es:ESHttpPost'], resources: [`${domainArn}/${NOTES_INDEX}/_search`] }));
    indexer.role.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['es:ESHttpHead', 'es:ESHttpPut', 'es:ESHttpPost', 'es:ESHttpDelete'], resources: indexArns }),
    );
    // A bare host name in AWS; the functions add https:// themselves.
    search.function.addEnvironment('SEARCH_ENDPOINT', domain.domainEndpoint);
    indexer.function.addEnvironment('SEARCH_ENDPOINT', domain.domainEndpoint);

    const deadLetterQueue = addDeadLetterQueue(this, 'IndexerDeadLetters', {
      mapping: 'the notes indexer stream mapping',
      alarmDescription: 'Notes-indexer records failed on every retry and wait in the dead-letter queue: search misses some note changes.',
      removalPolicy,
    }).queue;
    this.deadLetterQueue = deadLetterQueue;
    indexer.function.addEventSource(
      new DynamoEventSource(props.notes, {
        // The index must hold every note, so start from the oldest record the stream keeps.
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 100,
        // The handler reports the records it could not index; bisecting would only repeat the good ones.
        bisectBatchOnError: false,
        retryAttempts: props.retryAttempts ?? 5,
        reportBatchItemFailures: true,
        onFailure: new SqsDlq(deadLetterQueue),
        // Every write and removal of a note, except the TTL removal of a delete tombstone: the
        // tombstone's own MODIFY (`_deleted: true`) already took the note out of the index.
        filters: [
          FilterCriteria.filter({ eventName: FilterRule.or('INSERT', 'MODIFY') }),
          FilterCriteria.filter({ eventName: FilterRule.isEqual('REMOVE'), dynamodb: { OldImage: { _deleted: { BOOL: FilterRule.notExists() } } } }),
        ],
      }),
    );
  }
}
