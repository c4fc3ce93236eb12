import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { synthesizeIfChanged } from './synth';
import { hashSynthInputs } from './synth-inputs';

function makeRepo(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-synth-'));
  fs.mkdirSync(path.join(root, 'schema'));
  fs.writeFileSync(path.join(root, 'schema', 'schema.graphql'), 'type Query { a: String }\n');
  fs.mkdirSync(path.join(root, 'resolvers'));
  fs.writeFileSync(path.join(root, 'resolvers', 'Query.a.ts'), 'export const x = 1;\n');
  fs.writeFileSync(path.join(root, 'cdk.json'), '{}');
  return root;
}

/** A synth stand-in that writes a manifest and counts its runs. */
function fakeSynth(runs: string[]) {
  return async (repoRoot: string) => {
    runs.push(repoRoot);
    fs.mkdirSync(path.join(repoRoot, 'cdk.out'), { recursive: true });
    fs.writeFileSync(path.join(repoRoot, 'cdk.out', 'manifest.json'), '{}');
  };
}

describe('synthesizeIfChanged', () => {
  it('synthesizes on first start, skips when nothing changed, and synthesizes again after an edit', async () => {
    const root = makeRepo();
    const runs: string[] = [];
    const lines: string[] = [];
    const options = { repoRoot: root, log: (line: string) => lines.push(line.replace(/\d+ ms/, 'N ms')), runSynth: fakeSynth(runs) };

    const first = await synthesizeIfChanged(options);
    const second = await synthesizeIfChanged(options);
    fs.writeFileSync(path.join(root, 'resolvers', 'Query.a.ts'), 'export const x = 2;\n');
    const third = await synthesizeIfChanged(options);

    expect([first.synthesized, second.synthesized, third.synthesized]).toEqual([true, false, true]);
    expect(runs).toEqual([root, root]);
    expect(third.inputsHash).not.toEqual(first.inputsHash);
    expect(lines).toEqual([
      'synth: synthesizing the CDK app…',
      'synth: done in N ms',
      'synth: the CDK app is unchanged; reusing cdk.out',
      'synth: synthesizing the CDK app…',
      'synth: done in N ms',
    ]);
  });

  it('synthesizes again when cdk.out was deleted, even with unchanged inputs', async () => {
    const root = makeRepo();
    const runs: string[] = [];
    const options = { repoRoot: root, log: () => undefined, runSynth: fakeSynth(runs) };
    await synthesizeIfChanged(options);
    fs.rmSync(path.join(root, 'cdk.out'), { recursive: true });
    const again = await synthesizeIfChanged(options);
    expect({ synthesized: again.synthesized, runs: runs.length }).toEqual({ synthesized: true, runs: 2 });
  });

  it('ignores edits to tests, which do not change the stack', () => {
    const root = makeRepo();
    const before = hashSynthInputs(root);
    fs.writeFileSync(path.join(root, 'resolvers', 'Query.a.test.ts'), 'it("x", () => undefined);\n');
    expect(hashSynthInputs(root)).toEqual(before);
  });
});

describe('synthesizeIfChanged after another synth', () => {
  it('synthesizes again when something else rewrote cdk.out, though the sources are unchanged', async () => {
    const root = makeRepo();
    const runs: string[] = [];
    const options = { repoRoot: root, log: () => undefined, runSynth: fakeSynth(runs) };
    await synthesizeIfChanged(options);
    // e.g. `cdk synth -c stage=prod` into the same folder
    fs.writeFileSync(path.join(root, 'cdk.out', 'manifest.json'), '{"artifacts":{"Outpost-prod":{}}}');
    const again = await synthesizeIfChanged(options);
    expect({ synthesized: again.synthesized, runs: runs.length }).toEqual({ synthesized: true, runs: 2 });
  });
});
