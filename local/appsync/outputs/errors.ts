/** The values given for amplify_outputs.json cannot describe a working client configuration. */
export class AmplifyOutputsInputError extends Error {
  override readonly name = 'AmplifyOutputsInputError';
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
  }
}

/** amplify_outputs.json cannot be written (permissions, a full disk, a directory in the way). */
export class AmplifyOutputsWriteError extends Error {
  override readonly name = 'AmplifyOutputsWriteError';
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
  }
}
