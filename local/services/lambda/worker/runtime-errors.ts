// The Runtime.* errors the Node.js runtime raises while loading a handler; their names are what
// Lambda reports as errorType (aws/aws-lambda-nodejs-runtime-interface-client, src/Errors.js).

export class ImportModuleError extends Error {
  override readonly name = 'Runtime.ImportModuleError';
}

export class HandlerNotFound extends Error {
  override readonly name = 'Runtime.HandlerNotFound';
}

export class MalformedHandlerName extends Error {
  override readonly name = 'Runtime.MalformedHandlerName';
}

export class UserCodeSyntaxError extends Error {
  override readonly name = 'Runtime.UserCodeSyntaxError';
}

/** A promise rejected with no handler attached; the runtime reports it and then exits. */
export class UnhandledPromiseRejection extends Error {
  override readonly name = 'Runtime.UnhandledPromiseRejection';
}
