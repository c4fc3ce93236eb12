/** An invalid OutpostApi setting; the message names what was received and what is expected. */
export class OutpostApiConfigError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'OutpostApiConfigError';
  }
}
