// Run as a child process by amplify-client.test.ts, so that NODE_EXTRA_CA_CERTS (read only when
// Node starts) makes the stack's local CA trusted, as it is on a device that installed it. It
// configures the real Amplify v6 client from amplify_outputs.json alone, signs in, queries `me`
// over HTTPS and prints `{ signIn, me }` as JSON.
//
// Usage: tsx sign-in-and-query-me.ts <amplify_outputs.json> <username> <password>
import { readFileSync } from 'node:fs';
import { Amplify, type ResourcesConfig } from 'aws-amplify';
import { generateClient } from 'aws-amplify/api';
import { signIn } from 'aws-amplify/auth';

interface OutpostOutputs {
  readonly custom: { readonly outpost_local: { readonly user_pool_endpoint: string } };
}

async function main([outputsFile, username, password]: string[]): Promise<void> {
  const outputs = JSON.parse(readFileSync(outputsFile, 'utf8')) as Parameters<typeof Amplify.configure>[0] & OutpostOutputs;
  Amplify.configure(outputs);
  // Amplify talks to cognito-idp.<region>.amazonaws.com unless told otherwise; Outpost Local
  // writes cognito-local's address into the outputs' `custom` section for this.
  const config = Amplify.getConfig();
  const auth = { Cognito: { ...config.Auth!.Cognito, userPoolEndpoint: outputs.custom.outpost_local.user_pool_endpoint } } as ResourcesConfig['Auth'];
  Amplify.configure({ ...config, Auth: auth });
  const signedIn = await signIn({ username, password, options: { authFlowType: 'USER_PASSWORD_AUTH' } });
  const me = await generateClient().graphql({ query: 'query { me { id handle } }' });
  process.stdout.write(`${JSON.stringify({ signIn: signedIn, me })}\n`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : JSON.stringify(error)}\n`);
  process.exitCode = 1;
});
