// Hot reload (npm start): a new field and its resolver, written while the stack runs, go live
// without a restart, and the data written before the change is still there.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findFreePort } from '../services/ports';
import { DEMO_USERS } from './demo-users';
import { signIn } from './seed';
import { startStack, type LocalStack } from './start-stack';
import { copyRepoSources } from './testing/repo-copy';
import { localCognitoClient } from '../services/cognito-local';

const PING_RESOLVER = `// @dataSource NONE
import type { Context } from '@aws-appsync/utils';

export function request(ctx: Context) {
  return { payload: 'pong from ' + ctx.info.fieldName };
}

export function response(ctx: Context) {
  return ctx.result;
}
`;

async function waitFor<T>(what: string, attempt: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await attempt();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('hot reload', () => {
  let stack: LocalStack | undefined;
  const repo = copyRepoSources();
  const lines: string[] = [];

  afterAll(async () => {
    await stack?.stop();
    fs.rmSync(repo, { recursive: true, force: true });
  });

  it('serves a field added while running, and keeps the data', async () => {
    stack = await startStack({
      repoRoot: repo,
      inMemory: true,
      ports: { https: await findFreePort(), http: await findFreePort(), cognito: await findFreePort() },
      log: (line) => lines.push(line),
      watch: true,
    });
    const running = stack;
    const alice = DEMO_USERS[0];
    const cognito = localCognitoClient(running.cognitoEndpoint);
    const token = await signIn({ cognito, clientId: running.userPool!.clientId }, alice.username, alice.password);
    cognito.destroy();
    const post = async (query: string) => {
      const response = await fetch(running.urls.http, { method: 'POST', headers: { 'content-type': 'application/json', authorization: token }, body: JSON.stringify({ query }) });
      return (await response.json()) as { data?: Record<string, unknown> | null; errors?: { message: string }[] };
    };
    const before = await post('{ me { handle displayName } }');
    expect(before).toEqual({ data: { me: { handle: 'alice', displayName: 'Alice Demo' } } });

    const schemaFile = path.join(repo, 'schema', 'schema.graphql');
    fs.writeFileSync(schemaFile, fs.readFileSync(schemaFile, 'utf8').replace('type Query {', 'type Query {\n  "A liveness probe added by the hot-reload test."\n  ping: String'));
    fs.writeFileSync(path.join(repo, 'resolvers', 'Query.ping.ts'), PING_RESOLVER);

    const ping = await waitFor('the new field', async () => {
      const result = await post('{ ping }');
      return result.errors ? undefined : result;
    }, 90_000);
    expect(ping).toEqual({ data: { ping: 'pong from ping' } });
    expect(await post('{ me { handle displayName } }')).toEqual(before);
    expect(lines.filter((line) => line.startsWith('reload:')).map((line) => line.replace(/\(\d+ ms\)/, '(N ms)'))).toEqual([
      expect.stringMatching(/^reload: .*resolvers\/Query\.ping\.ts.* is live \(N ms\); data is kept$/),
    ]);
  }, 180_000);
});
