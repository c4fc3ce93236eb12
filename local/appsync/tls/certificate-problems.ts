// Decides whether persisted PEM files can be reused. Each check returns why a file is unusable, or
// undefined when it is fine; the caller logs the reason and issues a replacement.
import { X509Certificate, createPrivateKey } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { SERVER_DNS_NAMES, SERVER_IP_ADDRESSES } from './issue-certificates';
import type { PemKeyPair } from './issue-certificates';

/** Renew a week early so a long-running session never crosses an expiry. */
const RENEW_BEFORE_MS = 7 * 24 * 60 * 60 * 1000;

interface Parsed {
  readonly cert: X509Certificate;
  readonly key: KeyObject;
}

function parse(pair: PemKeyPair): Parsed | string {
  if (pair.certPem.trim() === '') return 'is missing';
  if (pair.keyPem.trim() === '') return 'has no private key beside it';
  try {
    return { cert: new X509Certificate(pair.certPem), key: createPrivateKey(pair.keyPem) };
  } catch (error) {
    return `cannot be parsed (${error instanceof Error ? error.message : String(error)})`;
  }
}

function validityProblem(cert: X509Certificate, now: Date): string | undefined {
  const notBefore = new Date(cert.validFrom);
  const notAfter = new Date(cert.validTo);
  if (now < notBefore) return `is not valid until ${notBefore.toISOString()}`;
  if (now.getTime() >= notAfter.getTime()) return `expired on ${notAfter.toISOString()}`;
  if (now.getTime() >= notAfter.getTime() - RENEW_BEFORE_MS) return `expires on ${notAfter.toISOString()}`;
  return undefined;
}

export function certificateAuthorityProblem(ca: PemKeyPair, now: Date): string | undefined {
  const parsed = parse(ca);
  if (typeof parsed === 'string') return parsed;
  if (!parsed.cert.ca) return 'is not a certificate authority';
  if (!parsed.cert.checkPrivateKey(parsed.key)) return 'does not match its private key';
  return validityProblem(parsed.cert, now);
}

export function serverCertificateProblem(server: PemKeyPair, caCertPem: string, now: Date): string | undefined {
  const parsed = parse(server);
  if (typeof parsed === 'string') return parsed;
  if (!parsed.cert.checkPrivateKey(parsed.key)) return 'does not match its private key';
  if (!parsed.cert.verify(new X509Certificate(caCertPem).publicKey)) return 'was not issued by the current local CA';
  const uncovered = [
    ...SERVER_DNS_NAMES.filter((name) => parsed.cert.checkHost(name) === undefined),
    ...SERVER_IP_ADDRESSES.filter((ip) => parsed.cert.checkIP(ip) === undefined),
  ];
  if (uncovered.length > 0) return `does not cover ${uncovered.join(', ')}`;
  return validityProblem(parsed.cert, now);
}
