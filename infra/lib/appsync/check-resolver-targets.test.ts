import { checkResolverTargets } from './check-resolver-targets';
import { ResolverLayoutError, type ResolverSpec } from './resolver-layout';
import { objectFields, parseSchema } from './schema-fields';

const schema = objectFields(
  parseSchema(
    `type Query { me: User }
     type User { id: ID! }
     extend type Query { user(id: ID!): User }`,
    'schema.graphql',
  ),
);
const dataSources = ['Users', 'NONE'];

function unit(typeName: string, fieldName: string, dataSource = 'Users'): ResolverSpec {
  return { kind: 'unit', typeName, fieldName, source: `resolvers/${typeName}.${fieldName}.ts`, entryFile: '', dataSource };
}

describe('checkResolverTargets', () => {
  it('accepts resolvers for fields of types and type extensions with known data sources', () => {
    const pipeline: ResolverSpec = {
      kind: 'pipeline',
      typeName: 'Query',
      fieldName: 'user',
      source: 'resolvers/Query.user/',
      entryFile: undefined,
      functions: [{ name: '1-get', order: 1, source: 'resolvers/Query.user/1-get.ts', entryFile: '', dataSource: 'NONE' }],
    };
    expect(checkResolverTargets([unit('Query', 'me'), pipeline], schema, 'schema.graphql', dataSources)).toBeUndefined();
  });

  it.each([
    [unit('Querry', 'me'), 'resolvers/Querry.me.ts resolves Querry.me, but schema.graphql has no object type "Querry".'],
    [unit('Query', 'mee'), 'resolvers/Query.mee.ts resolves Query.mee, but type Query in schema.graphql has no field "mee" (its fields: me, user).'],
    [unit('Query', 'me', 'User'), 'resolvers/Query.me.ts names data source "User", which the API does not have: expected one of Users, NONE.'],
  ])('rejects %j', (spec, message) => {
    expect(() => checkResolverTargets([spec], schema, 'schema.graphql', dataSources)).toThrow(new ResolverLayoutError(message));
  });
});
