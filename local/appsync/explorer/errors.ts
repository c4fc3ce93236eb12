/** esbuild could not bundle the explorer page (a missing dependency, a syntax error in app/). */
export class ExplorerBuildError extends Error {
  override readonly name = 'ExplorerBuildError';
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
  }
}
