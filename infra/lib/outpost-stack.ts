import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { OutpostApi } from './appsync/api';
import { OutpostAuth } from './auth/user-pool';
import type { StageConfig } from './config';
import { OutpostTables } from './data/tables';
import { STACK_OUTPUTS } from './deploy/stack-outputs';
import { LinkPreview } from './link-preview/link-preview';
import { UserProfiles } from './functions/user-profiles';
import { NotesSearch } from './search/notes-search';
import { UserExpiry } from './user-expiry/user-expiry';

export interface OutpostStackProps extends StackProps {
  /** The validated stage settings (see resolveStageConfig). */
  readonly config: StageConfig;
  /**
   * The AppSync SDL file.
   * @default schema/schema.graphql
   */
  readonly schemaFile?: string;
  /**
   * The APPSYNC_JS resolvers folder.
   * @default resolvers/
   */
  readonly resolversDir?: string;
}

/** The whole Outpost backend: tables, user pool and the AppSync API, with what deploy scripts need as outputs. */
export class OutpostStack extends Stack {
  readonly tables: OutpostTables;
  readonly auth: OutpostAuth;
  readonly api: OutpostApi;

  constructor(scope: Construct, id: string, props: OutpostStackProps) {
    super(scope, id, props);
    const { config } = props;

    this.tables = new OutpostTables(this, 'Tables', { removalPolicy: config.removalPolicy });
    this.auth = new OutpostAuth(this, 'Auth', { removalPolicy: config.removalPolicy });
    const profiles = new UserProfiles(this, 'UserProfiles', { users: this.tables.tables.Users, removalPolicy: config.removalPolicy, logRetention: config.logRetention });
    const linkPreview = new LinkPreview(this, 'LinkPreview', { removalPolicy: config.removalPolicy, logRetention: config.logRetention });
    const search = new NotesSearch(this, 'Search', {
      memberships: this.tables.tables.Memberships,
      notes: this.tables.tables.Notes,
      domainEnabled: config.searchDomain,
      removalPolicy: config.removalPolicy,
      logRetention: config.logRetention,
    });
    this.api = new OutpostApi(this, 'GraphQL', {
      apiName: `Outpost-${config.stage}`,
      userPool: this.auth.userPool,
      tables: this.tables.tables,
      deltaSyncTables: this.tables.deltaSyncTables,
      schemaFile: props.schemaFile,
      resolversDir: props.resolversDir,
      introspection: config.introspection,
      fieldLogLevel: config.fieldLogLevel,
      logRetention: config.logRetention,
      removalPolicy: config.removalPolicy,
      environmentVariables: { INACTIVE_USER_TTL_DAYS: String(config.inactiveUserTtlDays) },
      lambdaDataSources: {
        UserProfilesFunction: profiles.function,
        SearchNotesFunction: search.searchFunction,
        LinkPreviewFunction: linkPreview.function,
      },
    });

    new UserExpiry(this, 'UserExpiry', {
      tables: this.tables.tables,
      deltaSyncTables: this.tables.deltaSyncTables,
      userPool: this.auth.userPool,
      removalPolicy: config.removalPolicy,
      logRetention: config.logRetention,
    });

    const output = (key: keyof typeof STACK_OUTPUTS, value: string) =>
      new CfnOutput(this, key, { value, description: STACK_OUTPUTS[key] });
    output('GraphQLUrl', this.api.api.graphqlUrl);
    output('GraphQLApiId', this.api.api.apiId);
    output('AwsRegion', this.region);
    output('UserPoolId', this.auth.userPool.userPoolId);
    output('UserPoolClientId', this.auth.userPoolClient.userPoolClientId);
    output('DefaultAuthorizationType', this.api.defaultAuthorizationType);
    output('AdditionalAuthorizationTypes', this.api.additionalAuthorizationTypes.join(','));
    output('PasswordPolicy', JSON.stringify(this.auth.passwordRules));
    if (this.api.api.apiKey !== undefined) output('GraphQLApiKey', this.api.api.apiKey);
  }
}
