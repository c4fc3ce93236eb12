import type { RemovalPolicy } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { OutpostFunction } from './outpost-function';

export interface UserProfilesProps {
  /** The Users table, read with BatchGetItem only. */
  readonly users: Table;
  /** @default RemovalPolicy.RETAIN */
  readonly removalPolicy?: RemovalPolicy;
  /** @default RetentionDays.ONE_MONTH */
  readonly logRetention?: RetentionDays;
}

/**
 * The batch loader behind `Note.author`, `Comment.author` and `Membership.user`: AppSync hands it
 * up to maxBatchSize user ids at once (BatchInvoke), and it reads them in one BatchGetItem instead
 * of one GetItem per list item.
 */
export class UserProfiles extends Construct {
  readonly function: IFunction;

  constructor(scope: Construct, id: string, props: UserProfilesProps) {
    super(scope, id);
    const { function: fn, role } = new OutpostFunction(this, 'Loader', {
      folder: 'user-profiles',
      description: 'Loads user profiles in batches for nested author and member fields.',
      environment: { USERS_TABLE: props.users.tableName },
      removalPolicy: props.removalPolicy,
      logRetention: props.logRetention,
    });
    props.users.grant(role, 'dynamodb:BatchGetItem');
    this.function = fn;
  }
}
