// The explorer page: the auth bar on top, GraphiQL below, wired to the local AppSync endpoint.
import { GraphiQL } from 'graphiql';
import { createElement as h, useMemo, useState } from 'react';
import type { ReactElement } from 'react';
import type { ExplorerConfig } from '../explorer-config';
import { AuthBar } from './auth-bar';
import type { AuthMode } from './auth-bar';
import { graphqlFetcher } from './graphql-fetcher';
import type { SignedInSession } from './initiate-auth';

const DEFAULT_QUERY = `# Outpost Local: the GraphQL API running on this machine.
#
# Sign in as a demo user above, or choose the API key, then run an
# operation with the ▶ button or Ctrl-Enter.

query Me {
  me {
    id
  }
}
`;

/**
 * AppSync's headers: the user pool token goes in Authorization as is, without "Bearer"
 * (https://repost.aws/knowledge-center/aws-appsync-graphql-request-unauth-error), the key in x-api-key.
 */
function authHeaders(mode: AuthMode, session: SignedInSession | undefined, apiKey: string | undefined): Record<string, string> {
  if (mode === 'userPool' && session !== undefined) return { Authorization: session.idToken };
  if (mode === 'apiKey' && apiKey !== undefined) return { 'x-api-key': apiKey };
  return {};
}

export function ExplorerApp({ config }: { readonly config: ExplorerConfig }): ReactElement {
  const [session, setSession] = useState<SignedInSession | undefined>(undefined);
  const [mode, setMode] = useState<AuthMode>(config.apiKey !== undefined ? 'apiKey' : 'none');
  // A new fetcher makes GraphiQL introspect again, so the schema follows the chosen identity.
  const fetcher = useMemo(
    () => graphqlFetcher(config.graphqlPath, authHeaders(mode, session, config.apiKey)),
    [config, mode, session],
  );
  const onSession = (next: SignedInSession | undefined) => {
    setSession(next);
    if (next !== undefined) setMode('userPool');
    else if (mode === 'userPool') setMode(config.apiKey !== undefined ? 'apiKey' : 'none');
  };
  return h(
    'div',
    { className: 'outpost-explorer' },
    h(AuthBar, { config, mode, session, onModeChange: setMode, onSession }),
    h(GraphiQL, { fetcher, defaultQuery: DEFAULT_QUERY }),
  );
}
