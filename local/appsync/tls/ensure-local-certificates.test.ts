import { copyFile, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import forge from 'node-forge';
import { ManualClock } from '../../services/clock';
import { ensureLocalCertificates } from './ensure-local-certificates';

const DAY_MS = 24 * 60 * 60 * 1000;
const ISSUED_AT = new Date('2026-03-01T12:00:00.000Z');

let workDir: string;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), 'outpost-tls-'));
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

function freshDir(name: string): string {
  return path.join(workDir, name);
}

function collectLog(): { lines: string[]; log: (line: string) => void } {
  const lines: string[] = [];
  return { lines, log: (line) => lines.push(line) };
}

function distinguishedName(attributes: forge.pki.CertificateField[]): string {
  return attributes.map((attribute) => `${attribute.shortName}=${String(attribute.value)}`).join(', ');
}

/** The parts of a certificate that decide whether browsers, Node and Apple platforms accept it. */
function describeCertificate(pem: string): Record<string, unknown> {
  const cert = forge.pki.certificateFromPem(pem);
  const extension = (name: string) => cert.getExtension(name) as Record<string, unknown> | null;
  const flags = (name: string, keys: string[]) => {
    const found = extension(name);
    return found && { critical: found.critical ?? false, set: keys.filter((key) => found[key] === true) };
  };
  const altNames = extension('subjectAltName')?.altNames as { type: number; value: string; ip?: string }[] | undefined;
  return {
    subject: distinguishedName(cert.subject.attributes),
    issuer: distinguishedName(cert.issuer.attributes),
    notBefore: cert.validity.notBefore.toISOString(),
    notAfter: cert.validity.notAfter.toISOString(),
    validityDays: (cert.validity.notAfter.getTime() - cert.validity.notBefore.getTime()) / DAY_MS,
    signature: forge.pki.oids[cert.siginfo.algorithmOid],
    keyBits: (cert.publicKey as forge.pki.rsa.PublicKey).n.bitLength(),
    basicConstraints: {
      critical: extension('basicConstraints')?.critical,
      cA: extension('basicConstraints')?.cA,
    },
    keyUsage: flags('keyUsage', ['digitalSignature', 'keyEncipherment', 'keyCertSign', 'cRLSign']),
    extKeyUsage: flags('extKeyUsage', ['serverAuth', 'clientAuth']),
    subjectAltName: altNames?.map((name) => (name.type === 7 ? `IP:${name.ip}` : `DNS:${name.value}`)) ?? null,
  };
}

interface HttpsOutcome {
  status?: number;
  body?: string;
  error?: string;
}

function get(url: string, options: https.RequestOptions): Promise<HttpsOutcome> {
  return new Promise((resolve) => {
    const request = https.get(url, { ...options, agent: false }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode, body }));
    });
    request.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
  });
}

describe('ensureLocalCertificates', () => {
  it('issues a CA and a loopback server certificate that Apple platforms accept', async () => {
    const dir = freshDir('issue');
    const { lines, log } = collectLog();
    const certificates = await ensureLocalCertificates(dir, { clock: new ManualClock(ISSUED_AT), log });

    // Apple's rules for TLS server certificates: RSA >= 2048 bits, SHA-2 signatures, names in the
    // subjectAltName, an EKU with id-kp-serverAuth and at most 825 days of validity.
    // https://support.apple.com/en-us/103769
    expect({
      files: (await readdir(dir)).sort(),
      caCertPath: certificates.caCertPath,
      ca: describeCertificate(certificates.caPem),
      server: describeCertificate(certificates.certPem),
      log: lines,
    }).toEqual({
      files: ['ca-key.pem', 'ca.pem', 'server-key.pem', 'server.pem'],
      caCertPath: path.join(dir, 'ca.pem'),
      ca: {
        subject: 'CN=Outpost Local CA, O=Outpost Local',
        issuer: 'CN=Outpost Local CA, O=Outpost Local',
        notBefore: '2026-03-01T11:00:00.000Z',
        notAfter: '2036-02-27T11:00:00.000Z',
        validityDays: 3650,
        signature: 'sha256WithRSAEncryption',
        keyBits: 2048,
        basicConstraints: { critical: true, cA: true },
        keyUsage: { critical: true, set: ['keyCertSign', 'cRLSign'] },
        extKeyUsage: null,
        subjectAltName: null,
      },
      server: {
        subject: 'CN=localhost, O=Outpost Local',
        issuer: 'CN=Outpost Local CA, O=Outpost Local',
        notBefore: '2026-03-01T11:00:00.000Z',
        notAfter: '2028-05-29T11:00:00.000Z',
        validityDays: 820,
        signature: 'sha256WithRSAEncryption',
        keyBits: 2048,
        basicConstraints: { critical: true, cA: false },
        keyUsage: { critical: true, set: ['digitalSignature', 'keyEncipherment'] },
        extKeyUsage: { critical: false, set: ['serverAuth'] },
        subjectAltName: ['DNS:localhost', 'IP:127.0.0.1', 'IP:::1'],
      },
      log: [
        `tls: created a local CA at ${path.join(dir, 'ca.pem')}; trust it on devices and simulators to use https://localhost`,
      ],
    });
  });

  it('serves HTTPS that a client trusting only the local CA accepts for localhost and 127.0.0.1', async () => {
    const certificates = await ensureLocalCertificates(freshDir('serve'));
    const server = https.createServer({ cert: certificates.certPem, key: certificates.keyPem }, (_request, response) => {
      response.end('hello over TLS');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const outcomes = {
        // family 4: the server listens on 127.0.0.1 only, and `localhost` may resolve to ::1 first.
        localhost: await get(`https://localhost:${port}/`, { ca: certificates.caPem, family: 4 }),
        loopbackIp: await get(`https://127.0.0.1:${port}/`, { ca: certificates.caPem }),
        withoutTheCa: await get(`https://localhost:${port}/`, { family: 4 }),
        anotherName: await get(`https://127.0.0.1:${port}/`, { ca: certificates.caPem, servername: 'example.com' }),
      };
      expect(outcomes).toEqual({
        localhost: { status: 200, body: 'hello over TLS' },
        loopbackIp: { status: 200, body: 'hello over TLS' },
        withoutTheCa: { error: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' },
        anotherName: { error: 'ERR_TLS_CERT_ALTNAME_INVALID' },
      });
    } finally {
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    }
  });

  it('reuses the files it wrote on later calls', async () => {
    const dir = freshDir('reuse');
    const first = await ensureLocalCertificates(dir, { clock: new ManualClock(ISSUED_AT) });
    const { lines, log } = collectLog();
    const later = new ManualClock(new Date(ISSUED_AT.getTime() + 30 * DAY_MS));
    const second = await ensureLocalCertificates(dir, { clock: later, log });
    expect({ second, log: lines }).toEqual({ second: first, log: [] });
  });

  it('reissues a corrupt server certificate from the same CA, with a log line', async () => {
    const dir = freshDir('corrupt-server');
    const clock = new ManualClock(ISSUED_AT);
    const first = await ensureLocalCertificates(dir, { clock });
    await writeFile(path.join(dir, 'server.pem'), '-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n');
    const { lines, log } = collectLog();
    const second = await ensureLocalCertificates(dir, { clock, log });
    expect({
      caPem: second.caPem,
      serverChanged: second.certPem !== first.certPem && second.keyPem !== first.keyPem,
      server: describeCertificate(second.certPem).subjectAltName,
      log: lines.map((line) => line.replace(/\(.*\)/, '(…)')),
    }).toEqual({
      caPem: first.caPem,
      serverChanged: true,
      server: ['DNS:localhost', 'IP:127.0.0.1', 'IP:::1'],
      log: [`tls: ${path.join(dir, 'server.pem')} cannot be parsed (…); issued a new server certificate`],
    });
  });

  it('reissues an expired server certificate and keeps the CA that devices already trust', async () => {
    const dir = freshDir('expired-server');
    const first = await ensureLocalCertificates(dir, { clock: new ManualClock(ISSUED_AT) });
    const { lines, log } = collectLog();
    const afterExpiry = new ManualClock(new Date(ISSUED_AT.getTime() + 900 * DAY_MS));
    const second = await ensureLocalCertificates(dir, { clock: afterExpiry, log });
    const server = describeCertificate(second.certPem);
    expect({ caPem: second.caPem, notBefore: server.notBefore, notAfter: server.notAfter, log: lines }).toEqual({
      caPem: first.caPem,
      notBefore: '2028-08-17T11:00:00.000Z',
      notAfter: '2030-11-15T11:00:00.000Z',
      log: [`tls: ${path.join(dir, 'server.pem')} expired on 2028-05-29T11:00:00.000Z; issued a new server certificate`],
    });
  });

  it('replaces a CA whose key no longer matches, and the server certificate with it', async () => {
    const dir = freshDir('mismatched-ca');
    const clock = new ManualClock(ISSUED_AT);
    const first = await ensureLocalCertificates(dir, { clock });
    // Another CA's key beside the first CA's certificate: a half-finished copy between machines.
    const other = await ensureLocalCertificates(freshDir('other-ca'), { clock });
    await copyFile(path.join(path.dirname(other.caCertPath), 'ca-key.pem'), path.join(dir, 'ca-key.pem'));
    const { lines, log } = collectLog();
    const second = await ensureLocalCertificates(dir, { clock, log });
    expect({
      caChanged: second.caPem !== first.caPem,
      serverChanged: second.certPem !== first.certPem,
      serverIssuedByNewCa: forge.pki.certificateFromPem(second.caPem).verify(forge.pki.certificateFromPem(second.certPem)),
      log: lines,
    }).toEqual({
      caChanged: true,
      serverChanged: true,
      serverIssuedByNewCa: true,
      log: [
        `tls: ${path.join(dir, 'ca.pem')} does not match its private key; created a new local CA (trust it again on devices and simulators)`,
      ],
    });
  });
});
