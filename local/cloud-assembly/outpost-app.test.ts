import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import {
  DELTA_SYNC_TABLE,
  TABLE_DEFINITIONS,
  TABLE_NAMES,
  TOMBSTONE_TTL_ATTRIBUTE,
  tableEnvironmentVariable,
  type TableDefinition,
  type TableLayout,
} from '../../infra/lib/data/table-definitions';
import { createOutpostApp } from '../../infra/lib/outpost-app';
import { createLocalEnvironment } from './environment/local-environment';
import type { DataSourceModel } from './model/appsync-data-source';
import type { TableModel } from './model/dynamodb-table';
import { type CloudAssemblyModel, readCloudAssembly } from './read-cloud-assembly';
import { isRecord } from './template';

// Synthesizes the real Outpost app (infra/) once, as `npm run synth` does, and reads it back: what
// Outpost Local runs must be exactly what the CDK app declares.
let outdir: string;
let model: CloudAssemblyModel;
let template: { Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }> };

beforeAll(() => {
  outdir = mkdtempSync(join(tmpdir(), 'outpost-app-'));
  const { app, stack } = createOutpostApp({ outdir, context: { stage: 'dev' } });
  const assembly = app.synth();
  template = JSON.parse(readFileSync(join(assembly.directory, `${stack.artifactId}.template.json`), 'utf8'));
  model = readCloudAssembly(assembly.directory, createLocalEnvironment({ endpoints: { graphqlUrl: 'http://localhost:20002/graphql', searchUrl: 'http://localhost:9200' } }));
});

afterAll(() => rmSync(outdir, { recursive: true, force: true }));

/** The keys, GSIs, TTL and stream a table layout of infra/ asks for, in the reader's terms. */
function expectedLayout(layout: TableLayout): unknown {
  const key = (partition: { name: string }, sort?: { name: string }) => [
    { attributeName: partition.name, keyType: 'HASH' },
    ...(sort === undefined ? [] : [{ attributeName: sort.name, keyType: 'RANGE' }]),
  ];
  return {
    keySchema: key(layout.partitionKey, layout.sortKey),
    gsis: (layout.globalSecondaryIndexes ?? []).map((index) => ({ indexName: index.indexName, keySchema: key(index.partitionKey, index.sortKey) })),
    ttlAttribute: layout.timeToLiveAttribute ?? null,
    streamViewType: layout.stream ?? null,
  };
}

/** A versioned table expires AppSync's tombstones through `_ttl` and has a delta sync table beside it. */
function expectedTable(definition: TableDefinition): unknown {
  const { versioned } = definition;
  return {
    table: expectedLayout(versioned === undefined ? definition : { ...definition, timeToLiveAttribute: TOMBSTONE_TTL_ATTRIBUTE }),
    versioned: versioned !== undefined,
    deltaSync:
      versioned === undefined
        ? null
        : { baseTableTtl: versioned.baseTableTtlMinutes, deltaSyncTableTtl: versioned.deltaSyncTableTtlMinutes, table: expectedLayout(DELTA_SYNC_TABLE) },
  };
}

function actualLayout(table: TableModel | undefined): unknown {
  if (table === undefined) return 'no table';
  return {
    keySchema: table.keySchema,
    gsis: table.gsis.map((index) => ({ indexName: index.indexName, keySchema: index.keySchema })),
    ttlAttribute: table.ttlAttribute,
    streamViewType: table.streamViewType,
  };
}

describe('readCloudAssembly on the Outpost app', () => {
  it('reads the stack without a warning', () => {
    expect({ stacks: model.stacks.map((stack) => stack.stackName), warnings: model.warnings }).toEqual({ stacks: ['Outpost-dev'], warnings: [] });
  });

  it('finds every table of infra/ behind the data source of the same name: keys, GSIs, TTL, stream and delta sync', () => {
    const [stack] = model.stacks;
    const [api] = stack.graphqlApis;
    const table = (logicalId: string | null | undefined) => stack.tables.find((candidate) => candidate.logicalId === logicalId);
    const actual = (source: DataSourceModel | undefined): unknown => {
      if (source?.type !== 'AMAZON_DYNAMODB') return 'no DynamoDB data source';
      const { deltaSyncConfig } = source.dynamodb;
      return {
        table: actualLayout(table(source.dynamodb.tableLogicalId)),
        versioned: source.dynamodb.versioned,
        deltaSync:
          deltaSyncConfig === null
            ? null
            : { baseTableTtl: deltaSyncConfig.baseTableTtl, deltaSyncTableTtl: deltaSyncConfig.deltaSyncTableTtl, table: actualLayout(table(deltaSyncConfig.deltaSyncTableLogicalId)) },
      };
    };
    expect(Object.fromEntries(TABLE_NAMES.map((name) => [name, actual(api.dataSources.find((source) => source.name === name))]))).toEqual(
      Object.fromEntries(TABLE_NAMES.map((name) => [name, expectedTable(TABLE_DEFINITIONS[name])])),
    );
  });

  it("gives resolvers the local table names through the API's environment variables", () => {
    const [stack] = model.stacks;
    const [api] = stack.graphqlApis;
    const tableName = (name: string) => {
      const source = api.dataSources.find((candidate) => candidate.name === name);
      return source?.type === 'AMAZON_DYNAMODB' ? source.dynamodb.tableName : 'no table';
    };
    expect(Object.fromEntries(TABLE_NAMES.map((name) => [tableEnvironmentVariable(name), api.environmentVariables[tableEnvironmentVariable(name)]]))).toEqual(
      Object.fromEntries(TABLE_NAMES.map((name) => [tableEnvironmentVariable(name), tableName(name)])),
    );
  });

  it('reads every resolver and pipeline function with the code the template carries', () => {
    const [api] = model.stacks[0].graphqlApis;
    const codeIn = (properties: Record<string, unknown> = {}): unknown => {
      if (typeof properties.Code === 'string') return properties.Code;
      const location = properties.CodeS3Location;
      const url = isRecord(location) && typeof location['Fn::Sub'] === 'string' ? location['Fn::Sub'] : undefined;
      return url === undefined ? null : readFileSync(join(model.directory, `asset.${basename(url)}`), 'utf8');
    };
    const ofType = (type: string) => Object.values(template.Resources).filter((resource) => resource.Type === type);
    expect({
      resolvers: api.resolvers.map((resolver) => ({ field: `${resolver.typeName}.${resolver.fieldName}`, kind: resolver.kind, code: resolver.code })),
      functions: api.functions.map((fn) => ({ name: fn.name, dataSourceName: fn.dataSourceName, code: fn.code })),
    }).toEqual({
      resolvers: ofType('AWS::AppSync::Resolver').map(({ Properties: p = {} }) => ({ field: `${p.TypeName}.${p.FieldName}`, kind: p.Kind ?? 'UNIT', code: codeIn(p) })),
      functions: ofType('AWS::AppSync::FunctionConfiguration').map(({ Properties: p = {} }) => ({ name: p.Name, dataSourceName: p.DataSourceName, code: codeIn(p) })),
    });
  });

  it("puts the API's user pool auth on the stack's pool, which has the app client", () => {
    const [stack] = model.stacks;
    const [api] = stack.graphqlApis;
    const [pool] = stack.userPools;
    expect({
      pools: stack.userPools.length,
      apiPool: api.defaultAuthMode.userPoolConfig?.userPoolId,
      clients: pool.clients.map((client) => client.clientId),
    }).toEqual({
      pools: 1,
      apiPool: pool.userPoolId,
      clients: Object.entries(template.Resources).filter(([, resource]) => resource.Type === 'AWS::Cognito::UserPoolClient').map(([logicalId]) => logicalId),
    });
  });
});
