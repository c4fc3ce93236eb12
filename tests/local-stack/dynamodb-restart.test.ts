// DynamoDB Local dies while the stack runs (its JVM is SIGKILLed by pid): the supervisor starts it
// again on the same port, says so in the log, and the API serves the same data again. The stack
// keeps its tables on disk here, as `npm start` does, so the data outlives the JVM.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEMO_USERS } from '../../local/stack/demo-users';
import { ok, postGraphql, type GraphqlHttpResponse } from '../harness/graphql-http';
import { useLocalStack } from '../harness/local-stack';
import { signIn } from '../harness/users';
import { isProcessAlive } from '../../local/services/process-alive';

jest.setTimeout(90_000);

const running = useLocalStack({ inMemory: false });
const ME = { query: '{ me { handle displayName } }' };
const RECOVERY_TIMEOUT_MS = 60_000;

it('serves again after DynamoDB Local is killed, and logs the restart', async () => {
  const { stack, dataDir, log } = running();
  const alice = DEMO_USERS[0];
  const { idToken } = await signIn(stack, alice.username, alice.password);
  const me = () => postGraphql(stack.urls.http, ME, { headers: { authorization: idToken } });
  const pidFile = path.join(dataDir, 'dynamodb.pid');
  const killedPid = Number(fs.readFileSync(pidFile, 'utf8'));
  const before = await me();

  process.kill(killedPid, 'SIGKILL');
  const answers: GraphqlHttpResponse[] = [];
  const deadline = Date.now() + RECOVERY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const answer = await me();
    answers.push(answer);
    if (answer.status === 200 && JSON.stringify(answer.body) === JSON.stringify(before.body)) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const restartedPid = Number(fs.readFileSync(pidFile, 'utf8'));
  const port = new URL(stack.dynamodbEndpoint).port;

  expect({
    before,
    after: answers[answers.length - 1],
    killedIsGone: !isProcessAlive(killedPid),
    restartedIsNew: restartedPid !== killedPid && isProcessAlive(restartedPid),
    log: log.filter((line) => line.startsWith('DynamoDB Local (pid') || line.startsWith('DynamoDB Local restarted')),
  }).toEqual({
    before: ok({ data: { me: { handle: 'alice', displayName: 'Alice Demo' } } }),
    after: ok({ data: { me: { handle: 'alice', displayName: 'Alice Demo' } } }),
    killedIsGone: true,
    restartedIsNew: true,
    log: [
      `DynamoDB Local (pid ${killedPid}) exited unexpectedly (signal SIGKILL); restarting it on port ${port}.`,
      `DynamoDB Local restarted (pid ${restartedPid}, restart 1).`,
    ],
  });
});
