// Starts tests/harness/amplify-follow.ts (the real Amplify v6 client subscribing in its own
// process) against a running stack, and reads back what it printed.
import * as path from 'node:path';
import type { LocalStack } from '../../local/stack/start-stack';
import { startChild, TSX_LOADER, type RunningChild } from './child-process';

const FOLLOW = path.join(__dirname, 'amplify-follow.ts');

/** Who subscribes: a user of the pool, or the API key from amplify_outputs.json. */
export type Follower = { readonly username: string; readonly password: string } | 'api key';

/** A child that subscribes as `who`, unsubscribing after `deliveries` results. */
export function startFollower(stack: LocalStack, who: Follower, query: string, variables: Record<string, string>, deliveries: number): RunningChild {
  const [username, password] = who === 'api key' ? ['--api-key', '-'] : [who.username, who.password];
  return startChild(process.execPath, ['--import', TSX_LOADER, FOLLOW, stack.outputsPath, username, password, query, JSON.stringify(variables), String(deliveries)], {
    // Read only when Node starts: the stack's local CA is trusted as on a device that installed it.
    env: { ...process.env, NODE_EXTRA_CA_CERTS: stack.caCertPath },
  });
}

/** The JSON lines a follower printed, in order (its stderr lines, such as Amplify's warnings, left out). */
export function followerEvents(child: RunningChild): unknown[] {
  return child
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as unknown);
}
