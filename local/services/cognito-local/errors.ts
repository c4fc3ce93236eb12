// Typed errors of the cognito-local service. Each keeps the error that caused it.

/** cognito-local could not be set up or could not start listening. */
export class CognitoLocalStartError extends Error {
  override readonly name = 'CognitoLocalStartError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** cognito-local did not shut down cleanly (its worker is ended regardless). */
export class CognitoLocalStopError extends Error {
  override readonly name = 'CognitoLocalStopError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** Pools are found again by name, so two pools with the same name leave the choice ambiguous. */
export class AmbiguousUserPoolError extends Error {
  override readonly name = 'AmbiguousUserPoolError';
  constructor(
    readonly poolName: string,
    readonly userPoolIds: readonly string[],
  ) {
    super(
      `cognito-local holds ${userPoolIds.length} user pools named "${poolName}" (${userPoolIds.join(', ')}); ` +
        'Outpost Local finds pools by name, so delete the extra pools or the data folder.',
    );
  }
}

/** Same for app clients within one pool. */
export class AmbiguousUserPoolClientError extends Error {
  override readonly name = 'AmbiguousUserPoolClientError';
  constructor(
    readonly userPoolId: string,
    readonly clientName: string,
    readonly clientIds: readonly string[],
  ) {
    super(
      `User pool ${userPoolId} has ${clientIds.length} app clients named "${clientName}" (${clientIds.join(', ')}); ` +
        'Outpost Local finds clients by name, so delete the extra clients or the data folder.',
    );
  }
}

/** A Cognito trigger fired, but Outpost Local does not run Cognito triggers. */
export class CognitoTriggerNotSupportedError extends Error {
  override readonly name = 'CognitoTriggerNotSupportedError';
  constructor(readonly trigger: string) {
    super(`Outpost Local does not run Cognito ${trigger} triggers.`);
  }
}
