// A real-time endpoint on a real http.Server on 127.0.0.1, with fake auth and resolver, for tests.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GraphQLSchema } from 'graphql';
import { authorizeField, type AuthenticatedRequest, type AuthRequest } from '../../appsync/auth';
import type { Clock } from '../../services/clock';
import { RealtimeEndpoint } from '../realtime-endpoint';
import type { RealtimeLimits, SubscriptionResolverCall, SubscriptionResolverOutcome } from '../types';
import { fakeAuthenticate } from './fake-auth';

export interface Harness {
  readonly endpoint: RealtimeEndpoint;
  /** `ws://127.0.0.1:<port>/graphql/realtime` */
  readonly url: string;
  readonly port: number;
  readonly warnings: string[];
  readonly authRequests: AuthRequest[];
  readonly resolverCalls: SubscriptionResolverCall[];
  stop(): Promise<void>;
}

export interface HarnessOptions {
  readonly resolver?: (call: SubscriptionResolverCall) => SubscriptionResolverOutcome | Promise<SubscriptionResolverOutcome>;
  readonly limits?: Partial<RealtimeLimits>;
  readonly clock?: Clock;
  readonly server?: Server;
  /** Replaces the fake authentication, e.g. with a real Authenticator. */
  readonly authenticate?: (request: AuthRequest) => Promise<AuthenticatedRequest>;
  /** Keep every auth request and resolver call for inspection; default true. Leak checks turn it off. */
  readonly record?: boolean;
}

export async function startHarness(schema: GraphQLSchema, options: HarnessOptions = {}): Promise<Harness> {
  const warnings: string[] = [];
  const authRequests: AuthRequest[] = [];
  const resolverCalls: SubscriptionResolverCall[] = [];
  const resolver = options.resolver;
  const record = options.record ?? true;
  const endpoint = new RealtimeEndpoint({
    schema,
    authenticate: options.authenticate ?? fakeAuthenticate(record ? authRequests : undefined),
    authorizeField: (parentType, fieldName, auth) => authorizeField(schema, parentType, fieldName, auth),
    runSubscriptionResolver:
      resolver === undefined
        ? undefined
        : async (call) => {
            if (record) resolverCalls.push(call);
            return resolver(call);
          },
    warn: (line) => warnings.push(line),
    limits: options.limits,
    clock: options.clock,
  });
  const server = options.server ?? createServer((_request, response) => response.writeHead(404).end());
  const detach = endpoint.attach(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint,
    url: `ws://127.0.0.1:${port}/graphql/realtime`,
    port,
    warnings,
    authRequests,
    resolverCalls,
    async stop() {
      await endpoint.close();
      detach();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
