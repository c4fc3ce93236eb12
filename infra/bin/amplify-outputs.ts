// Writes amplify_outputs.json from the outputs of a deployed Outpost stack:
//   npx cdk deploy -c stage=dev --outputs-file cdk-outputs.json
//   npx tsx infra/bin/amplify-outputs.ts [cdk-outputs.json] [amplify_outputs.json] [--stack Outpost-dev]
import * as fs from 'node:fs';
import { selectStackOutputs, toAmplifyOutputs, type CdkOutputsFile } from '../lib/deploy/amplify-outputs';

const args = process.argv.slice(2);
const stackFlag = args.indexOf('--stack');
const stackName = stackFlag >= 0 ? args[stackFlag + 1] : undefined;
const positional = stackFlag >= 0 ? [...args.slice(0, stackFlag), ...args.slice(stackFlag + 2)] : args;
const [outputsFile = 'cdk-outputs.json', targetFile = 'amplify_outputs.json'] = positional;

const file = JSON.parse(fs.readFileSync(outputsFile, 'utf8')) as CdkOutputsFile;
const outputs = toAmplifyOutputs(selectStackOutputs(file, stackName));
fs.writeFileSync(targetFile, `${JSON.stringify(outputs, null, 2)}\n`);
console.log(`Wrote ${targetFile} (${outputs.data.url})`);
