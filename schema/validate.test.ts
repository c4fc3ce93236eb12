import { readFileSync } from 'node:fs';
import type { GraphQLEnumType, GraphQLField, GraphQLObjectType } from 'graphql';
import { AppSyncSchemaError, buildAppSyncSchema, loadSchema, SCHEMA_PATH, validateAppSyncSchema } from './validate';

/** A small valid schema; each malformed case below is one edit of it, so lines stay put. */
const BASE = `type Query {
  note(id: ID!): Note
}

type Mutation {
  createNote(title: String!): Note!
  addComment(body: String!): Comment!
}

type Subscription {
  onNoteChanged: Note @aws_subscribe(mutations: ["createNote"])
}

type Note {
  id: ID!
  title: String!
  updatedAt: AWSDateTime!
}

type Comment {
  id: ID!
}
`;

function edit(from: string, to: string): string {
  if (!BASE.includes(from)) throw new Error(`BASE does not contain ${from}`);
  return BASE.replace(from, to);
}

function messages(sdl: string, sourceName?: string): string[] {
  return validateAppSyncSchema(sdl, sourceName).map((problem) => problem.message);
}

function signature(field: GraphQLField<unknown, unknown>): string {
  const args = field.args.map((arg) => `${arg.name}: ${String(arg.type)}`).join(', ');
  return `${field.name}${args ? `(${args})` : ''}: ${String(field.type)}`;
}

function signatures(type: GraphQLObjectType | null | undefined, names: readonly string[]): string[] {
  const fields = type?.getFields() ?? {};
  return names.map((name) => (fields[name] ? signature(fields[name]) : `${name}: <missing>`));
}

describe('the Outpost schema', () => {
  it('validates clean', () => {
    expect(validateAppSyncSchema(readFileSync(SCHEMA_PATH, 'utf8'))).toEqual([]);
  });

  it('keeps the API contract of DESIGN.md', () => {
    const schema = loadSchema();
    const query = ['me', 'user', 'userByHandle', 'mySpaces', 'space', 'notes', 'note', 'comments', 'searchNotes', 'linkPreview', 'syncNotes'];
    const mutation = ['updateProfile', 'createSpace', 'addMember', 'removeMember', 'leaveSpace', 'createNote', 'updateNote', 'deleteNote', 'addComment', 'deleteComment', 'registerDevice'];
    const subscription = ['onNoteChanged', 'onCommentAdded', 'onMembershipChanged'];
    expect({
      query: signatures(schema.getQueryType(), query),
      mutation: signatures(schema.getMutationType(), mutation),
      subscription: signatures(schema.getSubscriptionType(), subscription),
    }).toEqual({
      query: [
        'me: User',
        'user(id: ID!): User',
        'userByHandle(handle: String!): User',
        'mySpaces(limit: Int, nextToken: String): SpaceConnection!',
        'space(id: ID!): Space',
        'notes(spaceId: ID!, limit: Int, nextToken: String): NoteConnection!',
        'note(id: ID!): Note',
        'comments(noteId: ID!, limit: Int, nextToken: String): CommentConnection!',
        'searchNotes(query: String!, spaceId: ID, tags: [String!], limit: Int, nextToken: String): NoteSearchConnection!',
        'linkPreview(url: AWSURL!): LinkPreview',
        'syncNotes(limit: Int, nextToken: String, lastSync: AWSTimestamp): NoteSyncConnection!',
      ],
      mutation: [
        'updateProfile(input: UpdateProfileInput!): User!',
        'createSpace(input: CreateSpaceInput!): Space!',
        'addMember(spaceId: ID!, userId: ID!, role: Role!): Membership!',
        'removeMember(spaceId: ID!, userId: ID!): Membership!',
        'leaveSpace(spaceId: ID!): Membership!',
        'createNote(input: CreateNoteInput!): Note!',
        'updateNote(input: UpdateNoteInput!): Note!',
        'deleteNote(input: DeleteNoteInput!): Note!',
        'addComment(input: AddCommentInput!): Comment!',
        'deleteComment(noteId: ID!, id: ID!): Comment!',
        'registerDevice(input: RegisterDeviceInput!): Device!',
      ],
      subscription: ['onNoteChanged(spaceId: ID!): Note', 'onCommentAdded(noteId: ID!): Comment', 'onMembershipChanged(userId: ID!): Membership'],
    });
  });

  it('gives the types the fields and values DESIGN.md lists', () => {
    const schema = loadSchema();
    const fieldsOf = (name: string) => Object.keys((schema.getType(name) as GraphQLObjectType).getFields());
    expect({
      Note: fieldsOf('Note'),
      Membership: fieldsOf('Membership'),
      NoteSearchHit: fieldsOf('NoteSearchHit'),
      LinkPreview: fieldsOf('LinkPreview'),
      NoteSyncConnection: fieldsOf('NoteSyncConnection'),
      CreateSpaceInput: fieldsOf('CreateSpaceInput'),
      Role: (schema.getType('Role') as GraphQLEnumType).getValues().map((value) => value.name),
    }).toEqual({
      Note: ['id', 'spaceId', 'authorId', 'author', 'title', 'body', 'checklist', 'tags', 'links', 'createdAt', 'updatedAt', '_version', '_deleted', '_lastChangedAt'],
      Membership: ['spaceId', 'userId', 'role', 'user', 'joinedAt'],
      NoteSearchHit: ['note', 'highlights', 'score'],
      LinkPreview: ['url', 'title', 'description', 'imageUrl', 'siteName', 'fetchedAt'],
      NoteSyncConnection: ['items', 'nextToken', 'startedAt'],
      CreateSpaceInput: ['name', 'description'],
      Role: ['OWNER', 'EDITOR', 'VIEWER'],
    });
  });
});

describe('validateAppSyncSchema', () => {
  it('accepts the base schema, AWS scalars and @aws_subscribe included', () => {
    expect(validateAppSyncSchema(BASE)).toEqual([]);
  });

  it('reports a syntax error with its location', () => {
    expect(validateAppSyncSchema(edit('note(id: ID!): Note', 'note(id: ID!):'))).toEqual([
      {
        message: 'schema.graphql:3:1: Syntax Error: Expected Name, found "}".',
        source: 'schema.graphql',
        line: 3,
        column: 1,
      },
    ]);
  });

  it('names the source it is given', () => {
    expect(messages(edit('  title: String!', '  title: Strin!'), 'api/schema.graphql')).toEqual([
      'api/schema.graphql:16:10: Unknown type "Strin". Did you mean "String"?',
    ]);
  });

  it('reports an unknown type', () => {
    expect(messages(edit('updatedAt: AWSDateTime!', 'updatedAt: AWSDatetime!'))).toEqual([
      'schema.graphql:17:14: Unknown type "AWSDatetime". Did you mean "AWSDateTime", "AWSDate", or "AWSTime"?',
    ]);
  });

  it('reports an unknown directive', () => {
    expect(messages(edit('note(id: ID!): Note', 'note(id: ID!): Note @aws_cognito'))).toEqual([
      'schema.graphql:2:23: Unknown directive "@aws_cognito".',
    ]);
  });

  it('reports a directive in the wrong place', () => {
    expect(messages(edit('type Comment {', 'type Comment @aws_subscribe(mutations: ["addComment"]) {'))).toEqual([
      'schema.graphql:20:14: Directive "@aws_subscribe" may not be used on OBJECT.',
    ]);
  });

  it('reports a directive argument of the wrong type', () => {
    expect(messages(edit('@aws_subscribe(mutations: ["createNote"])', '@aws_subscribe(mutations: 5)'))).toEqual([
      'schema.graphql:11:49: Argument "mutations" of directive "@aws_subscribe" has invalid value 5: expected type "[String]".',
    ]);
  });

  // AppSync subscriptions are triggered by the mutations @aws_subscribe names and publish those
  // mutations' results: https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-real-time-data.html
  it('reports an @aws_subscribe target that is not a Mutation field', () => {
    expect(messages(edit('mutations: ["createNote"]', 'mutations: ["createNote", "createNotes"]'))).toEqual([
      'schema.graphql:11:64: "Subscription.onNoteChanged" subscribes to "createNotes", which is not a Mutation field.',
    ]);
  });

  // A subscription returning another type than its mutation is rejected by AppSync with "The
  // subscription has an invalid output type." (dabit3/graphql-api-cdk-serverless-postgres pull
  // request #1); AWS's own example pairs `addedPost: Post` with `addPost: Post!`, so nullability
  // may differ (aws-appsync-real-time-data.html).
  it('reports an @aws_subscribe target that returns another type', () => {
    expect(messages(edit('mutations: ["createNote"]', 'mutations: ["addComment", "createNote"]'))).toEqual([
      'schema.graphql:11:50: "Subscription.onNoteChanged" returns "Note" but its trigger "addComment" returns "Comment!": a subscription must return the type of its mutations.',
    ]);
  });

  it('reports a list subscription over a single-object mutation', () => {
    expect(messages(edit('onNoteChanged: Note', 'onNoteChanged: [Note]'))).toEqual([
      'schema.graphql:11:52: "Subscription.onNoteChanged" returns "[Note]" but its trigger "createNote" returns "Note!": a subscription must return the type of its mutations.',
    ]);
  });

  // "AWS AppSync doesn't support the creation of user-defined (custom) scalars" and "You cannot use
  // AWS as a prefix for custom object types": https://docs.aws.amazon.com/appsync/latest/devguide/scalars.html
  it('reports a redefined AWS scalar', () => {
    expect(messages(`${BASE}\nscalar AWSDateTime\n`)).toEqual([
      'schema.graphql:24:8: Scalar "AWSDateTime" is built into AWS AppSync and cannot be redefined.',
    ]);
  });

  it('reports a custom scalar', () => {
    expect(messages(`${BASE}\nscalar Money\n`)).toEqual([
      'schema.graphql:24:8: Custom scalar "Money" is not supported: AWS AppSync allows only the GraphQL and AWS scalars.',
    ]);
  });

  it('reports a custom type with the AWS prefix', () => {
    expect(messages(`${BASE}\nenum AWSRegion { EU US }\n`)).toEqual([
      'schema.graphql:24:6: Type name "AWSRegion" is reserved: AWS AppSync does not allow the "AWS" prefix on custom types.',
    ]);
  });

  it('reports a redefined AppSync directive', () => {
    expect(messages(`${BASE}\ndirective @aws_iam on OBJECT\n`)).toEqual([
      'schema.graphql:24:12: Directive "@aws_iam" is built into AWS AppSync and cannot be redefined.',
    ]);
  });

  // "descriptions for now are only permitted on the whole enum declaration, not on specific enum
  // values" (AWS, aws/aws-appsync-community issue #55).
  it('reports a description on an enum value', () => {
    expect(messages(`${BASE}\n"Roles."\nenum Role {\n  "Reads."\n  VIEWER\n  OWNER\n}\n`)).toEqual([
      'schema.graphql:26:3: Enum value "Role.VIEWER" has a description, which AWS AppSync rejects: describe the values in the enum\'s description.',
    ]);
  });

  // With additional authorization modes, a type allows only the modes its directives name (the
  // default mode when it has none), whatever field returns it:
  // https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html#using-additional-authorization-modes
  it('reports a multi-mode field whose type allows only the default mode', () => {
    expect(messages(edit('note(id: ID!): Note', 'note(id: ID!): Note @aws_api_key @aws_cognito_user_pools'))).toEqual([
      'schema.graphql:2:3: "Query.note" allows @aws_api_key @aws_cognito_user_pools but its type "Note" has no auth directive, so it allows only the default mode: give it the modes of the fields that return it.',
    ]);
  });

  it('reports a field whose type does not allow one of its modes, through the parent type too', () => {
    const sdl = edit('type Mutation {', 'type Mutation @aws_iam {').replace('type Note {', 'type Note @aws_cognito_user_pools {');
    expect(messages(sdl)).toEqual([
      'schema.graphql:6:3: "Mutation.createNote" allows @aws_iam but its type "Note" allows only @aws_cognito_user_pools, so AppSync denies it to @aws_iam callers.',
    ]);
  });

  it('accepts a multi-mode field whose type allows the same modes', () => {
    const sdl = edit('note(id: ID!): Note', 'note(id: ID!): Note @aws_api_key @aws_cognito_user_pools').replace(
      'type Note {',
      'type Note @aws_cognito_user_pools @aws_api_key {',
    );
    expect(messages(sdl)).toEqual([]);
  });

  it('reports what graphql-js finds when building the schema', () => {
    expect(messages(edit('note(id: ID!): Note', 'note(id: Note): Note'))).toEqual([
      'schema.graphql:2:12: The type of Query.note(id:) must be Input Type but got: Note.',
    ]);
  });

  it('reports a schema without a Query type at the start of the file', () => {
    expect(messages(edit('type Query {\n  note(id: ID!): Note\n}\n', ''))).toEqual([
      'schema.graphql:1:1: Query root type must be provided.',
    ]);
  });

  it('reports every problem, in source order', () => {
    const sdl = edit('  title: String!', '  title: Strin!').replace('note(id: ID!): Note', 'note(id: ID!): Note @nope');
    expect(messages(`${sdl}\nscalar AWSJSON\n`)).toEqual([
      'schema.graphql:2:23: Unknown directive "@nope".',
      'schema.graphql:16:10: Unknown type "Strin". Did you mean "String"?',
      'schema.graphql:24:8: Scalar "AWSJSON" is built into AWS AppSync and cannot be redefined.',
    ]);
  });
});

describe('buildAppSyncSchema', () => {
  it('returns the schema with the AWS built-ins merged in', () => {
    const schema = buildAppSyncSchema(BASE);
    expect({
      awsScalar: schema.getType('AWSDateTime')?.toString(),
      subscribe: schema.getDirective('aws_subscribe')?.toString(),
      subscription: schema.getSubscriptionType()?.getFields().onNoteChanged.astNode?.directives?.map((d) => d.name.value),
    }).toEqual({ awsScalar: 'AWSDateTime', subscribe: '@aws_subscribe', subscription: ['aws_subscribe'] });
  });

  it('throws AppSyncSchemaError carrying every problem', () => {
    let thrown: unknown;
    try {
      buildAppSyncSchema(`${BASE}\nscalar Money\n`, 'api.graphql');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppSyncSchemaError);
    expect({ ...(thrown as AppSyncSchemaError), message: (thrown as AppSyncSchemaError).message }).toEqual({
      name: 'AppSyncSchemaError',
      message:
        'Invalid AppSync schema:\n  api.graphql:24:8: Custom scalar "Money" is not supported: AWS AppSync allows only the GraphQL and AWS scalars.',
      problems: [
        {
          message: 'api.graphql:24:8: Custom scalar "Money" is not supported: AWS AppSync allows only the GraphQL and AWS scalars.',
          source: 'api.graphql',
          line: 24,
          column: 8,
        },
      ],
    });
  });
});
