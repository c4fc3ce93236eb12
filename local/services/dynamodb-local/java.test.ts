import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { JavaMissingError, JavaVersionError } from './errors';
import { checkJava, parseJavaMajorVersion } from './java';

const hint =
  'Install Java 17 or newer: `apt-get install -y openjdk-17-jre-headless` (Debian/Ubuntu) ' +
  'or `brew install openjdk@17` (macOS).';

/** The fields a caller sees on a typed error, for one whole comparison. */
function shape(error: unknown): Record<string, unknown> {
  const { cause, ...own } = error as Error & Record<string, unknown>;
  return { ...own, message: (error as Error).message, cause: (cause as NodeJS.ErrnoException | undefined)?.code };
}

describe('parseJavaMajorVersion', () => {
  it('reads the major version from the first line of `java -version`, in both numbering schemes', () => {
    const outputs = [
      'openjdk version "17.0.15" 2025-04-15\nOpenJDK Runtime Environment (build 17.0.15+6-Debian-1deb12u1)',
      'openjdk version "21" 2023-09-19',
      'java version "1.8.0_292"\nJava(TM) SE Runtime Environment (build 1.8.0_292-b10)',
      'openjdk version "11.0.2" 2019-01-15',
      'Error: could not find libjava.so',
    ];
    expect(outputs.map(parseJavaMajorVersion)).toEqual([17, 21, 8, 11, undefined]);
  });
});

describe('checkJava', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'outpost-java-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function fakeJava(name: string, versionLine: string): Promise<string> {
    const file = path.join(dir, name);
    await writeFile(file, `#!/bin/sh\necho '${versionLine}' >&2\n`);
    await chmod(file, 0o755);
    return file;
  }

  it('accepts the Java on this machine (17 or newer)', async () => {
    expect(await checkJava('java')).toBeGreaterThanOrEqual(17);
  });

  it('reports a missing java with the install hint', async () => {
    const error = await checkJava('/nonexistent/bin/java').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(JavaMissingError);
    expect(shape(error)).toEqual({
      name: 'JavaMissingError',
      javaCommand: '/nonexistent/bin/java',
      message: `DynamoDB Local needs Java, but \`/nonexistent/bin/java\` could not be run. ${hint}`,
      cause: 'ENOENT',
    });
  });

  it('reports a Java older than 17 with the version found and the install hint', async () => {
    const java = await fakeJava('java11', 'openjdk version "11.0.2" 2019-01-15');
    const error = await checkJava(java).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(JavaVersionError);
    expect(shape(error)).toEqual({
      name: 'JavaVersionError',
      javaCommand: java,
      found: 'Java 11',
      required: 17,
      message: `DynamoDB Local needs Java 17 or newer, but \`${java} -version\` reports Java 11. ${hint}`,
      cause: undefined,
    });
  });

  it('reports output it cannot read as a version error that quotes it', async () => {
    const java = await fakeJava('java-broken', 'Error: could not find libjava.so');
    const error = await checkJava(java).catch((caught: unknown) => caught);
    expect(shape(error)).toEqual({
      name: 'JavaVersionError',
      javaCommand: java,
      found: '"Error: could not find libjava.so"',
      required: 17,
      message: `DynamoDB Local needs Java 17 or newer, but \`${java} -version\` reports "Error: could not find libjava.so". ${hint}`,
      cause: undefined,
    });
  });
});
