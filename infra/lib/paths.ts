import * as path from 'node:path';

/** The repository root, found from this file's place in infra/lib/. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** The AppSync SDL the API is built from, deployed as-is. */
export const SCHEMA_FILE = path.join(REPO_ROOT, 'schema', 'schema.graphql');

/** The APPSYNC_JS resolvers, wired to fields by their file layout. */
export const RESOLVERS_DIR = path.join(REPO_ROOT, 'resolvers');

/** Where `npm run synth` writes the cloud assembly that Outpost Local reads. */
export const CLOUD_ASSEMBLY_DIR = path.join(REPO_ROOT, 'cdk.out');

/** The Lambda handlers, one folder each (functions/<name>/handler.ts). */
export const FUNCTIONS_DIR = path.join(REPO_ROOT, 'functions');
