// Issues the local CA and the loopback server certificate. node-forge builds the X.509 structures;
// Node's crypto makes the RSA keys because it does so natively, far faster than forge's pure JS.
import { generateKeyPair, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import forge from 'node-forge';

const generateRsaKeyPair = promisify(generateKeyPair);

const DAY_MS = 24 * 60 * 60 * 1000;

/** Ten years: the CA is what people install on devices, so it should rarely change. */
export const CA_VALIDITY_DAYS = 3650;

/**
 * Apple platforms reject TLS server certificates valid for more than 825 days
 * (https://support.apple.com/en-us/103769); 820 keeps a margin.
 */
export const SERVER_VALIDITY_DAYS = 820;

/** Start validity an hour early so a phone or simulator whose clock lags still accepts the certificate. */
const BACKDATE_MS = 60 * 60 * 1000;

export const CA_COMMON_NAME = 'Outpost Local CA';
export const SERVER_DNS_NAMES: readonly string[] = ['localhost'];
export const SERVER_IP_ADDRESSES: readonly string[] = ['127.0.0.1', '::1'];

const ORGANIZATION = 'Outpost Local';

export interface PemKeyPair {
  readonly certPem: string;
  readonly keyPem: string;
}

async function newRsaKey(): Promise<forge.pki.rsa.PrivateKey> {
  const { privateKey } = await generateRsaKeyPair('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return forge.pki.privateKeyFromPem(privateKey);
}

/** A random positive serial number: RFC 5280 requires unique, positive serials of at most 20 octets. */
function newSerialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = 0x40 | (bytes[0] & 0x3f);
  return bytes.toString('hex');
}

function newCertificate(key: forge.pki.rsa.PrivateKey, now: Date, validityDays: number): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  cert.serialNumber = newSerialNumber();
  cert.validity.notBefore = new Date(now.getTime() - BACKDATE_MS);
  cert.validity.notAfter = new Date(cert.validity.notBefore.getTime() + validityDays * DAY_MS);
  return cert;
}

export async function issueCertificateAuthority(now: Date): Promise<PemKeyPair> {
  const key = await newRsaKey();
  const cert = newCertificate(key, now, CA_VALIDITY_DAYS);
  const subject = [
    { name: 'commonName', value: CA_COMMON_NAME },
    { name: 'organizationName', value: ORGANIZATION },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(key, forge.md.sha256.create());
  return { certPem: forge.pki.certificateToPem(cert), keyPem: forge.pki.privateKeyToPem(key) };
}

export async function issueServerCertificate(ca: PemKeyPair, now: Date): Promise<PemKeyPair> {
  const caCert = forge.pki.certificateFromPem(ca.certPem);
  const caKey = forge.pki.privateKeyFromPem(ca.keyPem);
  const key = await newRsaKey();
  const cert = newCertificate(key, now, SERVER_VALIDITY_DAYS);
  cert.setSubject([
    { name: 'commonName', value: SERVER_DNS_NAMES[0] },
    { name: 'organizationName', value: ORGANIZATION },
  ]);
  cert.setIssuer(caCert.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      altNames: [
        ...SERVER_DNS_NAMES.map((value) => ({ type: 2, value })),
        ...SERVER_IP_ADDRESSES.map((ip) => ({ type: 7, ip })),
      ],
    },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes() },
  ]);
  cert.sign(caKey, forge.md.sha256.create());
  return { certPem: forge.pki.certificateToPem(cert), keyPem: forge.pki.privateKeyToPem(key) };
}
