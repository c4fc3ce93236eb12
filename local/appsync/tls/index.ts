export { ensureLocalCertificates } from './ensure-local-certificates';
export type { EnsureLocalCertificatesOptions, LocalCertificates } from './ensure-local-certificates';
export { LocalCertificateError } from './errors';
