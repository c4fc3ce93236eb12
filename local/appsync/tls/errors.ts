/** The local TLS files cannot be read or written (permissions, a full disk, a path that is a file). */
export class LocalCertificateError extends Error {
  override readonly name = 'LocalCertificateError';
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
  }
}
