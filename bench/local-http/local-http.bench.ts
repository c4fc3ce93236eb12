// What Outpost Local adds to a GraphQL request over loopback HTTP, against a raw DynamoDB Local
// GetItem through the AWS SDK in the same run, and how long a stack takes to start.
//
// - Start to ready: the repository's own stack, cold (fresh data dir, forced synth) then warm (same
//   data dir, template unchanged), from LocalStack.startupMs.
// - `me` on the repository's stack with a Cognito token: a consistent GetItem on Users (and an UpdateItem at most hourly).
// - (a) a NONE-data-source field and (b) a GetItem-backed field (`record(id)`), both with a Cognito
//   token. The real app has neither a NONE field nor a plain GetItem field, and the bench must not
//   change the app's schema, so both run on the fixture app of tests/fixture-stack, started the same way.
// Each stack is measured against a GetItem on its own DynamoDB Local. For (a) the baseline is thus
// one raw database round trip: "added ≤ 1 ms" means a whole authenticated NONE request costs at most
// 1 ms more than that. For the GetItem field the difference is what Outpost Local adds to the call.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { findFreePort } from '../../local/services/ports';
import { localCognitoClient } from '../../local/services/cognito-local';
import { DEMO_USERS } from '../../local/stack/demo-users';
import { signIn } from '../../local/stack/seed';
import { startStack, type LocalStack, type StartStackOptions } from '../../local/stack/start-stack';
import { startFixtureStack } from '../../tests/fixture-stack/fixture-stack';
import { compareLatency, type CompareOptions, type LatencySummary } from './latency';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const TARGETS = { addedP50Ms: 1, coldStartMs: 15_000, warmStartMs: 5_000 };
const SEQUENTIAL: CompareOptions = { warmup: 50, rounds: 5, perRound: 100, concurrency: 1 };
const CONCURRENT: CompareOptions = { warmup: 50, rounds: 5, perRound: 200, concurrency: 4 };
// DynamoDB Local accepts only letters and digits in an access key id.
const BASELINE_CREDENTIALS = { accessKeyId: 'outpostbench', secretAccessKey: 'outpostbench' };

export class BenchRequestError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BenchRequestError';
  }
}

/** A call that POSTs one GraphQL request and fails on any error, so that failures are never timed as successes. */
function graphqlCall(url: string, headers: Record<string, string>, query: string): () => Promise<void> {
  const body = JSON.stringify({ query });
  return async () => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    const result = (await response.json()) as { errors?: unknown };
    if (response.status !== 200 || result.errors !== undefined) throw new BenchRequestError(`${query} answered ${response.status}: ${JSON.stringify(result)}`);
  };
}

function getItemCall(client: DynamoDBClient, tableName: string, id: string): () => Promise<void> {
  return async () => {
    const result = await client.send(new GetItemCommand({ TableName: tableName, Key: { id: { S: id } } }));
    if (result.Item === undefined) throw new BenchRequestError(`GetItem found no item ${id} in ${tableName}`);
  };
}

function tableName(stack: LocalStack, logicalIdPrefix: string): string {
  const table = stack.stack.tables.find((candidate) => candidate.logicalId.startsWith(logicalIdPrefix));
  if (!table) throw new BenchRequestError(`The stack has no table whose logical id starts with ${logicalIdPrefix}.`);
  return table.tableName;
}

/** The `sub` of an ID token. */
function subject(idToken: string): string {
  return (JSON.parse(Buffer.from(idToken.split('.')[1], 'base64url').toString('utf8')) as { sub: string }).sub;
}

async function startTimed(options: StartStackOptions, logs: string[]): Promise<LocalStack> {
  try {
    return await startStack(options);
  } catch (error) {
    throw new BenchRequestError(`The repository's stack did not start. Its log:\n${logs.join('\n')}`, { cause: error });
  }
}

const ms = (value: number) => `${value.toFixed(2)} ms`.padStart(10);
const rate = (value: number) => `${Math.round(value).toLocaleString('en-US')} req/s`.padStart(12);
const row = (name: string, summary: LatencySummary) => `  ${name.padEnd(40)} p50 ${ms(summary.p50Ms)}  p99 ${ms(summary.p99Ms)}  ${rate(summary.perSecond)}  (${summary.requests} requests)`;
const verdict = (ok: boolean) => (ok ? 'meets target' : 'MISSES target');

function printOverhead(label: string, measured: LatencySummary, baseline: LatencySummary, target?: number): void {
  const added = measured.p50Ms - baseline.p50Ms;
  const targetText = target === undefined ? '' : `   target ≤ ${target} ms: ${verdict(added <= target)}`;
  console.log(`  ${label.padEnd(40)} added p50 ${ms(added)}   ${(measured.p50Ms / baseline.p50Ms).toFixed(1)}× the baseline p50${targetText}`);
}

/** Cold and warm start of the repository's stack, then `me` against a GetItem on Users. */
async function benchRepositoryStack(): Promise<void> {
  const work = mkdtempSync(path.join(tmpdir(), 'outpost-bench-'));
  const logs: string[] = [];
  const options: StartStackOptions = {
    repoRoot: REPO_ROOT,
    dataDir: path.join(work, 'data'),
    outputsPath: path.join(work, 'amplify_outputs.json'),
    inMemory: true,
    ports: { https: await findFreePort(), http: await findFreePort(), cognito: await findFreePort() },
    log: (line) => logs.push(line),
  };
  try {
    const cold = await startTimed({ ...options, forceSynth: true }, logs);
    const coldMs = cold.startupMs;
    await cold.stop();
    const stack = await startTimed(options, logs);
    const warmMs = stack.startupMs;
    const dynamodb = new DynamoDBClient({ endpoint: stack.dynamodbEndpoint, region: 'us-east-1', credentials: BASELINE_CREDENTIALS });
    const cognito = localCognitoClient(stack.cognitoEndpoint);
    try {
      if (!stack.userPool) throw new BenchRequestError("The repository's stack has no user pool.");
      const demo = DEMO_USERS[0];
      const idToken = await signIn({ cognito, clientId: stack.userPool.clientId }, demo.username, demo.password);
      const me = graphqlCall(stack.urls.http, { authorization: idToken }, '{ me { id handle } }');
      const baseline = getItemCall(dynamodb, tableName(stack, 'TablesUsers'), subject(idToken));

      console.log(`Start to ready, repository stack (LocalStack.startupMs)`);
      console.log(`  cold (fresh data dir, synth)              ${ms(coldMs)}   target ≤ ${TARGETS.coldStartMs} ms: ${verdict(coldMs <= TARGETS.coldStartMs)}`);
      console.log(`  warm (same data dir, template unchanged)  ${ms(warmMs)}   target ≤ ${TARGETS.warmStartMs} ms: ${verdict(warmMs <= TARGETS.warmStartMs)}`);
      for (const [mode, settings] of [['sequential', SEQUENTIAL], [`${CONCURRENT.concurrency} at a time`, CONCURRENT]] as const) {
        const result = await compareLatency({ me, baseline }, settings);
        console.log(`\nRepository stack, ${mode}`);
        console.log(row('me, Cognito token (GetItem)', result.me));
        console.log(row('baseline: DynamoDB Local GetItem, SDK', result.baseline));
        printOverhead('me', result.me, result.baseline);
      }
    } finally {
      dynamodb.destroy();
      cognito.destroy();
      await stack.stop();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** (a) a NONE field and (b) a GetItem field on the fixture app, against a GetItem on its table. */
async function benchFixtureStack(): Promise<void> {
  const fixture = await startFixtureStack();
  const dynamodb = new DynamoDBClient({ endpoint: fixture.stack.dynamodbEndpoint, region: 'us-east-1', credentials: BASELINE_CREDENTIALS });
  try {
    const asUser = { authorization: fixture.idToken };
    await graphqlCall(fixture.stack.urls.http, asUser, 'mutation { putRecord(id: "bench-1", kind: "bench", label: "benchmark row") { id } }')();
    const calls = {
      none: graphqlCall(fixture.stack.urls.http, asUser, '{ noneEcho(message: "bench") { message via } }'),
      getItem: graphqlCall(fixture.stack.urls.http, asUser, '{ record(id: "bench-1") { id kind label } }'),
      baseline: getItemCall(dynamodb, tableName(fixture.stack, 'Records'), 'bench-1'),
    };
    for (const [mode, settings] of [['sequential', SEQUENTIAL], [`${CONCURRENT.concurrency} at a time`, CONCURRENT]] as const) {
      const result = await compareLatency(calls, settings);
      console.log(`\nFixture stack, ${mode}`);
      console.log(row('(a) NONE field, Cognito token', result.none));
      console.log(row('(b) GetItem field, Cognito token', result.getItem));
      console.log(row('baseline: DynamoDB Local GetItem, SDK', result.baseline));
      printOverhead('(a) NONE field', result.none, result.baseline, TARGETS.addedP50Ms);
      printOverhead('(b) GetItem field', result.getItem, result.baseline);
    }
  } finally {
    dynamodb.destroy();
    await fixture.stop();
  }
}

export async function run(): Promise<void> {
  console.log('Outpost Local over loopback HTTP; added = p50 − baseline p50 of the same run.\n');
  await benchRepositoryStack();
  await benchFixtureStack();
}
