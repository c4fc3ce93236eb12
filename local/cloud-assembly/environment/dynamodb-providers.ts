import { localArn, nameOrLogicalId } from './arn';
import type { AttributeProvider, ResourceContext } from './local-environment';

/**
 * The stream label a table gets until the caller overrides `StreamArn` with the ARN DynamoDB Local
 * reports; a fixed label keeps the ARN stable across runs.
 */
export const LOCAL_STREAM_LABEL = '1970-01-01T00:00:00.000';

const tableName = (resource: ResourceContext): string => nameOrLogicalId(resource, 'TableName');
const tableArn = (resource: ResourceContext): string => localArn(resource, 'dynamodb', `table/${tableName(resource)}`);

// Ref returns the table name (aws-cdk-lib aws-dynamodb/lib/dynamodb.generated.js: tableRef = { tableName: this.ref }).
const tableProvider: AttributeProvider = {
  ref: tableName,
  attributes: {
    Arn: tableArn,
    StreamArn: (resource) => `${tableArn(resource)}/stream/${LOCAL_STREAM_LABEL}`,
    TableId: (resource) => resource.logicalId,
  },
};

export const dynamodbProviders: Readonly<Record<string, AttributeProvider>> = {
  'AWS::DynamoDB::Table': tableProvider,
  'AWS::DynamoDB::GlobalTable': tableProvider,
};
