import { readFileSync } from 'node:fs';
import { CloudAssemblyReadError } from './errors';

/** Reads and parses a JSON file of the cloud assembly; `what` names it in the error. */
export function readJsonFile(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CloudAssemblyReadError(`Cannot read the ${what} at ${path}; run \`npm run synth\` first.`, { cause: error });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CloudAssemblyReadError(`The ${what} at ${path} is not valid JSON.`, { cause: error });
  }
}
