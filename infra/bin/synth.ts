// `npm run synth [-- -c stage=dev]`: writes the cloud assembly to cdk.out/ for Outpost Local,
// with the same context the cdk CLI would use (cdk.json's, then the command line's).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseContextArguments } from '../lib/cli-context';
import { createOutpostApp } from '../lib/outpost-app';
import { CLOUD_ASSEMBLY_DIR, REPO_ROOT } from '../lib/paths';

const cdkJson = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'cdk.json'), 'utf8')) as { context?: Record<string, unknown> };
const context = { ...cdkJson.context, ...parseContextArguments(process.argv.slice(2)) };
const { app, stack } = createOutpostApp({ outdir: CLOUD_ASSEMBLY_DIR, context });
const assembly = app.synth();
console.log(`Synthesized ${stack.stackName} to ${path.relative(process.cwd(), assembly.directory) || '.'}`);
