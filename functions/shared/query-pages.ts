import { QueryCommand, type AttributeValue, type DynamoDBClient, type QueryCommandInput } from '@aws-sdk/client-dynamodb';
import { FunctionError } from './errors';

/** A bound on the pages one Query is followed through, so a runaway read cannot hold a function until its timeout. */
export const DEFAULT_MAX_PAGES = 1000;

/** The Query matched more pages than the bound allows. */
export class TooManyPagesError extends FunctionError {
  readonly errorType = 'TooManyPages';
}

/** Every item a Query matches, page by page, for at most `maxPages` pages (then TooManyPagesError). */
export async function* queryPages(
  client: DynamoDBClient,
  input: QueryCommandInput,
  maxPages: number = DEFAULT_MAX_PAGES,
): AsyncGenerator<Record<string, AttributeValue>> {
  let start: Record<string, AttributeValue> | undefined;
  for (let page = 0; page < maxPages; page += 1) {
    const output = await client.send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
    yield* output.Items ?? [];
    start = output.LastEvaluatedKey;
    if (start === undefined) return;
  }
  throw new TooManyPagesError(`The query on ${input.TableName}${input.IndexName ? `.${input.IndexName}` : ''} has more than ${maxPages} pages.`);
}
