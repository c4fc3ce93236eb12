// Swaps the AWS scalars into a schema built from SDL, where they are plain pass-through scalars.
import {
  GraphQLDirective,
  GraphQLInputObjectType,
  GraphQLInterfaceType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLUnionType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLArgumentConfig,
  type GraphQLFieldConfig,
  type GraphQLInputFieldConfig,
  type GraphQLNamedType,
  type GraphQLType,
} from 'graphql';
import { AWS_SCALARS } from './aws-scalars';

/** A copy of `schema` whose AWS scalars validate and serialize as AppSync's do. */
export function withAwsScalars(schema: GraphQLSchema): GraphQLSchema {
  const replaced = new Map<string, GraphQLNamedType>(AWS_SCALARS.map((scalar) => [scalar.name, scalar]));
  const rebuilt = new Map<string, GraphQLNamedType>();

  const named = <T extends GraphQLNamedType>(type: T): T => {
    if (isIntrospectionType(type)) return type;
    const done = rebuilt.get(type.name) ?? replaced.get(type.name);
    if (done !== undefined) return done as T;
    const copy = copyType(type);
    rebuilt.set(type.name, copy);
    return copy as T;
  };

  const wrapped = <T extends GraphQLType>(type: T): T => {
    if (isNonNullType(type)) return new GraphQLNonNull(wrapped(type.ofType)) as T;
    if (isListType(type)) return new GraphQLList(wrapped(type.ofType)) as T;
    return named(type as GraphQLNamedType) as T;
  };

  const args = (config: Record<string, GraphQLArgumentConfig> | undefined): Record<string, GraphQLArgumentConfig> | undefined =>
    config === undefined ? undefined : Object.fromEntries(Object.entries(config).map(([name, arg]) => [name, { ...arg, type: wrapped(arg.type) }]));

  const outputFields = (fields: Record<string, GraphQLFieldConfig<unknown, unknown>>) =>
    Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, { ...field, type: wrapped(field.type), args: args(field.args) }]));

  const inputFields = (fields: Record<string, GraphQLInputFieldConfig>) =>
    Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, { ...field, type: wrapped(field.type) }]));

  function copyType(type: GraphQLNamedType): GraphQLNamedType {
    if (isObjectType(type)) {
      const config = type.toConfig();
      return new GraphQLObjectType({ ...config, fields: () => outputFields(config.fields), interfaces: () => config.interfaces.map(named) });
    }
    if (isInterfaceType(type)) {
      const config = type.toConfig();
      return new GraphQLInterfaceType({ ...config, fields: () => outputFields(config.fields), interfaces: () => config.interfaces.map(named) });
    }
    if (isUnionType(type)) {
      const config = type.toConfig();
      return new GraphQLUnionType({ ...config, types: () => config.types.map(named) });
    }
    if (isInputObjectType(type)) {
      const config = type.toConfig();
      return new GraphQLInputObjectType({ ...config, fields: () => inputFields(config.fields) });
    }
    // Enums and the standard scalars hold no references to other types.
    return type;
  }

  const config = schema.toConfig();
  return new GraphQLSchema({
    ...config,
    query: config.query && named(config.query),
    mutation: config.mutation && named(config.mutation),
    subscription: config.subscription && named(config.subscription),
    types: config.types.map(named),
    directives: config.directives.map((directive) => {
      const directiveConfig = directive.toConfig();
      return new GraphQLDirective({ ...directiveConfig, args: args(directiveConfig.args) ?? {} });
    }),
  });
}
