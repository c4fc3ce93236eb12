// Retries of the bulk request, against a scripted client: OpenSearch answers 429 per item when its
// write queue is full, and the whole request can fail with 429 or 5xx
// (https://docs.opensearch.org/latest/api-reference/document-apis/bulk/).
import type { Client } from '@opensearch-project/opensearch';
import { applyActions } from './bulk';
import type { NoteAction } from './index-actions';

const remove = (id: string, sequenceNumber: string): NoteAction => ({ noteId: id, action: { kind: 'delete', id }, sequenceNumbers: [sequenceNumber] });
const actions = [remove('n1', '1'), remove('n2', '2')];

class HttpError extends Error {
  constructor(readonly meta: { statusCode: number }) {
    super(`Response Error (${meta.statusCode})`);
  }
}

/** A client whose bulk answers come from the script, one per call, recording each request's ids. */
function scripted(answers: (object | Error)[]) {
  const requests: string[][] = [];
  const client = {
    bulk: async ({ body }: { body: { delete: { _id: string } }[] }) => {
      requests.push(body.map((line) => line.delete._id));
      const answer = answers.shift();
      if (answer === undefined) throw new Error('The script has no more answers.');
      if (answer instanceof Error) throw answer;
      return { body: answer };
    },
  };
  const sleeps: number[] = [];
  const policy = { maxAttempts: 3, baseDelayMs: 100, sleep: async (ms: number) => void sleeps.push(ms) };
  return { client: client as unknown as Client, requests, sleeps, policy };
}

const item = (status: number, error?: object) => ({ delete: { status, ...(error ? { error } : {}) } });
const rejected = { type: 'es_rejected_execution_exception', reason: 'rejected execution' };

describe('applyActions', () => {
  it('retries only the actions OpenSearch had no room for, doubling the wait', async () => {
    const run = scripted([{ items: [item(200), item(429, rejected)] }, { items: [item(429, rejected)] }, { items: [item(200)] }]);
    expect(await applyActions(run.client, actions, run.policy)).toEqual([]);
    expect({ requests: run.requests, sleeps: run.sleeps }).toEqual({ requests: [['n1', 'n2'], ['n2'], ['n2']], sleeps: [100, 200] });
  });

  it('retries the whole request after a 503 or a dropped connection', async () => {
    const run = scripted([new HttpError({ statusCode: 503 }), new Error('socket hang up'), { items: [item(200), item(404)] }]);
    expect(await applyActions(run.client, actions, run.policy)).toEqual([]);
    expect({ requests: run.requests, sleeps: run.sleeps }).toEqual({ requests: [['n1', 'n2'], ['n1', 'n2'], ['n1', 'n2']], sleeps: [100, 200] });
  });

  it('gives up on an action after the last attempt, and at once on one OpenSearch refuses for good', async () => {
    const refused = { type: 'mapper_parsing_exception', reason: 'failed to parse field [updatedAt]' };
    const run = scripted([{ items: [item(400, refused), item(429, rejected)] }, { items: [item(429, rejected)] }, { items: [item(429, rejected)] }]);
    expect(await applyActions(run.client, actions, run.policy)).toEqual([
      { action: actions[0], reason: 'delete failed with 400: mapper_parsing_exception: failed to parse field [updatedAt]' },
      { action: actions[1], reason: 'delete failed with 429: es_rejected_execution_exception: rejected execution' },
    ]);
    expect({ requests: run.requests, sleeps: run.sleeps }).toEqual({ requests: [['n1', 'n2'], ['n2'], ['n2']], sleeps: [100, 200] });
  });

  it('does not retry a request OpenSearch refuses as a whole (403: the role may not write)', async () => {
    const run = scripted([new HttpError({ statusCode: 403 })]);
    expect(await applyActions(run.client, actions, run.policy)).toEqual(
      actions.map((action) => ({ action, reason: 'The bulk request failed: Response Error (403)' })),
    );
    expect({ requests: run.requests, sleeps: run.sleeps }).toEqual({ requests: [['n1', 'n2']], sleeps: [] });
  });
});
