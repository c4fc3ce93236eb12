import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ResolverLayoutError, discoverResolvers } from './resolver-layout';

/** Writes a resolvers/ folder of the given files (relative path → content) into a fresh temp dir. */
const scratchDirs: string[] = [];
afterAll(() => scratchDirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function resolversFolder(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-layout-'));
  scratchDirs.push(root);
  const dir = path.join(root, 'resolvers');
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

const USERS = '// @dataSource Users\nexport function request() {}\n';

describe('discoverResolvers', () => {
  it('maps unit files and pipeline folders to fields, in function order, skipping helpers and tests', () => {
    const dir = resolversFolder({
      'Query.me.ts': USERS,
      'Mutation.updateProfile/resolver.ts': 'export function request() {}\n',
      'Mutation.updateProfile/10-readBack.ts': USERS,
      'Mutation.updateProfile/2-save.ts': '// a comment first\n  //   @dataSource   Handles  \n',
      'Mutation.updateProfile/1-getUser.ts': USERS,
      'Mutation.updateProfile/1-getUser.test.ts': '',
      'Note.author.ts': '// @dataSource NONE\n',
      'Query.me.test.ts': '',
      'README.md': '',
      'lib/helpers.ts': '',
      '__generated__/schema-types.ts': '',
      '__tests__/Query.me.test.ts': '',
    });
    const pipeline = path.join(dir, 'Mutation.updateProfile');
    expect(discoverResolvers(dir)).toEqual([
      {
        kind: 'pipeline',
        typeName: 'Mutation',
        fieldName: 'updateProfile',
        source: 'resolvers/Mutation.updateProfile/',
        entryFile: path.join(pipeline, 'resolver.ts'),
        functions: [
          { name: '1-getUser', order: 1, source: 'resolvers/Mutation.updateProfile/1-getUser.ts', entryFile: path.join(pipeline, '1-getUser.ts'), dataSource: 'Users' },
          { name: '2-save', order: 2, source: 'resolvers/Mutation.updateProfile/2-save.ts', entryFile: path.join(pipeline, '2-save.ts'), dataSource: 'Handles' },
          { name: '10-readBack', order: 10, source: 'resolvers/Mutation.updateProfile/10-readBack.ts', entryFile: path.join(pipeline, '10-readBack.ts'), dataSource: 'Users' },
        ],
      },
      { kind: 'unit', typeName: 'Note', fieldName: 'author', source: 'resolvers/Note.author.ts', entryFile: path.join(dir, 'Note.author.ts'), dataSource: 'NONE' },
      { kind: 'unit', typeName: 'Query', fieldName: 'me', source: 'resolvers/Query.me.ts', entryFile: path.join(dir, 'Query.me.ts'), dataSource: 'Users' },
    ]);
  });

  it('leaves a pipeline without resolver.ts to the pass-through handlers', () => {
    const dir = resolversFolder({ 'Query.user/1-get.ts': USERS });
    expect(discoverResolvers(dir)).toEqual([
      {
        kind: 'pipeline',
        typeName: 'Query',
        fieldName: 'user',
        source: 'resolvers/Query.user/',
        entryFile: undefined,
        functions: [
          { name: '1-get', order: 1, source: 'resolvers/Query.user/1-get.ts', entryFile: path.join(dir, 'Query.user', '1-get.ts'), dataSource: 'Users' },
        ],
      },
    ]);
  });

  it('reads a batching Lambda resolver\'s maxBatchSize from its // @maxBatchSize line', () => {
    const dir = resolversFolder({
      'Note.author.ts': '// @dataSource UserProfilesFunction\n// @maxBatchSize 100\n',
      'Query.feed/1-authors.ts': '// @dataSource UserProfilesFunction\n  //  @maxBatchSize   5\n',
    });
    expect(discoverResolvers(dir)).toEqual([
      { kind: 'unit', typeName: 'Note', fieldName: 'author', source: 'resolvers/Note.author.ts', entryFile: path.join(dir, 'Note.author.ts'), dataSource: 'UserProfilesFunction', maxBatchSize: 100 },
      {
        kind: 'pipeline',
        typeName: 'Query',
        fieldName: 'feed',
        source: 'resolvers/Query.feed/',
        entryFile: undefined,
        functions: [
          { name: '1-authors', order: 1, source: 'resolvers/Query.feed/1-authors.ts', entryFile: path.join(dir, 'Query.feed', '1-authors.ts'), dataSource: 'UserProfilesFunction', maxBatchSize: 5 },
        ],
      },
    ]);
  });

  it.each([
    [{ 'Note.author.ts': '// @dataSource F\n// @maxBatchSize 0\n' }, 'resolvers/Note.author.ts must give at most one line "// @maxBatchSize <n>" with a whole number from 1 to 2000 (found "0").'],
    [{ 'Note.author.ts': '// @dataSource F\n// @maxBatchSize 2001\n' }, 'resolvers/Note.author.ts must give at most one line "// @maxBatchSize <n>" with a whole number from 1 to 2000 (found "2001").'],
    [{ 'Note.author.ts': '// @dataSource F\n// @maxBatchSize ten\n' }, 'resolvers/Note.author.ts must give at most one line "// @maxBatchSize <n>" with a whole number from 1 to 2000 (found "ten").'],
    [{ 'Note.author.ts': '// @dataSource F\n// @maxBatchSize 5\n// @maxBatchSize 6\n' }, 'resolvers/Note.author.ts must give at most one line "// @maxBatchSize <n>" with a whole number from 1 to 2000 (found "5", "6").'],
  ])('rejects a bad batch size: %j', (files, message) => {
    expect(() => discoverResolvers(resolversFolder(files))).toThrow(new ResolverLayoutError(message));
  });

  it.each([
    [{ 'helpers.ts': USERS }, 'resolvers/helpers.ts is not a resolver: expected a unit resolver <Type>.<field>.ts, a pipeline folder <Type>.<field>/, or a shared helper under resolvers/lib/.'],
    [{ 'Query.me.js': USERS }, 'resolvers/Query.me.js is not a resolver: expected a unit resolver <Type>.<field>.ts, a pipeline folder <Type>.<field>/, or a shared helper under resolvers/lib/.'],
    [{ 'Query.me.ts': 'export function request() {}\n' }, 'resolvers/Query.me.ts must name its data source on exactly one line "// @dataSource <Name>" (found 0).'],
    [{ 'Query.me.ts': `${USERS}${USERS}` }, 'resolvers/Query.me.ts must name its data source on exactly one line "// @dataSource <Name>" (found 2).'],
    [{ 'Query.me.ts': USERS, 'Query.me/1-get.ts': USERS }, 'Query.me has two resolvers, resolvers/Query.me and resolvers/Query.me.ts: keep either the unit resolver file or the pipeline folder.'],
    [{ 'Query.me/getUser.ts': USERS }, 'resolvers/Query.me/getUser.ts does not belong in a pipeline folder: expected numbered functions <n>-<name>.ts (e.g. 1-getUser.ts) and an optional resolver.ts.'],
    [{ 'Query.me/1-a.ts': USERS, 'Query.me/01-b.ts': USERS }, 'resolvers/Query.me/1-a.ts and resolvers/Query.me/01-b.ts share the position 1: each function of a pipeline needs its own number.'],
    [{ 'Query.me/resolver.ts': '' }, 'resolvers/Query.me/ is a pipeline folder without functions: add at least one numbered function such as 1-getItem.ts.'],
  ])('rejects %j', (files, message) => {
    const dir = resolversFolder(files);
    expect(() => discoverResolvers(dir)).toThrow(new ResolverLayoutError(message));
  });
});
