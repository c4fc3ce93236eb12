// The @aws-appsync/utils/dynamodb module: helpers that build DynamoDB data source requests from
// plain values. https://docs.aws.amazon.com/appsync/latest/devguide/built-in-modules-js.html

import type { SandboxHost } from '../../host';
import { createDynamoDbUtil } from '../../util/dynamodb';
import { batchDelete, batchGet, batchPut } from './batch-requests';
import { get, put, remove, update } from './item-requests';
import { operations } from './operations';
import { query, scan, sync } from './read-requests';
import { transactGet, transactWrite } from './transact-requests';

export { DynamoDBHelperInputError } from './errors';

export function createDynamoDbModule(host: SandboxHost) {
  const { toStringSet, toNumberSet, toBinarySet } = createDynamoDbUtil(host);
  return {
    get,
    put,
    remove,
    update,
    operations,
    query,
    scan,
    sync,
    batchGet,
    batchPut,
    batchDelete,
    transactGet,
    transactWrite,
    toStringSet,
    toNumberSet,
    toBinarySet,
  };
}

export type DynamoDbModule = ReturnType<typeof createDynamoDbModule>;
