// Runs one handler of a resolver file through the local APPSYNC_JS runtime, at a fixed clock, and
// keeps what a test compares whole: the outcome and the stash after the handler.
import * as path from 'node:path';
import { createResolverTestKit } from '../../local/appsync-js/testing/evaluate-resolver-file';

/** 2026-01-02T03:04:05.678Z: util.time reads this clock, so requests are exact. */
export const NOW = Date.UTC(2026, 0, 2, 3, 4, 5, 678);
export const NOW_ISO = '2026-01-02T03:04:05.678Z';

// The table names reach resolvers as API environment variables (ctx.env):
// https://docs.aws.amazon.com/appsync/latest/devguide/environment-variables.html
export const env = { SPACES_TABLE: 'Spaces-dev', MEMBERSHIPS_TABLE: 'Memberships-dev', USERS_TABLE: 'Users-dev' };

export const caller = { sub: 'user-1', username: 'ada', issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/pool', claims: {} };

const kit = createResolverTestKit({ now: () => NOW });

/** A resolver file under resolvers/, e.g. `Mutation.addMember/1-authorize.ts`. */
export function resolverFile(name: string): string {
  return path.join(__dirname, '..', name);
}

export function run(file: string, handler: 'request' | 'response', ctx: object) {
  const { outcome, stash } = kit.evaluateResolverFile(file, handler, ctx);
  return { outcome, stash };
}

/** The outcome of a handler that raised util.error(message, errorType). */
export function raised(errorType: string, message: string) {
  return { kind: 'error', error: { message, errorType } };
}
