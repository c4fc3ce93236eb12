import { Stack, Validations, type CfnElement } from 'aws-cdk-lib';
import type { BaseDataSource, GraphqlApi } from 'aws-cdk-lib/aws-appsync';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { TABLE_DEFINITIONS, TABLE_NAMES, tableEnvironmentVariable, type TableName } from '../data/table-definitions';
import { OutpostApiConfigError } from './api-config-error';

/** The data source for resolvers that touch no table (`// @dataSource NONE`). */
export const NONE_DATA_SOURCE = 'NONE';

/**
 * One DynamoDB data source per table, named for it (versioned where the table is), one Lambda data
 * source per function given, plus NONE.
 * Returns them by name, the names resolvers give on their `// @dataSource` line.
 */
export function addDataSources(
  api: GraphqlApi,
  tables: Readonly<Record<TableName, Table>>,
  deltaSyncTables: Readonly<Partial<Record<TableName, Table>>>,
  functions: Readonly<Record<string, IFunction>>,
): Record<string, BaseDataSource> {
  const dataSources: Record<string, BaseDataSource> = {};
  for (const name of TABLE_NAMES) {
    const dataSource = api.addDynamoDbDataSource(name, tables[name], {
      name,
      description: `The ${name} table.`,
    });
    const versioning = TABLE_DEFINITIONS[name].versioned;
    if (versioning) {
      const deltaSyncTable = deltaSyncTables[name];
      if (deltaSyncTable === undefined) {
        throw new OutpostApiConfigError(
          `Table ${name} is versioned but no delta sync table was given: pass OutpostTables.deltaSyncTables as deltaSyncTables.`,
        );
      }
      // The L2 data source has no versioning options; AppSync writes the delta table with the data source's role.
      dataSource.ds.dynamoDbConfig = {
        awsRegion: Stack.of(api).region,
        tableName: tables[name].tableName,
        versioned: true,
        deltaSyncConfig: {
          baseTableTtl: String(versioning.baseTableTtlMinutes),
          deltaSyncTableName: deltaSyncTable.tableName,
          deltaSyncTableTtl: String(versioning.deltaSyncTableTtlMinutes),
        },
      };
      deltaSyncTable.grantReadWriteData(dataSource);
    }
    // Transactions started from this table's resolvers also write these tables.
    for (const other of transactsWith(name)) {
      tables[other].grantReadWriteData(dataSource);
    }
    for (const granted of [name, ...transactsWith(name)]) {
      if (!hasIndexes(granted)) continue;
      Validations.of(dataSource).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${logicalId(tables[granted])}.Arn>/index/*]`,
        reason: `Grants on the ${granted} table cover its indexes (<table ARN>/index/*) so resolvers can Query its GSIs; the wildcard never leaves that table.`,
      });
    }
    dataSources[name] = dataSource;
  }
  for (const [name, fn] of Object.entries(functions)) {
    if (name in dataSources || name === NONE_DATA_SOURCE) throw new OutpostApiConfigError(`Lambda data source ${name} clashes with a table data source of the same name: give the function another name.`);
    const dataSource = api.addLambdaDataSource(name, fn, { name, description: `The ${name} Lambda function.` });
    Validations.of(dataSource).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${logicalId(fn)}.Arn>:*]`,
      reason: `AppSync may invoke the ${name} function and its versions (<function ARN>:*); the wildcard never leaves that function.`,
    });
    dataSources[name] = dataSource;
  }
  dataSources[NONE_DATA_SOURCE] = api.addNoneDataSource(NONE_DATA_SOURCE, {
    name: NONE_DATA_SOURCE,
    description: 'Local resolvers that touch no data store.',
  });
  return dataSources;
}

/**
 * The physical table names, as the resolvers read them (ctx.env.USERS_TABLE, …), and how long a
 * versioned table's delta sync table keeps changes (ctx.env.NOTES_DELTA_SYNC_TTL_MINUTES), so a
 * sync resolver knows when a delta query can still answer.
 */
export function tableEnvironmentVariables(tables: Readonly<Record<TableName, Table>>): Record<string, string> {
  return Object.fromEntries(
    TABLE_NAMES.flatMap((name) => {
      const variable = tableEnvironmentVariable(name);
      const versioning = TABLE_DEFINITIONS[name].versioned;
      return [
        [variable, tables[name].tableName],
        ...(versioning ? [[variable.replace(/_TABLE$/, '_DELTA_SYNC_TTL_MINUTES'), String(versioning.deltaSyncTableTtlMinutes)]] : []),
      ];
    }),
  );
}

function transactsWith(name: TableName): readonly TableName[] {
  return TABLE_DEFINITIONS[name].transactsWith ?? [];
}

function hasIndexes(name: TableName): boolean {
  return (TABLE_DEFINITIONS[name].globalSecondaryIndexes ?? []).length > 0;
}

function logicalId(resource: Table | IFunction): string {
  return Stack.of(resource).getLogicalId(resource.node.defaultChild as CfnElement);
}

