import { graphql } from 'graphql';
import { buildAppSyncSchema } from '../../../schema/validate';
import { ResolverRuntime } from '../../appsync-js/sandbox/resolver-module';
import { NoneDataSource } from '../../datasources/none/none-data-source';
import { executeAppSync } from '../execution/execute';
import type { CallerContext, ResolverTable } from '../execution/types';
import { isAwsDate, isAwsDateTime, isAwsEmail, isAwsIpAddress, isAwsPhone, isAwsTime, isAwsUrl } from './formats';
import { withAwsScalars } from './with-aws-scalars';

// Formats: https://docs.aws.amazon.com/appsync/latest/devguide/scalars.html
describe('AWS scalar formats', () => {
  const cases: [string, (value: string) => boolean, string[], string[]][] = [
    ['AWSDate', isAwsDate, ['1970-01-01', '1970-01-01Z', '1970-01-01-07:00', '1970-01-01+05:30', '1970-01-01+05:30:15', '2024-02-29'], ['1970-1-1', '2023-02-29', '1970-13-01', '1970-01-01T00:00Z', '']],
    ['AWSTime', isAwsTime, ['12:30:24', '12:30', '12:30:24.123', '12:30:24Z', '12:30:24-07:00', '12:30:24.123456789+05:30:15'], ['24:00:00', '12:60', '1230', '12:30:24.']],
    ['AWSDateTime', isAwsDateTime, ['1970-01-01T12:00:00Z', '1930-01-01T16:00:00.123-08:00', '2026-11-22T10:00+01:00'], ['2026-05-06T00:00:00.000', '1970-01-01', '1970-01-01T25:00:00Z']],
    ['AWSEmail', isAwsEmail, ['example@example.com', 'first.last+tag@sub.example.org'], ['example', 'a@', '@example.com', 'a b@example.com']],
    ['AWSURL', isAwsUrl, ['https://www.amazon.com/dp/B000NZW3KC/', 'mailto:example@example.com', 'http://127.0.0.1:8080/a?b=c'], ['www.amazon.com', 'https://www.amazon.com/dp//B000NZW3KC', 'not a url']],
    ['AWSPhone', isAwsPhone, ['+1 555 764 4377', '+1-555-764-4377', '555 764 4377', '+44 20 7946 0958'], ['555-CALL', '12', '+1 (555) 764 4377x']],
    ['AWSIPAddress', isAwsIpAddress, ['123.12.34.56', '1.2.3.4/24', '1a2b:3c4b::', '::1/128'], ['256.1.1.1', '1.2.3.4/33', 'localhost', '1.2.3.4/24/1']],
  ];
  it.each(cases)('%s accepts the documented forms and rejects others', (_name, check, valid, invalid) => {
    expect({ valid: valid.map(check), invalid: invalid.map(check) }).toEqual({ valid: valid.map(() => true), invalid: invalid.map(() => false) });
  });
});

const schema = withAwsScalars(
  buildAppSyncSchema(`
    type Query {
      day(on: AWSDate): AWSDate
      stamp(at: AWSTimestamp): AWSTimestamp
      json(value: AWSJSON): AWSJSON
      keys(value: AWSJSON): [String]
      link(url: AWSURL!): AWSURL
      created: Item
    }
    type Item { at: AWSDateTime seen: AWSTimestamp }
  `),
);

const caller: CallerContext = { identity: null, authMode: 'API_KEY', headers: {}, domainName: null };

function run(query: string, variables: Record<string, unknown> | null = null, resolvers: ResolverTable = {}) {
  return executeAppSync(schema, { runtime: new ResolverRuntime(), resolvers, dataSources: { none: new NoneDataSource() } }, caller, { query, variables });
}

const rootValue = { day: ({ on }: { on: string }) => on, stamp: ({ at }: { at: number }) => at, json: ({ value }: { value: unknown }) => value, keys: ({ value }: { value: object }) => Object.keys(value), link: ({ url }: { url: string }) => url };

describe('withAwsScalars', () => {
  it('keeps the schema’s directives on fields and types, which authorization reads', () => {
    const swapped = withAwsScalars(buildAppSyncSchema('type Query @aws_api_key { secret: AWSDate @aws_iam open: String }'));
    const query = swapped.getQueryType();
    expect({
      type: query?.astNode?.directives?.map((directive) => directive.name.value),
      field: query?.getFields().secret.astNode?.directives?.map((directive) => directive.name.value),
      scalar: String(query?.getFields().secret.type),
      parses: (query?.getFields().secret.type as { parseValue(value: unknown): unknown }).parseValue('2026-01-01'),
    }).toEqual({ type: ['aws_api_key'], field: ['aws_iam'], scalar: 'AWSDate', parses: '2026-01-01' });
  });
});

describe('AWS scalars in a schema', () => {
  it('accepts valid literals and variables and parses AWSJSON for resolvers', async () => {
    const result = await graphql({
      schema,
      source: 'query Q($d: AWSDate, $j: AWSJSON) { day(on: $d) stamp(at: 1700000000) json(value: $j) keys(value: "{\\"a\\":1,\\"b\\":2}") link(url: "https://example.com/x") }',
      variableValues: { d: '2026-11-22Z', j: '{"nested":[1,true,null]}' },
      rootValue,
    });
    expect(result).toEqual({ data: { day: '2026-11-22Z', stamp: 1700000000, json: '{"nested":[1,true,null]}', keys: ['a', 'b'], link: 'https://example.com/x' } });
  });

  it('hands resolvers AWSJSON arguments parsed', async () => {
    // "Any valid JSON construct is automatically parsed and loaded in the resolver code as maps,
    // lists, or scalar values": https://docs.aws.amazon.com/appsync/latest/devguide/scalars.html (AWSJSON).
    const resolvers: ResolverTable = {
      'Query.keys': { kind: 'UNIT', dataSource: 'none', code: `export function request(ctx) { return { payload: Object.keys(ctx.args.value).concat([typeof ctx.args.value.n]) }; }\nexport function response(ctx) { return ctx.result; }` },
    };
    expect(await run('query Q($v: AWSJSON) { keys(value: $v) }', { v: '{"a":{"b":1},"n":2}' }, resolvers)).toEqual({ data: { keys: ['a', 'n', 'number'] } });
  });

  // graphql-java locates a WrongType error at the argument, not its value (aws-mobile-appsync-sdk-js#554).
  it('rejects an invalid literal with a validation error', async () => {
    expect(await run('{ day(on: "2026-13-01") }')).toEqual({
      data: null,
      errors: [
        { path: null, locations: [{ line: 1, column: 7, sourceName: null }], message: "Validation error of type WrongType: argument 'on' with value 'StringValue{value='2026-13-01'}' is not a valid 'AWSDate' @ 'day'" },
      ],
    });
  });

  // AppSync's words for a variable a scalar rejects (aws-amplify/amplify-cli#2033, amplify-flutter#822).
  it('rejects an invalid variable before execution', async () => {
    expect(await run('query Q($u: AWSURL!) { link(url: $u) }', { u: 'www.example.com' })).toEqual({
      data: null,
      errors: [{ path: null, locations: [{ line: 1, column: 9, sourceName: null }], message: "Variable 'u' has an invalid value. Unable to parse `www.example.com` as a valid URL." }],
    });
  });

  it('reports a value a resolver returns that the scalar cannot serialize as AppSync does', async () => {
    // AppSync's wording for these, quoted from deployed APIs' responses in public reports:
    // "Can't serialize value (/listSummons/items[0]/hearing_date) : Unable to serialize `2026-05-06T00:00:00.000` as a valid DateTime Object."
    // "Can't serialize value (/UsersQueryByEmail/items[0]/updatedAt) : Unable to serialize `2026-01-22T17:48:30.032Z` as a valid timestamp."
    const resolvers: ResolverTable = {
      'Query.created': { kind: 'UNIT', dataSource: 'none', code: `export function request(ctx) { return { payload: { at: '2026-05-06T00:00:00.000', seen: '2026-01-22T17:48:30.032Z' } }; }\nexport function response(ctx) { return ctx.result; }` },
    };
    expect(await run('{ created { at seen } }', null, resolvers)).toEqual({
      data: { created: { at: null, seen: null } },
      errors: [
        { path: ['created', 'at'], locations: null, message: "Can't serialize value (/created/at) : Unable to serialize `2026-05-06T00:00:00.000` as a valid DateTime Object." },
        { path: ['created', 'seen'], locations: null, message: "Can't serialize value (/created/seen) : Unable to serialize `2026-01-22T17:48:30.032Z` as a valid timestamp." },
      ],
    });
  });
});
