import {
  isListType,
  isNonNullType,
  Kind,
  type ConstDirectiveNode,
  type GraphQLOutputType,
  type GraphQLSchema,
  type StringValueNode,
} from 'graphql';
import { problemAt, type SchemaProblem } from '../problems';

/**
 * Each `@aws_subscribe(mutations:)` entry must name a Mutation field that returns the subscription's
 * type; only nullability may differ (AppSync's own example subscribes `addedPost: Post` to
 * `addPost: Post!`: https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-real-time-data.html).
 * AppSync rejects any other type with "The subscription has an invalid output type."
 * (reported in dabit3/graphql-api-cdk-serverless-postgres pull request #1).
 */
export function checkSubscriptionTargets(schema: GraphQLSchema, sourceName: string): SchemaProblem[] {
  const subscriptionType = schema.getSubscriptionType();
  if (!subscriptionType) return [];
  const mutationFields = schema.getMutationType()?.getFields() ?? {};
  const problems: SchemaProblem[] = [];
  for (const field of Object.values(subscriptionType.getFields())) {
    const subscriptionName = `${subscriptionType.name}.${field.name}`;
    for (const target of subscribedMutations(field.astNode?.directives)) {
      const mutation = mutationFields[target.value];
      if (!mutation) {
        problems.push(
          problemAt(target, `"${subscriptionName}" subscribes to "${target.value}", which is not a Mutation field.`, sourceName),
        );
      } else if (typeShape(mutation.type) !== typeShape(field.type)) {
        problems.push(
          problemAt(
            target,
            `"${subscriptionName}" returns "${String(field.type)}" but its trigger "${target.value}" returns "${String(mutation.type)}": a subscription must return the type of its mutations.`,
            sourceName,
          ),
        );
      }
    }
  }
  return problems;
}

/** The string nodes naming mutations in a field's `@aws_subscribe`; other value kinds are reported elsewhere. */
function subscribedMutations(directives: readonly ConstDirectiveNode[] | undefined): StringValueNode[] {
  const names: StringValueNode[] = [];
  for (const directive of directives ?? []) {
    if (directive.name.value !== 'aws_subscribe') continue;
    const value = directive.arguments?.find((argument) => argument.name.value === 'mutations')?.value;
    const values = value?.kind === Kind.LIST ? value.values : value ? [value] : [];
    for (const item of values) if (item.kind === Kind.STRING) names.push(item);
  }
  return names;
}

/** A type with non-null markers removed, so `Note!` and `Note` compare equal but `[Note]` does not. */
function typeShape(type: GraphQLOutputType): string {
  if (isNonNullType(type)) return typeShape(type.ofType);
  if (isListType(type)) return `[${typeShape(type.ofType)}]`;
  return type.name;
}
