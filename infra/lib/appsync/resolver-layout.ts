import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Resolvers are wired to fields by their file layout (see resolvers/README.md):
 *
 * - `resolvers/<Type>.<field>.ts` is a unit resolver;
 * - `resolvers/<Type>.<field>/` is a pipeline resolver of numbered functions `1-<name>.ts`, `2-<name>.ts`, …,
 *   with an optional `resolver.ts` holding the pipeline's own before/after handlers;
 * - every resolver and function names its data source on a line `// @dataSource <Name>`;
 * - a Lambda resolver that batches (`BatchInvoke`) says how many calls one invocation takes on a line
 *   `// @maxBatchSize <n>` (AppSync's MaxBatchSize, 1–2000);
 * - `lib/`, `__generated__/`, `__tests__/`, tests and declaration files are not resolvers.
 */
export interface UnitResolverSpec {
  readonly kind: 'unit';
  readonly typeName: string;
  readonly fieldName: string;
  /** Path relative to the resolvers folder's parent, for messages: `resolvers/Query.me.ts`. */
  readonly source: string;
  readonly entryFile: string;
  readonly dataSource: string;
  /** Present only when the file has a `// @maxBatchSize` line. */
  readonly maxBatchSize?: number;
}

export interface PipelineFunctionSpec {
  /** The file name without extension: `1-getUser`. */
  readonly name: string;
  readonly order: number;
  readonly source: string;
  readonly entryFile: string;
  readonly dataSource: string;
  readonly maxBatchSize?: number;
}

export interface PipelineResolverSpec {
  readonly kind: 'pipeline';
  readonly typeName: string;
  readonly fieldName: string;
  readonly source: string;
  /** The pipeline's `resolver.ts`, if it has one. */
  readonly entryFile: string | undefined;
  readonly functions: readonly PipelineFunctionSpec[];
}

export type ResolverSpec = UnitResolverSpec | PipelineResolverSpec;

/** A file in resolvers/ that breaks the layout convention; the message names the file and the rule. */
export class ResolverLayoutError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ResolverLayoutError';
  }
}

const NOT_RESOLVERS = new Set(['lib', '__generated__', '__tests__']);
const FIELD_NAME = /^([_A-Za-z][_0-9A-Za-z]*)\.([_A-Za-z][_0-9A-Za-z]*)$/;
const FUNCTION_FILE = /^(\d+)-([A-Za-z][0-9A-Za-z]*)\.ts$/;
const PIPELINE_HANDLER_FILE = 'resolver.ts';
const DATA_SOURCE_LINE = /^\s*\/\/\s*@dataSource\s+(\S+)\s*$/gm;
const MAX_BATCH_SIZE_LINE = /^\s*\/\/\s*@maxBatchSize\s+(\S+)\s*$/gm;
/** AppSync's accepted MaxBatchSize range (CloudFormation AWS::AppSync::Resolver). */
const MAX_BATCH_SIZE_RANGE = { min: 1, max: 2000 };

/** Reads the resolvers folder and returns one spec per resolver, sorted by type and field. */
export function discoverResolvers(resolversDir: string): ResolverSpec[] {
  const display = (file: string) => path.relative(path.dirname(resolversDir), file).split(path.sep).join('/');
  const specs: ResolverSpec[] = [];
  const seen = new Map<string, string>();

  for (const entry of fs.readdirSync(resolversDir, { withFileTypes: true })) {
    if (entry.isDirectory() && NOT_RESOLVERS.has(entry.name)) continue;
    if (entry.isFile() && isNotAResolverFile(entry.name)) continue;
    const fullPath = path.join(resolversDir, entry.name);
    const stem = entry.isFile() ? entry.name.replace(/\.ts$/, '') : entry.name;
    const match = FIELD_NAME.exec(stem);
    if (!match || (entry.isFile() && !entry.name.endsWith('.ts')) || !(entry.isFile() || entry.isDirectory())) {
      throw new ResolverLayoutError(
        `${display(fullPath)} is not a resolver: expected a unit resolver <Type>.<field>.ts, a pipeline folder <Type>.<field>/, or a shared helper under ${display(path.join(resolversDir, 'lib'))}/.`,
      );
    }
    const [, typeName, fieldName] = match;
    const key = `${typeName}.${fieldName}`;
    const previous = seen.get(key);
    if (previous !== undefined) {
      throw new ResolverLayoutError(
        `${key} has two resolvers, ${previous} and ${display(fullPath)}: keep either the unit resolver file or the pipeline folder.`,
      );
    }
    seen.set(key, display(fullPath));

    if (entry.isFile()) {
      specs.push({
        kind: 'unit',
        typeName,
        fieldName,
        source: display(fullPath),
        entryFile: fullPath,
        ...readWiring(fullPath, display(fullPath)),
      });
    } else {
      specs.push(readPipeline(fullPath, typeName, fieldName, display));
    }
  }
  return specs.sort((a, b) => a.source.localeCompare(b.source));
}

function readPipeline(
  dir: string,
  typeName: string,
  fieldName: string,
  display: (file: string) => string,
): PipelineResolverSpec {
  const functions: PipelineFunctionSpec[] = [];
  let entryFile: string | undefined;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const fullPath = path.join(dir, entry.name);
    if (entry.isFile() && isNotAResolverFile(entry.name)) continue;
    if (entry.isFile() && entry.name === PIPELINE_HANDLER_FILE) {
      entryFile = fullPath;
      continue;
    }
    const match = entry.isFile() ? FUNCTION_FILE.exec(entry.name) : null;
    if (!match) {
      throw new ResolverLayoutError(
        `${display(fullPath)} does not belong in a pipeline folder: expected numbered functions <n>-<name>.ts (e.g. 1-getUser.ts) and an optional ${PIPELINE_HANDLER_FILE}.`,
      );
    }
    const order = Number(match[1]);
    const clash = functions.find((fn) => fn.order === order);
    if (clash) {
      throw new ResolverLayoutError(
        `${display(fullPath)} and ${clash.source} share the position ${order}: each function of a pipeline needs its own number.`,
      );
    }
    functions.push({
      name: entry.name.replace(/\.ts$/, ''),
      order,
      source: display(fullPath),
      entryFile: fullPath,
      ...readWiring(fullPath, display(fullPath)),
    });
  }
  if (functions.length === 0) {
    throw new ResolverLayoutError(
      `${display(dir)}/ is a pipeline folder without functions: add at least one numbered function such as 1-getItem.ts.`,
    );
  }
  functions.sort((a, b) => a.order - b.order);
  return { kind: 'pipeline', typeName, fieldName, source: `${display(dir)}/`, entryFile, functions };
}

/** The data source a resolver file names, and its batch size if it has one. */
function readWiring(file: string, source: string): { dataSource: string; maxBatchSize?: number } {
  const text = fs.readFileSync(file, 'utf8');
  const names = [...text.matchAll(DATA_SOURCE_LINE)].map((m) => m[1]);
  if (names.length !== 1) {
    throw new ResolverLayoutError(
      `${source} must name its data source on exactly one line "// @dataSource <Name>" (found ${names.length}).`,
    );
  }
  const sizes = [...text.matchAll(MAX_BATCH_SIZE_LINE)].map((m) => m[1]);
  if (sizes.length === 0) return { dataSource: names[0] };
  const size = Number(sizes[0]);
  if (sizes.length > 1 || !Number.isInteger(size) || size < MAX_BATCH_SIZE_RANGE.min || size > MAX_BATCH_SIZE_RANGE.max) {
    throw new ResolverLayoutError(
      `${source} must give at most one line "// @maxBatchSize <n>" with a whole number from ${MAX_BATCH_SIZE_RANGE.min} to ${MAX_BATCH_SIZE_RANGE.max} (found ${sizes.map((value) => JSON.stringify(value)).join(', ')}).`,
    );
  }
  return { dataSource: names[0], maxBatchSize: size };
}

function isNotAResolverFile(name: string): boolean {
  return name.endsWith('.test.ts') || name.endsWith('.d.ts') || name.startsWith('.') || name.endsWith('.md');
}
