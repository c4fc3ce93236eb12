// The template's AppSync data sources as runnable local data sources.
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DataSourceModel } from '../cloud-assembly';
import type { DataSource } from '../appsync/execution/types';
import { createDynamoDbDataSource } from '../datasources/dynamodb';
import { HttpDataSource } from '../datasources/http/http-data-source';
import { LambdaDataSource, type LambdaInvoker } from '../datasources/lambda/lambda-data-source';
import { NoneDataSource } from '../datasources/none/none-data-source';
import type { Clock } from '../services/clock';

export interface DataSourceDeps {
  readonly dynamodb: DynamoDBClient;
  readonly invokeLambda: LambdaInvoker;
  readonly clock: Clock;
  readonly log: (line: string) => void;
}

function dynamoDbDataSource(model: Extract<DataSourceModel, { type: 'AMAZON_DYNAMODB' }>, deps: DataSourceDeps): DataSource {
  const source = createDynamoDbDataSource({
    client: deps.dynamodb,
    tableName: model.dynamodb.tableName,
    versioned: model.dynamodb.versioned,
    deltaSyncConfig: model.dynamodb.deltaSyncConfig,
    clock: deps.clock,
  });
  // A failed condition reports the error and, as `result`, the item as it is now: AppSync hands
  // the resolver both (ctx.error and ctx.result).
  return { invoke: (request) => source.invoke(request) };
}

export function buildDataSources(models: readonly DataSourceModel[], deps: DataSourceDeps): Record<string, DataSource> {
  const sources: Record<string, DataSource> = {};
  for (const model of models) {
    switch (model.type) {
      case 'AMAZON_DYNAMODB':
        sources[model.name] = dynamoDbDataSource(model, deps);
        break;
      case 'NONE':
        sources[model.name] = new NoneDataSource();
        break;
      case 'HTTP':
        sources[model.name] = new HttpDataSource({ endpoint: model.http.endpoint });
        break;
      case 'AWS_LAMBDA':
        sources[model.name] = new LambdaDataSource(model.lambda.functionArn, deps.invokeLambda);
        break;
      case 'AMAZON_OPENSEARCH_SERVICE':
        deps.log(`data sources: ${model.name} is an OpenSearch data source, which Outpost Local does not run yet; fields on it will fail`);
        break;
    }
  }
  return sources;
}
