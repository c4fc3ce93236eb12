// Typed errors of the DynamoDB Local service. Each keeps the error that caused it.

export const JAVA_INSTALL_HINT =
  'Install Java 17 or newer: `apt-get install -y openjdk-17-jre-headless` (Debian/Ubuntu) ' +
  'or `brew install openjdk@17` (macOS).';

/** The java command could not be run at all. */
export class JavaMissingError extends Error {
  override readonly name = 'JavaMissingError';
  constructor(
    readonly javaCommand: string,
    options?: { cause?: unknown },
  ) {
    super(`DynamoDB Local needs Java, but \`${javaCommand}\` could not be run. ${JAVA_INSTALL_HINT}`, options);
  }
}

/** Java runs, but it is older than DynamoDB Local needs (or its version could not be read). */
export class JavaVersionError extends Error {
  override readonly name = 'JavaVersionError';
  constructor(
    readonly javaCommand: string,
    readonly found: string,
    readonly required: number,
  ) {
    super(
      `DynamoDB Local needs Java ${required} or newer, but \`${javaCommand} -version\` reports ${found}. ` +
        JAVA_INSTALL_HINT,
    );
  }
}

/** The Java process exited, or never answered ListTables, while starting. */
export class DynamoDbLocalStartError extends Error {
  override readonly name = 'DynamoDbLocalStartError';
  constructor(
    message: string,
    readonly output: string,
    options?: { cause?: unknown },
  ) {
    super(output ? `${message}\nLast output of DynamoDB Local:\n${output}` : message, options);
  }
}

/** The process kept dying: the restart budget is spent and the service is down. */
export class DynamoDbLocalGaveUpError extends Error {
  override readonly name = 'DynamoDbLocalGaveUpError';
  constructor(
    readonly restarts: number,
    readonly windowMs: number,
    options?: { cause?: unknown },
  ) {
    super(
      `DynamoDB Local exited unexpectedly again, and the limit of ${restarts} restarts per ${windowMs / 1000}s ` +
        'is reached, so it stays down. Restart Outpost Local to try again.',
      options,
    );
  }
}
