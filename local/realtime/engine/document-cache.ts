// Parsed and validated subscription documents, shared by every subscription that sends the same
// query text: clients send a handful of distinct subscriptions thousands of times, and a document
// costs kilobytes. Documents are parsed without locations, since realtime errors carry only messages.
import { GraphQLError, parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { appSyncValidationRules } from '../../appsync/execution/validation-rules';

export type CheckedDocument = { readonly document: DocumentNode } | { readonly errors: readonly string[] };

/** A bounded map from query text to its checked document, least recently used out first. */
export class DocumentCache {
  private readonly entries = new Map<string, CheckedDocument>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly capacity = 500,
  ) {}

  get(query: string): CheckedDocument {
    const cached = this.entries.get(query);
    if (cached !== undefined) {
      this.entries.delete(query);
      this.entries.set(query, cached);
      return cached;
    }
    const checked = this.check(query);
    this.entries.set(query, checked);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    return checked;
  }

  private check(query: string): CheckedDocument {
    let document: DocumentNode;
    try {
      document = parse(query, { noLocation: true });
    } catch (error) {
      if (error instanceof GraphQLError) return { errors: [error.message] };
      throw error;
    }
    const errors = validate(this.schema, document, appSyncValidationRules(true));
    return errors.length > 0 ? { errors: errors.map((error) => error.message) } : { document };
  }
}
