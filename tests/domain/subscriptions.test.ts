// Subscriptions end to end, with the real Amplify v6 client (aws-amplify 6.x) in child processes
// configured from nothing but the amplify_outputs.json the stack wrote, signed in to the user pool
// or using its API key: only members of a space receive its notes and comments, only users
// themselves their membership changes, an API key (which carries no identity to check membership
// against) is refused, and a subscription that ended receives nothing more.
import { followerEvents, startFollower } from '../harness/amplify-follower';
import type { RunningChild } from '../harness/child-process';
import { ok, postGraphql } from '../harness/graphql-http';
import { useLocalStack } from '../harness/local-stack';
import { createTestUser, signIn, type TestUser } from '../harness/users';

jest.setTimeout(120_000);

const running = useLocalStack();
const WAIT_MS = 30_000;
const CREATE_SPACE = 'mutation CreateSpace($input: CreateSpaceInput!) { createSpace(input: $input) { id } }';
const ADD = 'mutation Add($spaceId: ID!, $userId: ID!, $role: Role!) { addMember(spaceId: $spaceId, userId: $userId, role: $role) { spaceId userId role } }';
// The mutation selects every field the subscription asks for: subscribers receive only what the
// mutation selected (https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-real-time-data.html).
const CREATE_NOTE = 'mutation Create($input: CreateNoteInput!) { createNote(input: $input) { id spaceId authorId title _version } }';
const ADD_COMMENT = 'mutation Comment($input: AddCommentInput!) { addComment(input: $input) { id noteId spaceId authorId body createdAt } }';
const ON_NOTE_CHANGED = 'subscription OnNoteChanged($spaceId: ID!) { onNoteChanged(spaceId: $spaceId) { id spaceId authorId title _version } }';
const ON_COMMENT_ADDED = 'subscription OnCommentAdded($noteId: ID!) { onCommentAdded(noteId: $noteId) { id noteId spaceId authorId body createdAt } }';
const ON_MEMBERSHIP_CHANGED = 'subscription OnMembershipChanged($userId: ID!) { onMembershipChanged(userId: $userId) { spaceId userId role } }';

const tokens = new Map<string, string>();
const children: RunningChild[] = [];

// Each test's children end before the next test, and all before the stack stops in afterAll.
afterEach(async () => {
  const ending = children.splice(0);
  for (const { child } of ending) child.kill('SIGKILL');
  await Promise.all(ending.map((follower) => follower.exited()));
});

function as(user: TestUser, query: string, variables: Record<string, unknown> = {}) {
  return postGraphql(running().stack.urls.http, { query, variables }, { headers: { authorization: tokens.get(user.sub)! } });
}

async function data<T>(user: TestUser, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await as(user, query, variables);
  expect(response).toEqual(ok({ data: expect.anything() }));
  return (response.body as { data: T }).data;
}

async function signedInUser(username: string): Promise<TestUser> {
  const { stack } = running();
  const user = await createTestUser(stack, username);
  tokens.set(user.sub, (await signIn(stack, user.username, user.password)).idToken);
  // The first `me` creates the profile that addMember requires.
  await data(user, 'query Me { me { id } }');
  return user;
}

/** A child that subscribes as `user` (or with the API key), unsubscribing after `deliveries` results. */
function follow(user: TestUser | 'api key', query: string, variables: Record<string, string>, deliveries: number): RunningChild {
  const child = startFollower(running().stack, user, query, variables, deliveries);
  children.push(child);
  return child;
}

let ada: TestUser;
let bea: TestUser;
let cy: TestUser;
let dee: TestUser;

beforeAll(async () => {
  ada = await signedInUser('ada@subscriptions.example.com');
  bea = await signedInUser('bea@subscriptions.example.com');
  cy = await signedInUser('cy@subscriptions.example.com');
  dee = await signedInUser('dee@subscriptions.example.com');
});

/** A space of ada's with bea as EDITOR and dee as VIEWER; cy is not a member. */
async function space(name: string): Promise<string> {
  const spaceId = (await data<{ createSpace: { id: string } }>(ada, CREATE_SPACE, { input: { name } })).createSpace.id;
  await data(ada, ADD, { spaceId, userId: bea.sub, role: 'EDITOR' });
  await data(ada, ADD, { spaceId, userId: dee.sub, role: 'VIEWER' });
  return spaceId;
}

/** The error Amplify's observer gets when the subscription resolver refuses with util.error(message, errorType). */
function refused(errorType: string, message: string) {
  return { event: 'error', error: { errors: [{ message: `Connection failed: ${JSON.stringify({ errors: [{ errorType, message }] })}` }] } };
}

it('delivers a space’s notes to its members only, and nothing after a member unsubscribes', async () => {
  const spaceId = await space('Estuary');

  // ada (OWNER) unsubscribes after the first note; dee (VIEWER) stays subscribed, so the second note
  // reaching dee shows it was published while ada no longer listened. cy is not a member.
  const adaFollows = follow(ada, ON_NOTE_CHANGED, { spaceId }, 1);
  const deeFollows = follow(dee, ON_NOTE_CHANGED, { spaceId }, 2);
  const cyFollows = follow(cy, ON_NOTE_CHANGED, { spaceId }, 1);
  const keyFollows = follow('api key', ON_NOTE_CHANGED, { spaceId }, 1);
  await Promise.all([
    adaFollows.waitFor('"ready"', WAIT_MS),
    deeFollows.waitFor('"ready"', WAIT_MS),
    cyFollows.waitFor('"error"', WAIT_MS),
    keyFollows.waitFor('"error"', WAIT_MS),
  ]);

  const first = await data<{ createNote: object }>(bea, CREATE_NOTE, { input: { spaceId, title: 'Curlew' } });
  await Promise.all([adaFollows.waitFor('"unsubscribed"', WAIT_MS), deeFollows.waitFor('"Curlew"', WAIT_MS)]);
  const second = await data<{ createNote: object }>(bea, CREATE_NOTE, { input: { spaceId, title: 'Godwit' } });
  await deeFollows.waitFor('"unsubscribed"', WAIT_MS);

  expect({ ada: followerEvents(adaFollows), dee: followerEvents(deeFollows), cy: followerEvents(cyFollows), key: followerEvents(keyFollows) }).toEqual({
    ada: [{ event: 'ready' }, { event: 'data', value: { data: { onNoteChanged: first.createNote } } }, { event: 'unsubscribed' }],
    dee: [
      { event: 'ready' },
      { event: 'data', value: { data: { onNoteChanged: first.createNote } } },
      { event: 'data', value: { data: { onNoteChanged: second.createNote } } },
      { event: 'unsubscribed' },
    ],
    // The subscription resolver's util.unauthorized() refuses the `start` with an `error` message;
    // Amplify hands its payload to the observer as "Connection failed: <payload JSON>"
    // (@aws-amplify/api-graphql, Providers/AWSWebSocketProvider, _handleIncomingSubscriptionMessage),
    // and counts errorType Unauthorized among its auth errors, as AppSync sends it for a resolver's denial.
    cy: [refused('Unauthorized', 'Not Authorized to access onNoteChanged on type Subscription')],
    // onNoteChanged has no @aws_api_key (schema/schema.graphql says why): the API-key subscriber is
    // refused by the field's auth directives before any resolver runs (aws-amplify/amplify-category-api#2422).
    key: [refused('Unauthorized', 'Not Authorized to access onNoteChanged on type Subscription')],
  });
});

it('delivers a note’s comments to the members of its space only', async () => {
  const spaceId = await space('Saltmarsh');
  const { createNote: followed } = await data<{ createNote: { id: string } }>(bea, CREATE_NOTE, { input: { spaceId, title: 'Redshank' } });
  const { createNote: other } = await data<{ createNote: { id: string } }>(bea, CREATE_NOTE, { input: { spaceId, title: 'Dunlin' } });

  const deeFollows = follow(dee, ON_COMMENT_ADDED, { noteId: followed.id }, 1);
  const cyFollows = follow(cy, ON_COMMENT_ADDED, { noteId: followed.id }, 1);
  const missingFollows = follow(dee, ON_COMMENT_ADDED, { noteId: 'no-such-note' }, 1);
  await Promise.all([deeFollows.waitFor('"ready"', WAIT_MS), cyFollows.waitFor('"error"', WAIT_MS), missingFollows.waitFor('"error"', WAIT_MS)]);

  // The comment on the other note comes first: had it been delivered, it would be dee's only delivery.
  await data(bea, ADD_COMMENT, { input: { noteId: other.id, body: 'Flock of forty' } });
  const { addComment } = await data<{ addComment: object }>(bea, ADD_COMMENT, { input: { noteId: followed.id, body: 'Calling at dusk' } });
  await deeFollows.waitFor('"unsubscribed"', WAIT_MS);

  expect({ dee: followerEvents(deeFollows), cy: followerEvents(cyFollows), missing: followerEvents(missingFollows) }).toEqual({
    dee: [{ event: 'ready' }, { event: 'data', value: { data: { onCommentAdded: addComment } } }, { event: 'unsubscribed' }],
    cy: [refused('Unauthorized', 'Not Authorized to access onCommentAdded on type Subscription')],
    missing: [refused('NoteNotFound', 'Note no-such-note does not exist.')],
  });
});

it('delivers a user’s membership changes to that user only', async () => {
  const deeFollows = follow(dee, ON_MEMBERSHIP_CHANGED, { userId: dee.sub }, 1);
  const cyFollows = follow(cy, ON_MEMBERSHIP_CHANGED, { userId: dee.sub }, 1);
  await Promise.all([deeFollows.waitFor('"ready"', WAIT_MS), cyFollows.waitFor('"error"', WAIT_MS)]);

  // bea's membership comes first: had it been delivered, it would be dee's only delivery.
  const spaceId = await space('Mudflat');

  await deeFollows.waitFor('"unsubscribed"', WAIT_MS);
  expect({ dee: followerEvents(deeFollows), cy: followerEvents(cyFollows) }).toEqual({
    dee: [{ event: 'ready' }, { event: 'data', value: { data: { onMembershipChanged: { spaceId, userId: dee.sub, role: 'VIEWER' } } } }, { event: 'unsubscribed' }],
    cy: [refused('Unauthorized', 'Not Authorized to access onMembershipChanged on type Subscription')],
  });
});
