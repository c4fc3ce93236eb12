// Checks that a Java runtime new enough for DynamoDB Local is installed.
import { execFile } from 'node:child_process';
import { JavaMissingError, JavaVersionError } from './errors';

/** DynamoDB Local 1.25 is supported on Java 17 and newer, the LTS the project targets. */
export const MINIMUM_JAVA_MAJOR = 17;

/**
 * Reads the major version from `java -version` output: `version "17.0.15"` → 17,
 * `version "1.8.0_292"` → 8 (the old 1.x scheme), `version "21"` → 21.
 */
export function parseJavaMajorVersion(output: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?[^"]*"/.exec(output);
  if (!match) return undefined;
  const first = Number(match[1]);
  return first === 1 && match[2] !== undefined ? Number(match[2]) : first;
}

function runVersion(javaCommand: string): Promise<string> {
  return new Promise((resolve, reject) => {
    // `java -version` prints to stderr.
    execFile(javaCommand, ['-version'], { timeout: 15_000 }, (error, stdout, stderr) => {
      if (error) reject(new JavaMissingError(javaCommand, { cause: error }));
      else resolve(`${stderr}${stdout}`);
    });
  });
}

/** Resolves with the Java major version, or rejects with JavaMissingError / JavaVersionError. */
export async function checkJava(javaCommand: string): Promise<number> {
  const output = await runVersion(javaCommand);
  const major = parseJavaMajorVersion(output);
  if (major === undefined || major < MINIMUM_JAVA_MAJOR) {
    const firstLine = output.split('\n')[0]?.trim() || 'no version';
    throw new JavaVersionError(javaCommand, major === undefined ? `"${firstLine}"` : `Java ${major}`, MINIMUM_JAVA_MAJOR);
  }
  return major;
}
