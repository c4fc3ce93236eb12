// Run as a child process by whole-stack tests (tests/domain/subscriptions.test.ts, tests/fixture-stack/realtime.test.ts), so that NODE_EXTRA_CA_CERTS (read only when Node
// starts) makes the stack's local CA trusted, as on a device that installed it. It configures the
// real Amplify v6 client from amplify_outputs.json alone, signs in, subscribes, and prints one JSON
// line per thing that happens: `ready` when AppSync acknowledged the subscription, `data` per
// delivery, `error` if the subscription failed, and `unsubscribed` once it has received
// `deliveries` results and unsubscribed. It then stays connected until killed. With the username
// `--api-key` it does not sign in and subscribes with the outputs' API key instead.
//
// Usage: tsx follow.ts <amplify_outputs.json> <username | --api-key> <password> <subscription> <variables JSON> <deliveries>
import { readFileSync } from 'node:fs';
import { Amplify, type ResourcesConfig } from 'aws-amplify';
import { generateClient, type GraphQLSubscription } from 'aws-amplify/api';
import { signIn } from 'aws-amplify/auth';
import { Hub } from 'aws-amplify/utils';
import { WebSocket } from 'ws';

interface OutpostOutputs {
  readonly custom: { readonly outpost_local: { readonly user_pool_endpoint: string } };
}

// Amplify announces each subscription's start_ack on the `api` Hub channel with this event
// (@aws-amplify/api-graphql, types/PubSub.ts, CONTROL_MSG.SUBSCRIPTION_ACK).
const SUBSCRIPTION_ACK = 'Subscription ack';
const API_KEY_FLAG = '--api-key';

function print(line: object): void {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

async function main([outputsFile, username, password, query, variables, deliveries]: string[]): Promise<void> {
  // Node 20 has no global WebSocket, which Amplify expects (React Native and browsers have one).
  (globalThis as { WebSocket?: unknown }).WebSocket = WebSocket;
  const outputs = JSON.parse(readFileSync(outputsFile, 'utf8')) as Parameters<typeof Amplify.configure>[0] & OutpostOutputs;
  Amplify.configure(outputs);
  // Amplify talks to cognito-idp.<region>.amazonaws.com unless told otherwise; Outpost Local
  // writes cognito-local's address into the outputs' `custom` section for this.
  const config = Amplify.getConfig();
  const auth = { Cognito: { ...config.Auth!.Cognito, userPoolEndpoint: outputs.custom.outpost_local.user_pool_endpoint } } as ResourcesConfig['Auth'];
  Amplify.configure({ ...config, Auth: auth });
  const byApiKey = username === API_KEY_FLAG;
  if (!byApiKey) await signIn({ username, password, options: { authFlowType: 'USER_PASSWORD_AUTH' } });

  Hub.listen('api', ({ payload }) => {
    if (payload.event === SUBSCRIPTION_ACK) print({ event: 'ready' });
  });
  let received = 0;
  const subscription = generateClient(byApiKey ? { authMode: 'apiKey' } : {})
    .graphql<GraphQLSubscription<object>>({ query, variables: JSON.parse(variables) as Record<string, unknown> })
    .subscribe({
      next: (value) => {
        print({ event: 'data', value });
        received += 1;
        if (received === Number(deliveries)) {
          subscription.unsubscribe();
          print({ event: 'unsubscribed' });
        }
      },
      error: (error: unknown) => print({ event: 'error', error }),
    });
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : JSON.stringify(error)}\n`);
  process.exitCode = 1;
});
