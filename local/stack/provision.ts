// Step 5 of `npm start`: create what the template declares in the local services, then tell the
// cloud-assembly reader the values those services chose (pool and client ids, stream ARNs), so that
// every `Ref` and `Fn::GetAtt` resolves to what really exists locally.
import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { ResourceOverrides, StackModel } from '../cloud-assembly';
import { provisionUserPools } from './provision-auth';
import { provisionTables } from './provision-tables';

export interface ProvisionInput {
  readonly stack: StackModel;
  readonly dynamodb: DynamoDBClient;
  readonly cognito: CognitoIdentityProviderClient;
  /** The `iss` of tokens from a local pool: cognito-local's URL for it. */
  readonly issuer: (userPoolId: string) => string;
  readonly region: string;
  readonly accountId: string;
  readonly log: (line: string) => void;
}

export async function provisionStack(input: ProvisionInput): Promise<ResourceOverrides> {
  const overrides: Record<string, Record<string, string>> = {};
  await provisionTables(input.dynamodb, input.stack.tables, { log: input.log });
  for (const table of input.stack.tables) {
    if (!table.streamViewType) continue;
    const described = await input.dynamodb.send(new DescribeTableCommand({ TableName: table.tableName }));
    const streamArn = described.Table?.LatestStreamArn;
    if (streamArn) overrides[table.logicalId] = { StreamArn: streamArn };
  }
  const pools = await provisionUserPools(input.cognito, input.stack.userPools, input.log);
  for (const pool of pools) {
    const issuer = input.issuer(pool.userPoolId);
    overrides[pool.logicalId] = {
      Ref: pool.userPoolId,
      UserPoolId: pool.userPoolId,
      Arn: `arn:aws:cognito-idp:${input.region}:${input.accountId}:userpool/${pool.userPoolId}`,
      ProviderName: issuer.replace(/^https?:\/\//, ''),
      ProviderURL: issuer,
    };
    for (const [logicalId, clientId] of Object.entries(pool.clientIds)) overrides[logicalId] = { Ref: clientId, ClientId: clientId };
  }
  return overrides;
}
