// Which subscription fields a mutation triggers: `@aws_subscribe(mutations: [...])` on each field of
// the Subscription type (https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-real-time-data.html).
import { Kind, type GraphQLSchema } from 'graphql';

/** Mutation field name → the subscription fields that list it. */
export function subscriptionFieldsByMutation(schema: GraphQLSchema): ReadonlyMap<string, readonly string[]> {
  const byMutation = new Map<string, string[]>();
  const subscription = schema.getSubscriptionType();
  if (!subscription) return byMutation;
  for (const field of Object.values(subscription.getFields())) {
    const directive = field.astNode?.directives?.find((candidate) => candidate.name.value === 'aws_subscribe');
    const mutations = directive?.arguments?.find((argument) => argument.name.value === 'mutations')?.value;
    if (mutations?.kind !== Kind.LIST) continue;
    for (const value of mutations.values) {
      if (value.kind !== Kind.STRING) continue;
      byMutation.set(value.value, [...(byMutation.get(value.value) ?? []), field.name]);
    }
  }
  return byMutation;
}
