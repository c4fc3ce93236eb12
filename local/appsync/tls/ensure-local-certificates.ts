// Keeps a local CA and a loopback server certificate on disk. The CA is reused across runs because
// people install it on devices and simulators; the server certificate is reissued from it whenever
// it stops being usable.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { systemClock } from '../../services/clock';
import type { Clock } from '../../services/clock';
import { certificateAuthorityProblem, serverCertificateProblem } from './certificate-problems';
import { LocalCertificateError } from './errors';
import { issueCertificateAuthority, issueServerCertificate } from './issue-certificates';
import type { PemKeyPair } from './issue-certificates';

export interface LocalCertificates {
  /** Absolute path of the CA certificate, the file to trust on a device. */
  readonly caCertPath: string;
  readonly caPem: string;
  /** The loopback server certificate and its key, for `https.createServer`. */
  readonly certPem: string;
  readonly keyPem: string;
}

export interface EnsureLocalCertificatesOptions {
  /** Default: the system clock. */
  readonly clock?: Clock;
  /** Receives one line per certificate issued. Default: discard. */
  readonly log?: (line: string) => void;
}

interface PairFiles {
  readonly label: string;
  readonly certPath: string;
  readonly keyPath: string;
}

async function readIfPresent(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new LocalCertificateError(`Cannot read ${file}.`, { cause: error });
  }
}

async function readPair(files: PairFiles): Promise<PemKeyPair | undefined> {
  const [certPem, keyPem] = await Promise.all([readIfPresent(files.certPath), readIfPresent(files.keyPath)]);
  return certPem === undefined && keyPem === undefined ? undefined : { certPem: certPem ?? '', keyPem: keyPem ?? '' };
}

/** Writes beside the target, then renames, so an interrupted run never leaves half a PEM behind. */
async function writeAtomically(file: string, contents: string, mode: number): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, contents, { mode });
  await rename(temporary, file);
}

async function writePair(files: PairFiles, pair: PemKeyPair): Promise<void> {
  try {
    await writeAtomically(files.keyPath, pair.keyPem, 0o600);
    await writeAtomically(files.certPath, pair.certPem, 0o644);
  } catch (error) {
    throw new LocalCertificateError(`Cannot write the ${files.label} to ${path.dirname(files.certPath)}.`, { cause: error });
  }
}

export async function ensureLocalCertificates(
  dir: string,
  options: EnsureLocalCertificatesOptions = {},
): Promise<LocalCertificates> {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? (() => undefined);
  const root = path.resolve(dir);
  const caFiles: PairFiles = { label: 'local CA', certPath: path.join(root, 'ca.pem'), keyPath: path.join(root, 'ca-key.pem') };
  const serverFiles: PairFiles = {
    label: 'server certificate',
    certPath: path.join(root, 'server.pem'),
    keyPath: path.join(root, 'server-key.pem'),
  };
  try {
    await mkdir(root, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new LocalCertificateError(`Cannot create the TLS directory ${root}.`, { cause: error });
  }

  const now = clock.now();
  let ca = await readPair(caFiles);
  const caProblem = ca && certificateAuthorityProblem(ca, now);
  let caIssued = false;
  if (ca === undefined || caProblem !== undefined) {
    ca = await issueCertificateAuthority(now);
    await writePair(caFiles, ca);
    caIssued = true;
    log(
      caProblem === undefined
        ? `tls: created a local CA at ${caFiles.certPath}; trust it on devices and simulators to use https://localhost`
        : `tls: ${caFiles.certPath} ${caProblem}; created a new local CA (trust it again on devices and simulators)`,
    );
  }

  let server = await readPair(serverFiles);
  const serverProblem = server && serverCertificateProblem(server, ca.certPem, now);
  if (server === undefined || serverProblem !== undefined) {
    server = await issueServerCertificate(ca, now);
    await writePair(serverFiles, server);
    // A reissue that merely follows a new CA is expected and needs no line of its own.
    if (serverProblem !== undefined && !caIssued) {
      log(`tls: ${serverFiles.certPath} ${serverProblem}; issued a new server certificate`);
    }
  }

  return { caCertPath: caFiles.certPath, caPem: ca.certPem, certPem: server.certPem, keyPem: server.keyPem };
}
