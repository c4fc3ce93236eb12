import { loadSchema, buildAppSyncSchema } from '../../../schema/validate';
import type { AuthenticatedRequest } from './authenticate';
import { authorizeField } from './authorize-field';
import type { CognitoIdentity } from './identity';
import { unauthorizedFieldError } from './unauthorized-field';

function cognitoUser(groups: readonly string[] | null): AuthenticatedRequest {
  const identity: CognitoIdentity = { sub: 's', issuer: 'i', username: 'u', claims: {}, sourceIp: ['127.0.0.1'], defaultAuthStrategy: 'ALLOW', groups };
  return { mode: 'AMAZON_COGNITO_USER_POOLS', identity, defaultMode: 'AMAZON_COGNITO_USER_POOLS', deniedFields: new Set() };
}

const callers: Readonly<Record<string, AuthenticatedRequest>> = {
  admin: cognitoUser(['ADMINS']),
  editor: cognitoUser(['EDITORS']),
  user: cognitoUser(null),
  apiKey: { mode: 'API_KEY', identity: null, defaultMode: 'AMAZON_COGNITO_USER_POOLS', deniedFields: new Set() },
  iam: {
    mode: 'AWS_IAM',
    identity: { accountId: 'a', cognitoIdentityPoolId: null, cognitoIdentityId: null, sourceIp: [], username: 'u', userArn: 'arn', cognitoIdentityAuthType: null, cognitoIdentityAuthProvider: null },
    defaultMode: 'AMAZON_COGNITO_USER_POOLS',
    deniedFields: new Set(),
  },
  lambda: { mode: 'AWS_LAMBDA', identity: { resolverContext: {} }, defaultMode: 'AMAZON_COGNITO_USER_POOLS', deniedFields: new Set() },
  lambdaDenied: { mode: 'AWS_LAMBDA', identity: { resolverContext: {} }, defaultMode: 'AMAZON_COGNITO_USER_POOLS', deniedFields: new Set(['Query.lambdaOnly']) },
};

/** For each field, the callers allowed to read it. */
function matrix(schema: ReturnType<typeof loadSchema>, fields: readonly string[]): Record<string, string[]> {
  return Object.fromEntries(
    fields.map((coordinate) => {
      const [type, field] = coordinate.split('.') as [string, string];
      return [coordinate, Object.keys(callers).filter((name) => authorizeField(schema, type, field, callers[name]!))];
    }),
  );
}

// The rules: a field's directives override its type's; with none on either only the default mode
// is allowed; cognito_groups admits only group members.
// https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html#using-additional-authorization-modes
describe('authorizeField', () => {
  const schema = buildAppSyncSchema(`
    type Query {
      open: String
      apiKeyOnly: String @aws_api_key
      iamOrKey: String @aws_iam @aws_api_key
      admins: String @aws_cognito_user_pools(cognito_groups: ["ADMINS"])
      legacyEditors: String @aws_auth(cognito_groups: ["EDITORS"])
      lambdaOnly: String @aws_lambda
      oidcOnly: String @aws_oidc
      thing: Thing @aws_api_key @aws_cognito_user_pools
    }
    type Thing @aws_api_key @aws_cognito_user_pools {
      name: String
      secret: String @aws_cognito_user_pools(cognito_groups: ["ADMINS", "EDITORS"])
    }
  `);

  it('applies field, type and default-mode rules to every kind of caller', () => {
    expect(
      matrix(schema, [
        'Query.open',
        'Query.apiKeyOnly',
        'Query.iamOrKey',
        'Query.admins',
        'Query.legacyEditors',
        'Query.lambdaOnly',
        'Query.oidcOnly',
        'Query.thing',
        'Thing.name',
        'Thing.secret',
        'Query.__typename',
        'Query.missing',
      ]),
    ).toEqual({
      'Query.open': ['admin', 'editor', 'user'],
      'Query.apiKeyOnly': ['apiKey'],
      'Query.iamOrKey': ['apiKey', 'iam'],
      'Query.admins': ['admin'],
      'Query.legacyEditors': ['editor'],
      'Query.lambdaOnly': ['lambda'],
      'Query.oidcOnly': [],
      'Query.thing': ['admin', 'editor', 'user', 'apiKey'],
      'Thing.name': ['admin', 'editor', 'user', 'apiKey'],
      'Thing.secret': ['admin', 'editor'],
      'Query.__typename': ['admin', 'editor', 'user', 'apiKey', 'iam', 'lambda', 'lambdaDenied'],
      'Query.missing': [],
    });
  });

  it('applies the rules of schema/schema.graphql', () => {
    expect(matrix(loadSchema(), ['Query.linkPreview', 'LinkPreview.url', 'Query.mySpaces', 'Note.title', 'Mutation.createNote', 'Mutation.expireUser', 'Subscription.onNoteChanged'])).toEqual({
      'Query.linkPreview': ['admin', 'editor', 'user', 'apiKey'],
      'LinkPreview.url': ['admin', 'editor', 'user', 'apiKey'],
      'Query.mySpaces': ['admin', 'editor', 'user'],
      'Note.title': ['admin', 'editor', 'user'],
      'Mutation.createNote': ['admin', 'editor', 'user'],
      'Mutation.expireUser': ['admin'],
      'Subscription.onNoteChanged': ['admin', 'editor', 'user'],
    });
  });

  // The error AppSync reports for a denied field, in a 200 response with the field null:
  // https://github.com/aws-amplify/amplify-category-api/issues/2422 and
  // https://repost.aws/knowledge-center/aws-appsync-graphql-request-unauth-error
  it('builds the field error AppSync reports', () => {
    expect(unauthorizedFieldError('Query', 'mySpaces', ['mySpaces'], [{ line: 2, column: 3 }])).toEqual({
      path: ['mySpaces'],
      data: null,
      errorType: 'Unauthorized',
      errorInfo: null,
      locations: [{ line: 2, column: 3, sourceName: null }],
      message: 'Not Authorized to access mySpaces on type Query',
    });
  });
});
