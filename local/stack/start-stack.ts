// `npm start`: synthesizes the CDK app and runs that stack on this machine (DESIGN.md, "One source
// of truth"). Every step that started something is undone if a later step fails.
import * as path from 'node:path';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { readCloudAssembly, type StackModel, type AssemblyWarning, type ResourceOverrides, createLocalEnvironment, type GraphqlApiModel } from '../cloud-assembly';
import { createExplorerHandler } from '../appsync/explorer';
import { formatReadyBanner, writeAmplifyOutputs, type AmplifyOutputs } from '../appsync/outputs';
import { ensureLocalCertificates } from '../appsync/tls';
import { ResolverRuntime } from '../appsync-js/sandbox/resolver-module';
import type { InvalidationEvent, RealtimeEndpoint } from '../realtime';
import { isAdvanceableClock, OffsetClock, type Clock } from '../services/clock';
import { localCognitoClient, startCognitoLocal } from '../services/cognito-local';
import { localDynamoDbClient, startDynamoDbLocal } from '../services/dynamodb-local';
import { createLambdaRuntime, LOCAL_CREDENTIALS } from '../services/lambda';
import { startSearchService } from '../services/search';
import type { TtlDeleteMarks } from '../services/streams';
import { createTtlAdminRoute, startTtlReaper } from '../services/ttl-reaper';
import { buildDataSources } from './data-sources';
import { dataDirLayout, resetData } from './data-dir';
import { DEMO_USERS, type DemoUserProfile } from './demo-users';
import { functionSpecs, startStreamPollers } from './functions';
import { buildLocalApi, type LocalApi } from './local-api';
import { stackOutputs } from './outputs';
import { choosePorts, type StackPorts } from './ports';
import { provisionStack } from './provision';
import { createRealtimeEndpoint, publishMutation } from './realtime';
import { provisionTables } from './provision-tables';
import { seedDemoUsers } from './seed';
import { startServers } from './servers';
import { endStaleProcess, writePidFile } from './stale-process';
import { synthesizeIfChanged } from './synth';
import { watchSources } from './watch-sources';

export class StackStartError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StackStartError';
  }
}

export interface StartStackOptions {
  readonly repoRoot: string;
  /** Default `<repoRoot>/.outpost`. */
  readonly dataDir?: string;
  /** Keep DynamoDB data in memory (tests). Cognito data still goes to `dataDir`. */
  readonly inMemory?: boolean;
  /** Start from empty tables and no users. */
  readonly reset?: boolean;
  readonly ports?: Partial<StackPorts>;
  /** Where amplify_outputs.json goes. Default `<repoRoot>/amplify_outputs.json`. */
  readonly outputsPath?: string;
  readonly log: (line: string) => void;
  /** Default: the system time plus what `outpost ttl advance` added (an OffsetClock). */
  readonly clock?: Clock;
  /** Synthesize even if nothing changed. */
  readonly forceSynth?: boolean;
  /** Run this already-synthesized cloud assembly instead of synthesizing the repository's CDK app. */
  readonly cloudAssemblyDir?: string;
  readonly demoUsers?: readonly DemoUserProfile[];
  /** Watch schema/, resolvers/, functions/ and infra/ and reload on a change (hot reload). */
  readonly watch?: boolean;
}

export interface LocalStack {
  readonly stack: StackModel;
  readonly warnings: readonly AssemblyWarning[];
  readonly api: LocalApi;
  readonly urls: { readonly https: string; readonly http: string; readonly realtime: readonly string[]; readonly explorer: string };
  readonly ports: StackPorts;
  readonly dynamodbEndpoint: string;
  readonly cognitoEndpoint: string;
  readonly userPool?: { readonly userPoolId: string; readonly clientId: string };
  readonly apiKey?: string;
  readonly caCertPath: string;
  readonly outputsPath: string;
  readonly outputs: AmplifyOutputs;
  readonly startupMs: number;
  /** Synthesizes again if the sources changed and swaps the new version in, keeping all data. */
  reload(): Promise<void>;
  stop(): Promise<void>;
}

const REGION = 'us-east-1';
const ACCOUNT_ID = '000000000000';
const DYNAMODB_LOCAL_MARKER = 'DynamoDBLocal.jar';
/** DynamoDB deletes within days of expiry; locally a minute is soon enough, and `ttl advance` reaps at once. */
const TTL_REAP_INTERVAL_MS = 60_000;

function isInvalidation(value: unknown): value is InvalidationEvent {
  return typeof value === 'object' && value !== null && typeof (value as { subscriptionField?: unknown }).subscriptionField === 'string';
}

/** The value of a settled start, or its failure thrown. */
function fulfilled<T>(result: PromiseSettledResult<T>): T {
  if (result.status === 'rejected') throw result.reason;
  return result.value;
}

/** Relative to the repository when inside it, absolute otherwise. */
function displayPath(repoRoot: string, file: string): string {
  const relative = path.relative(repoRoot, file);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

function onlyStack(stacks: readonly StackModel[]): StackModel {
  if (stacks.length !== 1) throw new StackStartError(`Outpost Local runs one stack; the cloud assembly has ${stacks.length}: ${stacks.map((s) => s.stackName).join(', ')}.`);
  return stacks[0];
}

function onlyApi(stack: StackModel): GraphqlApiModel {
  if (stack.graphqlApis.length !== 1) throw new StackStartError(`Outpost Local serves one AppSync API; the stack ${stack.stackName} has ${stack.graphqlApis.length}.`);
  return stack.graphqlApis[0];
}

export async function startStack(options: StartStackOptions): Promise<LocalStack> {
  const started = Date.now();
  const log = options.log;
  const clock = options.clock ?? new OffsetClock();
  const layout = dataDirLayout(options.dataDir ?? path.join(options.repoRoot, '.outpost'));
  const outputsPath = options.outputsPath ?? path.join(options.repoRoot, 'amplify_outputs.json');
  const demoUsers = options.demoUsers ?? DEMO_USERS;
  const cleanups: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    cleanups.length = 0;
  };

  try {
    const dynamodbPidFile = path.join(layout.root, 'dynamodb.pid');
    // Filled in once the tables are known; DynamoDB Local may restart before that.
    const afterRestart: { recreateTables?: () => Promise<void> } = {};
    await endStaleProcess(dynamodbPidFile, DYNAMODB_LOCAL_MARKER, log);
    if (options.reset) resetData(layout, log);

    // Ports first: a port in use is the most common start-up failure, and is reported at once.
    const ports = await choosePorts({ file: layout.portsFile, requested: options.ports ?? {}, log });
    const synth = options.cloudAssemblyDir
      ? { outDir: options.cloudAssemblyDir }
      : await synthesizeIfChanged({ repoRoot: options.repoRoot, hashFile: layout.synthHashFile, force: options.forceSynth, log });
    // Read before any service starts, so an unreadable assembly fails early; provisioning uses it.
    const templateStack = onlyStack(readCloudAssembly(synth.outDir).stacks);

    // Side by side; each service that started is registered for cleanup even when another fails,
    // so a failed start never leaves a DynamoDB Local JVM or a cognito-local worker behind.
    const [dynamodbStart, cognitoStart, tlsStart, searchStart] = await Promise.allSettled([
      startDynamoDbLocal({
        dataDir: layout.dynamodb,
        inMemory: options.inMemory,
        log,
        onEvent: (event) => {
          if (event.type !== 'restarted') return;
          writePidFile(dynamodbPidFile, event.pid);
          // An in-memory database comes back empty: recreate the tables so requests work again.
          if (options.inMemory && afterRestart.recreateTables) {
            afterRestart.recreateTables().catch((error: unknown) => log(`tables: could not recreate the tables after the restart: ${error instanceof Error ? error.message : String(error)}`));
          }
        },
      }),
      startCognitoLocal({ dataDir: layout.cognito, port: ports.cognito, clock, log }),
      ensureLocalCertificates(layout.tls, { clock, log }),
      // In memory with the tables, so that the index never outlives the notes it mirrors.
      startSearchService({ dataDir: options.inMemory ? undefined : layout.search, log, now: () => clock.now().getTime() }),
    ]);
    if (dynamodbStart.status === 'fulfilled') cleanups.push(() => dynamodbStart.value.stop());
    if (cognitoStart.status === 'fulfilled') cleanups.push(() => cognitoStart.value.stop());
    if (searchStart.status === 'fulfilled') cleanups.push(() => searchStart.value.stop());
    const dynamodb = fulfilled(dynamodbStart);
    const cognito = fulfilled(cognitoStart);
    const tls = fulfilled(tlsStart);
    const search = fulfilled(searchStart);
    writePidFile(dynamodbPidFile, dynamodb.pid);

    const dynamodbClient = localDynamoDbClient(dynamodb.endpoint);
    const cognitoClient = localCognitoClient(cognito.endpoint);
    const streamsClient = new DynamoDBStreamsClient({ endpoint: dynamodb.endpoint, region: REGION, credentials: { accessKeyId: 'outpost', secretAccessKey: 'outpost' } });
    cleanups.push(async () => {
      dynamodbClient.destroy();
      cognitoClient.destroy();
      streamsClient.destroy();
    });

    const httpsUrl = `https://localhost:${ports.https}/graphql`;
    const httpUrl = `http://localhost:${ports.http}/graphql`;
    /** Provisions what the assembly declares and reads it again with the values the services chose. */
    const loadAssembly = async (outDir: string, template: StackModel = onlyStack(readCloudAssembly(outDir).stacks)) => {
      const overrides: ResourceOverrides = await provisionStack({
        stack: template,
        dynamodb: dynamodbClient,
        cognito: cognitoClient,
        issuer: (poolId) => cognito.issuer(poolId),
        region: REGION,
        accountId: ACCOUNT_ID,
        log,
      });
      const assembly = readCloudAssembly(
        outDir,
        createLocalEnvironment({ pseudo: { region: REGION, accountId: ACCOUNT_ID }, overrides, endpoints: { graphqlUrl: httpsUrl, realtimeUrl: `wss://localhost:${ports.https}/graphql/realtime`, searchUrl: search.url } }),
      );
      for (const warning of assembly.warnings) log(`cloud assembly: ${warning.message}`);
      const model = onlyStack(assembly.stacks);
      return { model, apiModel: onlyApi(model), warnings: assembly.warnings };
    };
    const initial = await loadAssembly(synth.outDir, templateStack);
    const { model, apiModel } = initial;
    let current = initial;
    afterRestart.recreateTables = async () => {
      await provisionTables(dynamodbClient, current.model.tables, { log });
    };

    const lambda = createLambdaRuntime({
      functions: functionSpecs(model.functions, path.join(layout.root, 'inline-functions'), log),
      baseEnv: {
        AWS_REGION: REGION,
        AWS_ENDPOINT_URL_DYNAMODB: dynamodb.endpoint,
        AWS_ENDPOINT_URL_DYNAMODB_STREAMS: dynamodb.endpoint,
        AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: cognito.endpoint,
        AWS_ENDPOINT_URL_APPSYNC: httpsUrl,
        ...LOCAL_CREDENTIALS,
      },
      log: (line, functionName) => log(`lambda ${functionName}: ${line}`),
      clock,
    });
    cleanups.push(() => lambda.stop());
    const invokeLambda = async (arn: string, payload: unknown) => {
      const outcome = await lambda.invoke(arn, payload);
      return 'payload' in outcome ? { payload: outcome.payload } : { error: { message: outcome.error.errorMessage, type: outcome.error.errorType } };
    };

    const ttlDeletes = new Map<string, TtlDeleteMarks>();
    const ttlMarks = (tableLogicalId: string) => {
      const marks = ttlDeletes.get(tableLogicalId) ?? { keys: new Set<string>() };
      ttlDeletes.set(tableLogicalId, marks);
      return marks;
    };
    const startPollers = (mappings: StackModel['eventSourceMappings']) => startStreamPollers(mappings, {
      streamsClient,
      invoke: (functionName, event) => lambda.invoke(functionName, event),
      region: REGION,
      ttlDeletes: ttlMarks,
      log,
      pollIntervalMs: 250,
    });
    let pollers = await startPollers(model.eventSourceMappings);
    cleanups.push(async () => {
      await Promise.all(pollers.map((poller) => poller.stop()));
    });
    // DynamoDB Local never expires items; the reaper does, for the tables of the running version.
    const reaper = startTtlReaper({
      client: dynamodbClient,
      tables: () => current.model.tables.flatMap(({ tableName, logicalId, keySchema, ttlAttribute }) => (ttlAttribute ? [{ tableName, logicalId, keySchema, ttlAttribute }] : [])),
      clock,
      marks: ttlMarks,
      log,
      intervalMs: TTL_REAP_INTERVAL_MS,
    });
    cleanups.push(() => reaper.stop());

    const runtime = new ResolverRuntime({ now: () => clock.now().getTime(), logSink: (line) => log(`resolver: ${line}`) });
    const live: { endpoint?: RealtimeEndpoint } = {};
    const buildApi = (modelOfApi: GraphqlApiModel) => buildLocalApi(modelOfApi, {
      runtime,
      afterExecute: (body, response) => {
        if (live.endpoint) publishMutation(live.endpoint, body, response);
      },
      observeEvaluation: (evaluation) => {
        for (const invalidation of evaluation.invalidations) {
          if (isInvalidation(invalidation)) live.endpoint?.invalidateSubscriptions(invalidation);
          else log(`realtime: ignored extensions.invalidateSubscriptions(${JSON.stringify(invalidation)}): it needs { subscriptionField, payload }`);
        }
      },
      dataSources: buildDataSources(modelOfApi.dataSources, { dynamodb: dynamodbClient, invokeLambda, clock, log }),
      clock,
      log,
      authWiring: {
        accountId: ACCOUNT_ID,
        region: REGION,
        userPoolIssuer: (poolId) => cognito.issuer(poolId),
        iamCredentials: {
          [LOCAL_CREDENTIALS.AWS_ACCESS_KEY_ID]: {
            secretAccessKey: LOCAL_CREDENTIALS.AWS_SECRET_ACCESS_KEY,
            userArn: `arn:aws:iam::${ACCOUNT_ID}:user/outpost-local`,
            username: 'outpost-local',
          },
        },
        lambdaInvoker: (authorizerUri) => async (event) => {
          const outcome = await lambda.invoke(authorizerUri, event);
          if ('error' in outcome) throw new StackStartError(`The Lambda authorizer failed: ${outcome.error.errorType}: ${outcome.error.errorMessage}`);
          return outcome.payload;
        },
      },
    });
    let api = buildApi(apiModel);
    const newRealtimeEndpoint = () => createRealtimeEndpoint(api, { clock, warn: (line) => log(`realtime: ${line}`) });
    live.endpoint = newRealtimeEndpoint();

    const poolModel = model.userPools[0];
    const clientModel = poolModel?.clients[0];
    const userPool = poolModel && clientModel ? { userPoolId: poolModel.userPoolId, clientId: clientModel.clientId } : undefined;
    const apiKey = apiModel.apiKeys[0]?.apiKey;

    const servers = await startServers({
      httpsPort: ports.https,
      httpPort: ports.http,
      tls,
      routes: {
        // Through `api`, so that a hot reload swaps the API under running servers.
        graphql: (request, response) => api.handleGraphQL(request, response),
        explorer: createExplorerHandler({
          graphqlPath: '/graphql',
          config: {
            apiKey,
            userPool: userPool && { endpoint: cognito.endpoint, clientId: userPool.clientId },
            demoUsers: demoUsers.map(({ username, password, groups }) => ({ username, password, groups })),
          },
          log,
        }),
        admin: isAdvanceableClock(clock) ? createTtlAdminRoute({ clock, reapNow: () => reaper.reapNow(), log }) : undefined,
        upgrade: (request, socket, head) => {
          if (!live.endpoint?.handleUpgrade(request, socket, head)) socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        },
        onError: (error) => log(`http: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
      },
    });
    cleanups.push(() => servers.close());
    // Cleanups run in reverse: WebSocket connections end before the servers close, or closing
    // the servers would wait for them forever.
    cleanups.push(async () => {
      await live.endpoint?.close();
    });

    if (userPool) await seedDemoUsers({ cognito: cognitoClient, ...userPool, graphqlUrl: httpUrl, log }, demoUsers);

    const outputs = stackOutputs({
      region: REGION,
      api: apiModel,
      httpsUrl,
      httpUrl,
      userPool: poolModel && userPool ? { model: poolModel, clientId: userPool.clientId, endpoint: cognito.endpoint } : undefined,
      caCertificatePath: tls.caCertPath,
      demoUsers: demoUsers.map(({ username, password, groups }) => ({ username, password, groups })),
    });
    await writeAmplifyOutputs(outputsPath, outputs);

    let reloading: Promise<void> = Promise.resolve();
    /** Synthesizes again and swaps in the new version; on failure keeps serving the running one. */
    const reloadOnce = async (reason: string) => {
      const reloadStarted = Date.now();
      try {
        if (options.cloudAssemblyDir === undefined) {
          const resynth = await synthesizeIfChanged({ repoRoot: options.repoRoot, hashFile: layout.synthHashFile, log });
          if (!resynth.synthesized) return;
        }
        const next = await loadAssembly(synth.outDir);
        // Build the API first: it is what fails on bad resolver code or schema, and nothing of the
        // new version may run until everything of it has been accepted.
        const nextApi = buildApi(next.apiModel);
        await lambda.reload(functionSpecs(next.model.functions, path.join(layout.root, 'inline-functions'), log));
        if (JSON.stringify(next.model.eventSourceMappings) !== JSON.stringify(current.model.eventSourceMappings)) {
          await Promise.all(pollers.map((poller) => poller.stop()));
          pollers = await startPollers(next.model.eventSourceMappings);
        }
        api = nextApi;
        // Subscriptions were made against the old schema: close them, and clients reconnect.
        const previousEndpoint = live.endpoint;
        live.endpoint = newRealtimeEndpoint();
        await previousEndpoint?.close();
        current = next;
        log(`reload: ${reason} is live (${Date.now() - reloadStarted} ms); data is kept`);
      } catch (error) {
        log(`reload: ${reason} failed; still serving the previous version.\n${error instanceof Error ? error.message : String(error)}`);
      }
    };
    const reload = (reason: string) => (reloading = reloading.then(() => reloadOnce(reason)));
    if (options.watch) {
      const watcher = watchSources(options.repoRoot, (files) => void reload(files.join(', ')));
      cleanups.push(async () => {
        watcher.close();
        await reloading;
      });
    }

    const startupMs = Date.now() - started;
    const realtime = [`wss://localhost:${ports.https}/graphql/realtime`, `ws://localhost:${ports.http}/graphql/realtime`];
    const explorer = `http://localhost:${ports.http}/`;
    log(
      formatReadyBanner({
        httpsUrl,
        httpUrl,
        realtimeUrls: realtime,
        explorerUrl: explorer,
        userPoolEndpoint: userPool ? cognito.endpoint : undefined,
        demoUsers,
        apiKey,
        outputsPath: displayPath(options.repoRoot, outputsPath),
        caPath: displayPath(options.repoRoot, tls.caCertPath),
        startupMs,
      }),
    );
    return {
      get stack() {
        return current.model;
      },
      get warnings() {
        return current.warnings;
      },
      get api() {
        return api;
      },
      reload: () => reload('a reload'),
      urls: { https: httpsUrl, http: httpUrl, realtime, explorer },
      ports,
      dynamodbEndpoint: dynamodb.endpoint,
      cognitoEndpoint: cognito.endpoint,
      userPool,
      apiKey,
      caCertPath: tls.caCertPath,
      outputsPath,
      outputs,
      startupMs,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
