/**
 * The base of every error a function raises on purpose. `errorType` is what AppSync shows as the
 * GraphQL error's `errorType` when a Lambda data source's resolver passes it on with util.error, so
 * clients can branch on it; the message is safe to show and never carries a stack trace or secrets.
 */
export abstract class FunctionError extends Error {
  abstract readonly errorType: string;

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The function's configuration (its environment) is missing or malformed. */
export class ConfigurationError extends FunctionError {
  readonly errorType = 'ConfigurationError';
}

/** The event or arguments the function received are not what it accepts. */
export class InvalidInputError extends FunctionError {
  readonly errorType = 'ValidationError';
}
