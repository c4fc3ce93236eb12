// The explorer page in a real browser: Debian's chromium driven by playwright-core, against a
// GraphQL endpoint that executes with graphql-js and a user pool endpoint on another origin.
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildSchema, graphql } from 'graphql';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { createExplorerHandler } from './explorer-handler';

const CHROMIUM_PATH = '/usr/bin/chromium';
const API_KEY = 'da2-explorertestkey000000000';
const CLIENT_ID = 'explorer-test-client';
const DEMO_USERS = [
  { username: 'alice@example.com', password: 'Passw0rd!alice', groups: ['ADMINS'] },
  { username: 'bob@example.com', password: 'Passw0rd!bob', groups: [] },
];
const ID_TOKENS: Record<string, string> = { 'alice@example.com': 'id-token-for-alice', 'bob@example.com': 'id-token-for-bob' };

const schema = buildSchema(`
  type User { username: String! groups: [String!]! }
  type Query { me: User whoami: String! }
`);

interface Caller {
  readonly user?: (typeof DEMO_USERS)[number];
}

const rootValue = {
  me: (_args: unknown, caller: Caller) => caller.user ?? null,
  whoami: (_args: unknown, caller: Caller) => (caller.user ? `user ${caller.user.username}` : 'api key'),
};

interface GraphqlCall {
  query: string;
  authorization?: string;
  apiKey?: string;
}

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });
}

function sendJson(response: http.ServerResponse, status: number, body: unknown, headers: http.OutgoingHttpHeaders = {}): void {
  response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

function listen(server: http.Server): Promise<string> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  });
}

function close(server: http.Server): Promise<void> {
  return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}

/** InitiateAuth the way cognito-local answers it, CORS preflight included. */
function fakeUserPool(calls: unknown[]): http.Server {
  return http.createServer((request, response) => {
    const cors = { 'Access-Control-Allow-Origin': '*' };
    if (request.method === 'OPTIONS') {
      response.writeHead(204, {
        ...cors,
        'Access-Control-Allow-Methods': 'POST',
        'Access-Control-Allow-Headers': request.headers['access-control-request-headers'] ?? '',
      });
      response.end();
      return;
    }
    void readBody(request).then((text) => {
      const body = JSON.parse(text) as { AuthParameters: { USERNAME: string; PASSWORD: string } };
      calls.push({ target: request.headers['x-amz-target'], contentType: request.headers['content-type'], body });
      const user = DEMO_USERS.find((candidate) => candidate.username === body.AuthParameters.USERNAME);
      const headers = { ...cors, 'Content-Type': 'application/x-amz-json-1.1' };
      if (user === undefined || user.password !== body.AuthParameters.PASSWORD) {
        sendJson(response, 400, { __type: 'NotAuthorizedException', message: 'Incorrect username or password.' }, headers);
        return;
      }
      sendJson(response, 200, { AuthenticationResult: { IdToken: ID_TOKENS[user.username], AccessToken: 'access', ExpiresIn: 3600 } }, headers);
    });
  });
}

/** The explorer handler in front of a /graphql that runs graphql-js and records each call. */
function fakeAppSync(userPoolEndpoint: string, calls: GraphqlCall[]): http.Server {
  const explorer = createExplorerHandler({
    graphqlPath: '/graphql',
    config: { apiKey: API_KEY, userPool: { endpoint: userPoolEndpoint, clientId: CLIENT_ID }, demoUsers: DEMO_USERS },
  });
  return http.createServer((request, response) => {
    if (explorer(request, response)) return;
    if (request.method !== 'POST' || request.url !== '/graphql') {
      sendJson(response, 404, { message: 'not found' });
      return;
    }
    void readBody(request).then(async (text) => {
      const params = JSON.parse(text) as { query: string; variables?: Record<string, unknown>; operationName?: string };
      const authorization = request.headers.authorization;
      const apiKey = request.headers['x-api-key'] as string | undefined;
      const user = DEMO_USERS.find((candidate) => ID_TOKENS[candidate.username] === authorization);
      if (!params.query.includes('IntrospectionQuery')) {
        calls.push({ query: params.query, ...(authorization && { authorization }), ...(apiKey && { apiKey }) });
      }
      if (user === undefined && apiKey !== API_KEY) {
        sendJson(response, 401, { errors: [{ errorType: 'UnauthorizedException', message: 'You are not authorized to make this call.' }] });
        return;
      }
      const caller: Caller = { user };
      const result = await graphql({
        schema,
        source: params.query,
        rootValue,
        contextValue: caller,
        variableValues: params.variables,
        operationName: params.operationName,
      });
      sendJson(response, 200, result);
    });
  });
}

interface CodeMirrorElement {
  readonly CodeMirror: { getValue(): string; setValue(value: string): void };
}

async function typeQuery(page: Page, query: string): Promise<string> {
  await page.locator('.graphiql-query-editor .CodeMirror').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(query);
  // GraphiQL works out the operation name 100 ms after the last keystroke, then stores the query;
  // running before that would send the previous operation's name.
  await page.waitForFunction(
    (typed) => (globalThis as unknown as { localStorage: { getItem(key: string): string | null } }).localStorage.getItem('graphiql:query') === typed,
    query,
  );
  return page.locator('.graphiql-query-editor .CodeMirror').evaluate((element) => (element as unknown as CodeMirrorElement).CodeMirror.getValue());
}

function responseText(page: Page): Promise<string> {
  return page.locator('.result-window .CodeMirror').evaluate((element) => (element as unknown as CodeMirrorElement).CodeMirror.getValue());
}

async function run(page: Page): Promise<unknown> {
  const before = await responseText(page);
  await page.locator('.graphiql-execute-button').click();
  await page.waitForFunction(
    (previous) => {
      const element = (globalThis as unknown as { document: { querySelector(selector: string): unknown } }).document.querySelector(
        '.result-window .CodeMirror',
      ) as CodeMirrorElement | null;
      const text = element?.CodeMirror.getValue() ?? '';
      return text !== '' && text !== previous;
    },
    before,
  );
  return JSON.parse(await responseText(page));
}

describe('the explorer page in chromium', () => {
  const userPoolCalls: unknown[] = [];
  const graphqlCalls: GraphqlCall[] = [];
  let userPool: http.Server;
  let appSync: http.Server;
  let userPoolUrl: string;
  let appSyncUrl: string;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM_PATH)) {
      throw new Error(`This test drives Debian's chromium at ${CHROMIUM_PATH}; install it with: apt-get install -y chromium`);
    }
    userPool = fakeUserPool(userPoolCalls);
    userPoolUrl = await listen(userPool);
    appSync = fakeAppSync(userPoolUrl, graphqlCalls);
    appSyncUrl = await listen(appSync);
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });

  afterAll(async () => {
    try {
      await browser?.close();
    } finally {
      await Promise.all([appSync && close(appSync), userPool && close(userPool)]);
    }
  });

  it('runs queries with the API key, then signs in as a demo user and sends their token', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 800 } });
    const requestedOrigins = new Set<string>();
    const problems: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.protocol !== 'data:') requestedOrigins.add(url.origin);
    });
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));

    await page.goto(`${appSyncUrl}/`);
    await page.locator('.graphiql-query-editor .CodeMirror').waitFor();

    // With an API key and nobody signed in, requests carry x-api-key.
    const apiKeyQuery = await typeQuery(page, '{ whoami }');
    const apiKeyResult = await run(page);

    // A wrong password shows the user pool's error and leaves the caller unchanged.
    await page.getByLabel('Demo user').selectOption('bob@example.com');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('status').filter({ hasText: 'NotAuthorizedException' }).waitFor();
    const failedStatus = await page.getByRole('status').textContent();

    // Picking a demo user fills in their password; signing in switches requests to their ID token.
    await page.getByLabel('Demo user').selectOption('alice@example.com');
    const prefilled = { username: await page.getByLabel('Username').inputValue(), password: await page.getByLabel('Password').inputValue() };
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('status').filter({ hasText: 'Signed in' }).waitFor();
    const signedInStatus = await page.getByRole('status').textContent();
    const authMode = await page.getByLabel('Auth mode').inputValue();

    const userQuery = await typeQuery(page, '{ me { username groups } whoami }');
    const userResult = await run(page);

    const screenshotDir = await mkdtemp(path.join(os.tmpdir(), 'outpost-explorer-'));
    await page.screenshot({ path: path.join(screenshotDir, 'explorer.png') });
    process.stdout.write(`explorer screenshot: ${path.join(screenshotDir, 'explorer.png')}\n`);

    expect({
      apiKeyQuery,
      apiKeyResult,
      failedStatus,
      prefilled,
      signedInStatus,
      authMode,
      userQuery,
      userResult,
      userPoolCalls,
      graphqlCalls,
      requestedOrigins: [...requestedOrigins].sort(),
      problems,
    }).toEqual({
      apiKeyQuery: '{ whoami }',
      apiKeyResult: { data: { whoami: 'api key' } },
      failedStatus: 'NotAuthorizedException: Incorrect username or password.',
      prefilled: { username: 'alice@example.com', password: 'Passw0rd!alice' },
      signedInStatus: 'Signed in as alice@example.com',
      authMode: 'userPool',
      userQuery: '{ me { username groups } whoami }',
      userResult: { data: { me: { username: 'alice@example.com', groups: ['ADMINS'] }, whoami: 'user alice@example.com' } },
      // The InitiateAuth call as the AWS SDK makes it:
      // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html
      userPoolCalls: [
        {
          target: 'AWSCognitoIdentityProviderService.InitiateAuth',
          contentType: 'application/x-amz-json-1.1',
          body: {
            AuthFlow: 'USER_PASSWORD_AUTH',
            ClientId: CLIENT_ID,
            AuthParameters: { USERNAME: 'bob@example.com', PASSWORD: 'not-the-password' },
          },
        },
        {
          target: 'AWSCognitoIdentityProviderService.InitiateAuth',
          contentType: 'application/x-amz-json-1.1',
          body: {
            AuthFlow: 'USER_PASSWORD_AUTH',
            ClientId: CLIENT_ID,
            AuthParameters: { USERNAME: 'alice@example.com', PASSWORD: 'Passw0rd!alice' },
          },
        },
      ],
      // AppSync reads a user pool token from Authorization as is, and an API key from x-api-key:
      // https://repost.aws/knowledge-center/aws-appsync-graphql-request-unauth-error
      graphqlCalls: [
        { query: '{ whoami }', apiKey: API_KEY },
        { query: '{ me { username groups } whoami }', authorization: 'id-token-for-alice' },
      ],
      // Nothing from the internet: only this server and the user pool, both on loopback.
      requestedOrigins: [appSyncUrl, userPoolUrl].sort(),
      // Chromium logs the rejected sign-in; nothing else (no CSP violation, no script error).
      problems: ['Failed to load resource: the server responded with a status of 400 (Bad Request)'],
    });
  }, 120_000);
});
