// What each main operation of the app costs in DynamoDB capacity, and so in money at on-demand
// prices. Every operation runs once through the repository's own stack (Outpost Local on DynamoDB
// Local) with its DynamoDB data sources on a metered client (consumed-capacity.ts), in the steady
// state: the caller was active within the hour, so the activity refresh does not write.
//
// Counted: every read and write the resolvers' data sources make, including the delta sync table
// that the versioned Notes data source writes and the read-back AppSync makes after a failed
// condition. Not counted: Lambda functions (stream consumers, the batched profile loader), which
// use their own clients, and stream reads by Lambda triggers, which DynamoDB does not charge.
//
// Prices: DynamoDB on-demand, US East (N. Virginia): $0.625 per million write request units and
// $0.125 per million read request units (https://aws.amazon.com/dynamodb/pricing/on-demand/).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { authorizeField } from '../../local/appsync/auth';
import { executeAppSync } from '../../local/appsync/execution/execute';
import type { AppSyncResponse, GraphQLRequestBody } from '../../local/appsync/execution/types';
import { OffsetClock } from '../../local/services/clock';
import { buildDataSources } from '../../local/stack/data-sources';
import type { LocalStack } from '../../local/stack/start-stack';
import { freePorts, startTestStack } from '../../tests/harness/local-stack';
import { createTestUser, signIn, type TestUser } from '../../tests/harness/users';
import { CapacityMeter, meteredDynamoDbClient, type Consumption } from './consumed-capacity';

const USD_PER_MILLION_RRU = 0.125;
const USD_PER_MILLION_WRU = 0.625;
const HOUR_MS = 60 * 60 * 1000;
const NOTES_IN_SPACE = 25;

export class CapacityBenchError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CapacityBenchError';
  }
}

interface Row {
  readonly name: string;
  readonly consumption: Consumption;
}

/** Runs GraphQL operations as one user through the stack's API, on the metered data sources. */
class MeteredApi {
  constructor(
    private readonly stack: LocalStack,
    private readonly services: LocalStack['api']['services'],
    private readonly meter: CapacityMeter,
  ) {}

  async run(token: string, query: string, variables: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    const body: GraphQLRequestBody = { query, variables };
    const api = this.stack.api;
    const caller = await api.authenticator.authenticate({
      method: 'POST',
      target: '/graphql',
      headers: { authorization: token, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      sourceIp: '127.0.0.1',
      graphql: { query, variables },
    });
    const response: AppSyncResponse = await executeAppSync(
      api.schema,
      this.services,
      {
        identity: caller.identity,
        authMode: caller.mode,
        headers: { authorization: token },
        domainName: null,
        authorizeField: (parentType, fieldName) => ({ allowed: authorizeField(api.schema, parentType, fieldName, caller) }),
      },
      body,
    );
    const result = response as { data?: Record<string, unknown> | null; errors?: unknown };
    if (result.errors !== undefined || !result.data) throw new CapacityBenchError(`${query} answered ${JSON.stringify(response)}`);
    return result.data;
  }

  /** Runs one operation and returns what it consumed, nothing else. */
  async measure(token: string, query: string, variables: Record<string, unknown> = {}): Promise<{ data: Record<string, unknown>; consumption: Consumption }> {
    this.meter.take();
    const data = await this.run(token, query, variables);
    return { data, consumption: this.meter.take() };
  }
}

const usd = (c: { rcu: number; wcu: number }) => c.rcu * USD_PER_MILLION_RRU + c.wcu * USD_PER_MILLION_WRU;
const units = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1)).padStart(5);

function print(rows: readonly Row[], baseline: Row): void {
  console.log(`  ${'operation'.padEnd(46)}  RCU    WCU   $ / million   × baseline`);
  for (const row of rows) {
    const { rcu, wcu, failedConditionWcu } = row.consumption;
    const failed = failedConditionWcu > 0 ? `  (${failedConditionWcu} WCU of a failed condition)` : '';
    console.log(
      `  ${row.name.padEnd(46)} ${units(rcu)}  ${units(wcu)}   ${('$' + usd(row.consumption).toFixed(4)).padStart(10)}   ${(usd(row.consumption) / usd(baseline.consumption)).toFixed(1).padStart(6)}×${failed}`,
    );
  }
}

/** The Users table's share of an operation: what the activity refresh consumed. */
function usersShare(stack: LocalStack, consumption: Consumption): Consumption {
  const table = stack.stack.tables.find((candidate) => candidate.logicalId.startsWith('TablesUsers'))!.tableName;
  const share = consumption.byTable[table] ?? { rcu: 0, wcu: 0 };
  return { ...share, failedConditionWcu: consumption.failedConditionWcu, byTable: { [table]: share } };
}

async function measureAll(stack: LocalStack, clock: OffsetClock): Promise<void> {
  const meter = new CapacityMeter();
  const client = meteredDynamoDbClient(stack.dynamodbEndpoint, meter);
  try {
    const dataSources = buildDataSources(stack.api.model.dataSources, {
      dynamodb: client,
      invokeLambda: async (functionArn) => {
        throw new CapacityBenchError(`The capacity bench runs no Lambda functions; an operation called ${functionArn}. Select only fields resolved by DynamoDB.`);
      },
      clock,
      log: (line) => console.log(`  ${line}`),
    });
    const api = new MeteredApi(stack, { ...stack.api.services, dataSources }, meter);
    const ada: TestUser = await createTestUser(stack, 'ada@bench.example.com');
    const bea: TestUser = await createTestUser(stack, 'bea@bench.example.com');
    const adaToken = (await signIn(stack, ada.username, ada.password)).idToken;
    const beaToken = (await signIn(stack, bea.username, bea.password)).idToken;
    const rows: Row[] = [];
    const row = async (name: string, token: string, query: string, variables: Record<string, unknown> = {}) => {
      const { data, consumption } = await api.measure(token, query, variables);
      rows.push({ name, consumption });
      return data;
    };

    // The baseline: one strongly consistent GetItem of a profile, straight through the SDK.
    await api.run(adaToken, 'query { me { id } }');
    await api.run(beaToken, 'query { me { id } }');
    const usersTable = stack.stack.tables.find((candidate) => candidate.logicalId.startsWith('TablesUsers'))!.tableName;
    meter.take();
    await client.send(new GetItemCommand({ TableName: usersTable, Key: { id: { S: ada.sub } }, ConsistentRead: true }));
    const baseline: Row = { name: 'baseline: GetItem of a profile (consistent)', consumption: meter.take() };
    rows.push(baseline);

    await row('me', adaToken, 'query { me { id handle lastActiveAt } }');
    await row('updateProfile, claiming a handle', adaToken, 'mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { id handle } }', {
      input: { handle: 'ada_bench', displayName: 'Ada' },
    });
    await row('user(id)', beaToken, 'query($id: ID!) { user(id: $id) { id handle displayName } }', { id: ada.sub });
    await row('userByHandle', beaToken, 'query($handle: String!) { userByHandle(handle: $handle) { id handle } }', { handle: 'ada_bench' });
    const created = await row('createSpace', adaToken, 'mutation($input: CreateSpaceInput!) { createSpace(input: $input) { id } }', { input: { name: 'Estuary' } });
    const spaceId = (created.createSpace as { id: string }).id;
    await row('addMember', adaToken, 'mutation($spaceId: ID!, $userId: ID!) { addMember(spaceId: $spaceId, userId: $userId, role: EDITOR) { role } }', { spaceId, userId: bea.sub });
    await row('mySpaces', adaToken, 'query { mySpaces { items { id name memberCount myRole } nextToken } }');
    await row('space', adaToken, 'query($id: ID!) { space(id: $id) { id name memberCount myRole } }', { id: spaceId });

    const createNote = 'mutation($input: CreateNoteInput!) { createNote(input: $input) { id _version } }';
    const noteInput = (i: number) => ({ spaceId, title: `Note ${i}`, body: 'Curlew, redshank and a little egret on the mudflats at low tide.', tags: ['birds'] });
    for (let i = 0; i < NOTES_IN_SPACE - 1; i += 1) await api.run(adaToken, createNote, { input: noteInput(i) });
    const note = (await row('createNote', adaToken, createNote, { input: noteInput(NOTES_IN_SPACE) })).createNote as { id: string; _version: number };
    await row('notes (a page of 20)', beaToken, 'query($spaceId: ID!) { notes(spaceId: $spaceId, limit: 20) { items { id title body tags updatedAt _version } nextToken } }', { spaceId });
    await row('note', beaToken, 'query($id: ID!) { note(id: $id) { id title body tags _version } }', { id: note.id });
    const updated = (await row('updateNote', beaToken, 'mutation($input: UpdateNoteInput!) { updateNote(input: $input) { id _version } }', {
      input: { id: note.id, _version: note._version, title: 'Waders at low tide' },
    })).updateNote as { _version: number };
    await row('addComment', beaToken, 'mutation($input: AddCommentInput!) { addComment(input: $input) { id } }', { input: { noteId: note.id, body: 'Seen one more on Sunday.' } });
    for (let i = 0; i < 4; i += 1) await api.run(adaToken, 'mutation($input: AddCommentInput!) { addComment(input: $input) { id } }', { input: { noteId: note.id, body: `Reply ${i}` } });
    await row('comments (5 comments)', adaToken, 'query($noteId: ID!) { comments(noteId: $noteId) { items { id body createdAt } nextToken } }', { noteId: note.id });
    await row('deleteNote', adaToken, 'mutation($input: DeleteNoteInput!) { deleteNote(input: $input) { id _deleted } }', { input: { id: note.id, _version: updated._version } });
    const register = 'mutation($input: RegisterDeviceInput!) { registerDevice(input: $input) { deviceId } }';
    const device = { input: { deviceId: 'ada-phone', platform: 'IOS', pushToken: 'a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2' } };
    const within = await api.measure(adaToken, register, device);
    rows.push({ name: 'registerDevice', consumption: within.consumption });
    rows.push({ name: 'activity refresh, active within the hour', consumption: usersShare(stack, within.consumption) });

    // An hour on, `me` refreshes lastActiveAt; another hour on, so does the same mutation.
    clock.advance(HOUR_MS + 1000);
    const laterToken = (await signIn(stack, ada.username, ada.password)).idToken;
    await row('me, an hour on (refreshes)', laterToken, 'query { me { id handle lastActiveAt } }');
    clock.advance(HOUR_MS + 1000);
    const latestToken = (await signIn(stack, ada.username, ada.password)).idToken;
    const hourOn = await api.measure(latestToken, register, device);
    rows.push({ name: 'activity refresh, an hour on (writes)', consumption: usersShare(stack, hourOn.consumption) });

    console.log('DynamoDB capacity per operation, one run each on DynamoDB Local (ReturnConsumedCapacity TOTAL),');
    console.log(`priced at on-demand us-east-1: $${USD_PER_MILLION_RRU} per million RRU, $${USD_PER_MILLION_WRU} per million WRU.`);
    console.log("Transactions at DynamoDB's 2 units per item, a failed condition at 1 WCU: DynamoDB Local's figures for these are not DynamoDB's.\n");
    print(rows, baseline);
  } finally {
    client.destroy();
  }
}

export async function run(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'outpost-bench-capacity-'));
  const log: string[] = [];
  const clock = new OffsetClock();
  let stack: LocalStack;
  try {
    stack = await startTestStack({ dataDir, log, ports: await freePorts(), clock });
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw new CapacityBenchError(`The repository's stack did not start. Its log:\n${log.join('\n')}`, { cause: error });
  }
  try {
    await measureAll(stack, clock);
  } finally {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
