// Writes amplify_outputs.json where apps and their bundlers read it. The rename makes the swap atomic,
// so a Metro or Vite watcher never reloads a half-written file.
import { mkdir, rename, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { AmplifyOutputs } from './amplify-outputs';
import { AmplifyOutputsWriteError } from './errors';

export async function writeAmplifyOutputs(file: string, outputs: AmplifyOutputs): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(temporary, `${JSON.stringify(outputs, null, 2)}\n`);
    await rename(temporary, file);
  } catch (error) {
    throw new AmplifyOutputsWriteError(`Cannot write ${file}.`, { cause: error });
  }
}
