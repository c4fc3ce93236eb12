import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadSchema } from '../validate';

const ROOT = join(__dirname, '..', '..');

/** Every file below `dir`, relative to `dir`. */
function filesBelow(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesBelow(path).map((file) => join(name, file)) : [name];
  });
}

/** The files directly in `dir`, relative to the repository root. */
function filesIn(dir: string): string[] {
  const absolute = join(ROOT, dir);
  if (!existsSync(absolute)) return [];
  return readdirSync(absolute)
    .filter((name) => statSync(join(absolute, name)).isFile())
    .map((name) => join(dir, name));
}

function contentOrUndefined(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

describe('committed codegen output', () => {
  let scratch: string;
  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), 'outpost-codegen-'));
  });
  afterAll(() => {
    rmSync(scratch, { recursive: true, force: true });
  });

  it('is exactly what `npm run codegen` makes from the schema', () => {
    // graphql-codegen's CLI package loads ESM-only dependencies, which jest's CommonJS runtime
    // cannot, so the regeneration runs in its own process.
    const run = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(__dirname, 'regenerate.ts'), scratch], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(`regenerate.ts failed (${run.status}):\n${run.stderr}`);

    const regenerated = filesBelow(scratch);
    // A committed file in a generated folder that regeneration no longer makes is stale too.
    const generatedFolders = [...new Set(regenerated.map((file) => dirname(file)))];
    const candidates = [...new Set([...regenerated, ...generatedFolders.flatMap(filesIn)])].sort();
    const stale = candidates.filter(
      (file) => contentOrUndefined(join(ROOT, file)) !== contentOrUndefined(join(scratch, file)),
    );
    expect(stale).toEqual([]);
    // And regeneration really ran: both codegen outputs, and one document per root field.
    const schema = loadSchema();
    const rootFields = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap((type) =>
      Object.keys(type?.getFields() ?? {}),
    );
    expect({
      outputs: regenerated.filter((file) => !file.includes('/operations/')).sort(),
      operations: regenerated.filter((file) => file.includes('/operations/')).length,
    }).toEqual({
      outputs: ['mobile-client-sample/src/graphql/__generated__/graphql.ts', 'resolvers/__generated__/schema-types.ts'],
      operations: rootFields.length,
    });
  });
});
