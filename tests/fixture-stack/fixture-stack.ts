// Runs the fixture app as Outpost Local would run a real app: synthesized into a temporary
// directory, started with `startStack({ cloudAssemblyDir })` on free ports, with a signed-in
// cognito-local user and a local HTTP server behind the HTTP data source.
import { mkdtempSync, rmSync } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { localCognitoClient, createUser } from '../../local/services/cognito-local';
import { findFreePort, LOOPBACK } from '../../local/services/ports';
import { signIn } from '../../local/stack/seed';
import { startStack, type LocalStack } from '../../local/stack/start-stack';
import { synthesizeFixtureApp } from './fixture-app';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const TEST_USER = { username: 'fixture@example.com', password: 'Fixture-Pass-1' };

/** A request the HTTP data source sent to the test server. */
export interface ReceivedRequest {
  readonly method: string;
  readonly url: string;
  readonly fixtureHeader: string | undefined;
}

/** One batch the stream function reported to the test server. */
export interface DeliveredBatch {
  readonly records: readonly { readonly eventName: string; readonly id: string; readonly kind: string }[];
}

export interface GraphQLResponse {
  readonly status: number;
  readonly body: unknown;
}

export interface FixtureStack {
  readonly stack: LocalStack;
  /** An ID token of TEST_USER from cognito-local. */
  readonly idToken: string;
  readonly received: ReceivedRequest[];
  readonly delivered: DeliveredBatch[];
  /** Every log line of the stack, for a failing test to show. */
  readonly logs: string[];
  /** POSTs a GraphQL request to the stack's plain-HTTP endpoint. */
  graphql(request: { query: string; variables?: Record<string, unknown>; operationName?: string }, headers: Record<string, string>): Promise<GraphQLResponse>;
  stop(): Promise<void>;
}

export class FixtureStackError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'FixtureStackError';
  }
}

async function readBody(request: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The test server: `POST /stream-sink` records a batch the stream function reports; any other
 * request is the HTTP data source's, recorded and answered with a JSON echo (404 under /missing).
 */
function startTestServer(received: ReceivedRequest[], delivered: DeliveredBatch[]): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    const url = request.url ?? '';
    if (request.method === 'POST' && url === '/stream-sink') {
      readBody(request)
        .then((body) => {
          delivered.push(JSON.parse(body) as DeliveredBatch);
          response.writeHead(204).end();
        })
        .catch((error: unknown) => response.writeHead(500).end(String(error)));
      return;
    }
    const entry = { method: request.method ?? '', url, fixtureHeader: request.headers['x-fixture'] as string | undefined };
    received.push(entry);
    response.writeHead(url.startsWith('/missing') ? 404 : 200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ method: entry.method, url: entry.url }));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, LOOPBACK, () => resolve(server));
  });
}

function closeServer(server: http.Server): Promise<void> {
  return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}

export async function startFixtureStack(): Promise<FixtureStack> {
  const work = mkdtempSync(path.join(tmpdir(), 'outpost-fixture-'));
  const received: ReceivedRequest[] = [];
  const delivered: DeliveredBatch[] = [];
  const logs: string[] = [];
  const server = await startTestServer(received, delivered);
  let stack: LocalStack | undefined;
  const stop = async () => {
    try {
      await stack?.stop();
    } finally {
      await closeServer(server);
      rmSync(work, { recursive: true, force: true });
    }
  };
  try {
    const cloudAssemblyDir = synthesizeFixtureApp({
      outDir: path.join(work, 'cdk.out'),
      httpEndpoint: `http://${LOOPBACK}:${(server.address() as AddressInfo).port}`,
    });
    stack = await startStack({
      repoRoot: REPO_ROOT,
      cloudAssemblyDir,
      dataDir: path.join(work, 'data'),
      outputsPath: path.join(work, 'amplify_outputs.json'),
      inMemory: true,
      demoUsers: [],
      ports: { https: await findFreePort(), http: await findFreePort(), cognito: await findFreePort() },
      log: (line) => logs.push(line),
    });
    const idToken = await signInTestUser(stack);
    const url = stack.urls.http;
    return {
      stack,
      idToken,
      received,
      delivered,
      logs,
      stop,
      async graphql(request, headers) {
        const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(request) });
        return { status: response.status, body: await response.json() };
      },
    };
  } catch (error) {
    await stop();
    throw new FixtureStackError(`The fixture stack did not start. Its log:\n${logs.join('\n')}`, { cause: error });
  }
}

/** Resolves once `condition` holds, checking every 50 ms; rejects after `timeoutMs`. */
export async function waitFor(what: string, condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new FixtureStackError(`Waited ${timeoutMs} ms for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function signInTestUser(stack: LocalStack): Promise<string> {
  if (!stack.userPool) throw new FixtureStackError('The fixture stack has no user pool.');
  const cognito = localCognitoClient(stack.cognitoEndpoint);
  try {
    await createUser(cognito, { userPoolId: stack.userPool.userPoolId, username: TEST_USER.username, password: TEST_USER.password, attributes: { email: TEST_USER.username } });
    return await signIn({ cognito, clientId: stack.userPool.clientId }, TEST_USER.username, TEST_USER.password);
  } finally {
    cognito.destroy();
  }
}
