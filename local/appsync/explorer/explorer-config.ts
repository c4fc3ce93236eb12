// What the explorer page needs to know about the running API. The server serves it as
// /explorer/config.json; the browser app reads it at start-up. Type-only on the app side.

export interface ExplorerDemoUser {
  readonly username: string;
  readonly password: string;
  readonly groups: readonly string[];
}

export interface ExplorerUserPool {
  /** Where the page sends InitiateAuth, e.g. cognito-local's http://127.0.0.1:9229. */
  readonly endpoint: string;
  /** An app client that allows USER_PASSWORD_AUTH. */
  readonly clientId: string;
}

/** What the server knows; the handler adds the GraphQL path. */
export interface ExplorerSettings {
  /** Omitted when the API has no API_KEY auth mode. */
  readonly apiKey?: string;
  /** Omitted when the API has no user pool. */
  readonly userPool?: ExplorerUserPool;
  readonly demoUsers: readonly ExplorerDemoUser[];
}

export interface ExplorerConfig extends ExplorerSettings {
  readonly graphqlPath: string;
}
