/** The cloud assembly cannot be read at all (no manifest, unreadable JSON, missing template). */
export class CloudAssemblyReadError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'CloudAssemblyReadError';
  }
}
