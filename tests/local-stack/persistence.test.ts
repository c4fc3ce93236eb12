// `outpost start` killed with SIGKILL (a crash, a closed terminal) and started again on the same
// data directory: users, profiles and handle claims are all still there, and the DynamoDB Local JVM
// the killed process left behind is ended by the new start (local/stack/stale-process.ts) rather
// than left holding the database files.
//
// The CLI runs from a copy of the repository whose cdk.out is the shared test assembly; the data
// directory remembers that assembly's inputs hash, so the CLI reuses it instead of synthesizing.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createUser, localCognitoClient } from '../../local/services/cognito-local';
import { DEMO_USERS } from '../../local/stack/demo-users';
import { signIn as signInForSeed } from '../../local/stack/seed';
import { startChild, type RunningChild } from '../harness/child-process';
import { ok, postGraphql } from '../harness/graphql-http';
import { freePorts, STACK_START_TIMEOUT_MS } from '../harness/local-stack';
import { copySynthInputs, synthesizedAssembly } from '../harness/synthesized-assembly';
import { isProcessAlive } from '../../local/services/process-alive';
import { synthMarker } from '../../local/stack/synth';

jest.setTimeout(2 * STACK_START_TIMEOUT_MS);

const DYNAMODB_LOCAL_MARKER = 'DynamoDBLocal.jar';
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-cli-'));
const dataDir = path.join(root, '.outpost');
const outputsFile = path.join(dataDir, 'amplify_outputs.json');
const children: RunningChild[] = [];
/** Every DynamoDB Local pid this test saw, so that none is left running. */
const jvmPids = new Set<number>();

interface Outputs {
  readonly auth: { readonly user_pool_id: string; readonly user_pool_client_id: string };
  readonly data: { readonly url: string };
  readonly custom: { readonly outpost_local: { readonly user_pool_endpoint: string; readonly http_url: string } };
}

/** The DynamoDB Local JVM named in the data directory's pid file, if that pid still runs it. */
function runningJvm(pid: number): boolean {
  if (!isProcessAlive(pid)) return false;
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(DYNAMODB_LOCAL_MARKER);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

function recordJvmPid(): number {
  const pid = Number(fs.readFileSync(path.join(dataDir, 'dynamodb.pid'), 'utf8'));
  jvmPids.add(pid);
  return pid;
}

async function startCli(ports: { https: number; http: number }): Promise<RunningChild> {
  const cli = startChild(
    process.execPath,
    [path.join(root, 'local', 'bin', 'outpost.js'), 'start', '--data-dir', dataDir, '--outputs', outputsFile, '--port', String(ports.https), '--http-port', String(ports.http)],
    { cwd: root },
  );
  children.push(cli);
  await cli.waitFor('is ready', STACK_START_TIMEOUT_MS);
  recordJvmPid();
  return cli;
}

beforeAll(async () => {
  const assembly = await synthesizedAssembly();
  copySynthInputs(root, ['local', 'tsconfig.json']);
  fs.cpSync(assembly.outDir, path.join(root, 'cdk.out'), { recursive: true });
  fs.mkdirSync(dataDir);
  fs.writeFileSync(path.join(dataDir, 'synth-inputs.sha256'), `${synthMarker(assembly.inputsHash, path.join(root, 'cdk.out'))}\n`);
  // cognito-local's port has no CLI flag: it comes from ports.json, so a free one is remembered here.
  fs.writeFileSync(path.join(dataDir, 'ports.json'), JSON.stringify(await freePorts()));
}, STACK_START_TIMEOUT_MS);

afterAll(async () => {
  try {
    for (const cli of children) {
      if (cli.child.exitCode === null && cli.child.signalCode === null) {
        cli.child.kill('SIGKILL');
        await cli.exited();
      }
    }
    for (const pid of jvmPids) if (runningJvm(pid)) process.kill(pid, 'SIGKILL');
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}, 60_000);

it('keeps users, profiles and handle claims across a SIGKILL, and leaves no JVM behind', async () => {
  const ports = JSON.parse(fs.readFileSync(path.join(dataDir, 'ports.json'), 'utf8')) as { https: number; http: number };
  const first = await startCli(ports);
  const outputs = JSON.parse(fs.readFileSync(outputsFile, 'utf8')) as Outputs;
  const cognito = localCognitoClient(outputs.custom.outpost_local.user_pool_endpoint);
  const target = { cognito, clientId: outputs.auth.user_pool_client_id };
  const graphql = (token: string, query: string, variables?: Record<string, unknown>) =>
    postGraphql(outputs.custom.outpost_local.http_url, { query, variables }, { headers: { authorization: token } });
  const ME = 'query { me { handle displayName } }';
  const UPDATE = 'mutation U($input: UpdateProfileInput!) { updateProfile(input: $input) { handle displayName } }';
  try {
    await createUser(cognito, { userPoolId: outputs.auth.user_pool_id, username: 'kim@example.com', password: 'Kim-Pass-1!', attributes: { email: 'kim@example.com', email_verified: 'true' } });
    const kimBefore = await signInForSeed(target, 'kim@example.com', 'Kim-Pass-1!');
    const created = await graphql(kimBefore, UPDATE, { input: { handle: 'kim_persists', displayName: 'Kim' } });

    const firstJvm = recordJvmPid();
    process.kill(first.child.pid!, 'SIGKILL');
    await first.exited();
    const orphanSurvived = runningJvm(firstJvm);

    const second = await startCli(ports);
    const secondJvm = recordJvmPid();
    const kim = await signInForSeed(target, 'kim@example.com', 'Kim-Pass-1!');
    const alice = DEMO_USERS[0];
    const aliceToken = await signInForSeed(target, alice.username, alice.password);
    const stale = `found ${DYNAMODB_LOCAL_MARKER} (pid ${firstJvm}) left running by an earlier start; stopping it`;
    expect({
      created,
      orphanSurvived,
      orphanEnded: !runningJvm(firstJvm),
      newJvm: secondJvm !== firstJvm && runningJvm(secondJvm),
      staleLine: second.output().split('\n').filter((line) => line.startsWith('found ')),
      // The demo users exist already, so the second start seeds no one.
      seeded: second.output().split('\n').filter((line) => line.startsWith('seed:')),
      kim: await graphql(kim, ME),
      alice: await graphql(aliceToken, ME),
      // The claim survived too: nobody else can take kim's handle.
      claimTaken: ((await graphql(aliceToken, UPDATE, { input: { handle: 'kim_persists' } })).body as { errors: { errorType: string }[] }).errors.map((error) => error.errorType),
    }).toEqual({
      created: ok({ data: { updateProfile: { handle: 'kim_persists', displayName: 'Kim' } } }),
      // Why the stale-process check exists: SIGKILL does not reach the JVM.
      orphanSurvived: true,
      orphanEnded: true,
      newJvm: true,
      staleLine: [stale],
      seeded: [],
      kim: ok({ data: { me: { handle: 'kim_persists', displayName: 'Kim' } } }),
      alice: ok({ data: { me: { handle: 'alice', displayName: 'Alice Demo' } } }),
      claimTaken: ['HandleTaken'],
    });

    // A clean stop (Ctrl-C) ends the JVM as well.
    second.child.kill('SIGINT');
    await second.exited();
    expect({ exitCode: second.child.exitCode, jvmsRunning: [...jvmPids].filter(runningJvm) }).toEqual({ exitCode: 0, jvmsRunning: [] });
  } finally {
    cognito.destroy();
  }
});
