// What a subscriber receives for a mutation: the mutation's result, read through the subscription's
// own selection set. AppSync fills the event only with the fields the mutation selected; a field the
// subscriber asked for that the mutation did not select is null, and a non-null one makes the whole
// subscription field null with graphql-java's error
// (https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-real-time-data.html: "the mutation
// selection set is sent to the subscribers"; graphql-on-aws-appsync-book.com, "Event fields").
import { execute, type DocumentNode, type GraphQLSchema } from 'graphql';
import { toAppSyncError } from '../../appsync/execution/errors';

export interface ShapedData {
  readonly data: Record<string, unknown> | null;
  readonly errors?: readonly Record<string, unknown>[];
}

export interface SubscriptionOperation {
  readonly document: DocumentNode;
  readonly operationName?: string;
  readonly variables: Readonly<Record<string, unknown>>;
  /** The subscription field, e.g. `onNoteChanged`. */
  readonly fieldName: string;
}

/** A resolver returned a promise while shaping, which only plain field reads should do. */
export class AsyncShapingError extends Error {
  constructor() {
    super('Shaping subscription data must not be asynchronous.');
    this.name = 'AsyncShapingError';
  }
}

/** The `payload` of a `data` message for `mutationResult`, as `operation` selects it. */
export function shapeSubscriptionData(schema: GraphQLSchema, operation: SubscriptionOperation, mutationResult: unknown): ShapedData {
  const result = execute({
    schema,
    document: operation.document,
    operationName: operation.operationName,
    variableValues: operation.variables,
    rootValue: { [operation.fieldName]: mutationResult },
  });
  if ('then' in result) throw new AsyncShapingError();
  const data = (result.data ?? null) as Record<string, unknown> | null;
  if (result.errors === undefined || result.errors.length === 0) return { data };
  // The book's capture of such an event shows each error as `{ message, path }`.
  const errors = result.errors.map((error) => {
    const { locations, ...rest } = toAppSyncError(error, schema);
    return locations === null ? rest : { ...rest, locations };
  });
  return { data, errors };
}
