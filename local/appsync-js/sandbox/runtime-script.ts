// The sandbox library (sandbox-lib/entry.ts and all it imports), bundled by esbuild into one
// script. Built once per process: the bundle is a pure function of the source tree.
import { buildSync } from 'esbuild';
import * as path from 'node:path';
import * as vm from 'node:vm';

export class SandboxBuildError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SandboxBuildError';
  }
}

let compiled: vm.Script | undefined;

function build(): vm.Script {
  const entry = path.join(__dirname, '..', 'sandbox-lib', 'entry.ts');
  try {
    const result = buildSync({ entryPoints: [entry], bundle: true, format: 'iife', platform: 'neutral', target: 'es2022', write: false, logLevel: 'silent' });
    return new vm.Script(result.outputFiles[0].text, { filename: 'appsync-js-runtime.js' });
  } catch (error) {
    throw new SandboxBuildError(`Could not bundle the APPSYNC_JS sandbox library from ${path.relative(process.cwd(), entry)}.`, { cause: error });
  }
}

/** The compiled sandbox library, ready to run in any number of contexts. */
export function sandboxRuntimeScript(): vm.Script {
  compiled ??= build();
  return compiled;
}
