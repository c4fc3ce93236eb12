// The real Amplify v6 client (aws-amplify 6.x), configured from nothing but the amplify_outputs.json
// the stack wrote, signs a demo user in against cognito-local and queries `me` over HTTPS. It runs
// in a child process so that NODE_EXTRA_CA_CERTS trusts the stack's local CA from the start.
import * as path from 'node:path';
import { DEMO_USERS } from '../../local/stack/demo-users';
import { runTypeScript } from '../harness/child-process';
import { useLocalStack } from '../harness/local-stack';
import { signIn } from '../harness/users';

jest.setTimeout(90_000);

const running = useLocalStack();
const CHILD = path.join(__dirname, 'amplify', 'sign-in-and-query-me.ts');

it('signs in with USER_PASSWORD_AUTH and queries `me` over HTTPS, configured from amplify_outputs.json', async () => {
  const { stack } = running();
  const alice = DEMO_USERS[0];
  const finished = await runTypeScript(CHILD, [stack.outputsPath, alice.username, alice.password], {
    env: { ...process.env, NODE_EXTRA_CA_CERTS: stack.caCertPath },
    timeoutMs: 60_000,
  });
  const { idToken } = await signIn(stack, alice.username, alice.password);
  const sub = JSON.parse(Buffer.from(idToken.split('.')[1], 'base64url').toString('utf8')).sub as string;
  const warnings = finished.stderr.split('\n').filter(Boolean).map((line) => line.replace(/^\[WARN\] [\d:.]+ /, '[WARN] '));
  expect({ code: finished.code, warnings, result: JSON.parse(finished.stdout) }).toEqual({
    code: 0,
    // Amplify's reminder whenever userPoolEndpoint is set; nothing else goes wrong.
    warnings: ['[WARN] Auth - You are using a custom Amazon Amazon Cognito User Pool endpoint, ensure the endpoint is correct.'],
    result: {
      // AuthSignInOutput with DoneSignInStep: https://aws-amplify.github.io/amplify-js/api/interfaces/aws_amplify.auth._Reference_Types_.AuthSignInOutput.html
      signIn: { isSignedIn: true, nextStep: { signInStep: 'DONE' } },
      me: { data: { me: { id: sub, handle: 'alice' } } },
    },
  });
});
