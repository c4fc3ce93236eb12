import { defaultAttributeProviders } from './default-providers';

/** The pseudo parameters every template may reference; `AWS::StackName` comes from the stack itself. */
export interface PseudoParameters {
  readonly region: string;
  readonly accountId: string;
  readonly partition: string;
  readonly urlSuffix: string;
}

/** Endpoints of the local services, known once Outpost Local has chosen its ports. */
export interface LocalEndpoints {
  /** The AppSync HTTP endpoint, e.g. `http://localhost:20002/graphql` (GraphQLApi `GraphQLUrl`). */
  readonly graphqlUrl?: string;
  /** The real-time endpoint, e.g. `ws://localhost:20002/graphql/realtime` (GraphQLApi `RealtimeUrl`). */
  readonly realtimeUrl?: string;
  /** The search service, e.g. `http://localhost:9200` (OpenSearch domain / collection endpoints). */
  readonly searchUrl?: string;
}

/** What a provider may ask about the resource whose Ref or attribute it produces. */
export interface ResourceContext {
  readonly logicalId: string;
  readonly type: string;
  readonly pseudo: PseudoParameters;
  readonly stackName: string;
  readonly endpoints: LocalEndpoints;
  /** The resource's property, with intrinsics resolved; undefined when absent. */
  property(name: string): unknown;
  /** The resource's property when it resolves to a string; undefined otherwise. */
  stringProperty(name: string): string | undefined;
}

/** A local value, or undefined when the attribute has no local meaning (the reader then warns). */
export type AttributeValue = string | readonly string[] | undefined;

/** The local values of one resource type: what `Ref` returns and what each `Fn::GetAtt` returns. */
export interface AttributeProvider {
  readonly ref: (resource: ResourceContext) => AttributeValue;
  readonly attributes: Readonly<Record<string, (resource: ResourceContext) => AttributeValue>>;
}

/**
 * Values a running service assigned that the template cannot know: e.g. the stream ARN DynamoDB
 * Local gave a table, or the pool id cognito-local generated. Keyed by logical id, then by `Ref`
 * or the attribute name.
 */
export type ResourceOverrides = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** The resolution environment: everything intrinsics resolve against. */
export interface LocalEnvironment {
  readonly pseudo: PseudoParameters;
  readonly endpoints: LocalEndpoints;
  /** Template parameter values; a parameter not listed here falls back to its `Default`. */
  readonly parameters: Readonly<Record<string, string>>;
  readonly overrides: ResourceOverrides;
  /** Attribute providers by resource type (`AWS::DynamoDB::Table`, ...). */
  readonly providers: Readonly<Record<string, AttributeProvider>>;
}

export interface LocalEnvironmentOptions {
  readonly pseudo?: Partial<PseudoParameters>;
  readonly endpoints?: LocalEndpoints;
  readonly parameters?: Readonly<Record<string, string>>;
  readonly overrides?: ResourceOverrides;
  /** Providers added to, or replacing, the defaults for the resource types named. */
  readonly providers?: Readonly<Record<string, AttributeProvider>>;
}

/** The account id local ARNs carry; DynamoDB Local and cognito-local use the same placeholder account. */
export const LOCAL_ACCOUNT_ID = '000000000000';

export const DEFAULT_PSEUDO_PARAMETERS: PseudoParameters = {
  region: 'us-east-1',
  accountId: LOCAL_ACCOUNT_ID,
  partition: 'aws',
  urlSuffix: 'amazonaws.com',
};

/** The environment with local defaults, overridden by whatever the caller knows. */
export function createLocalEnvironment(options: LocalEnvironmentOptions = {}): LocalEnvironment {
  return {
    pseudo: { ...DEFAULT_PSEUDO_PARAMETERS, ...options.pseudo },
    endpoints: { ...options.endpoints },
    parameters: { ...options.parameters },
    overrides: { ...options.overrides },
    providers: { ...defaultAttributeProviders, ...options.providers },
  };
}
