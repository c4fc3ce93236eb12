// Resolves `module.function` under LAMBDA_TASK_ROOT the way the Node.js runtime does
// (aws/aws-lambda-nodejs-runtime-interface-client, src/UserFunction.js): extensionless and `.js`
// files through require unless the nearest package.json says "type": "module", then `.mjs` by
// import, then `.cjs` by require.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { HandlerNotFound, ImportModuleError, MalformedHandlerName, UserCodeSyntaxError } from './runtime-errors';

export type Handler = (event: unknown, context: object, callback: (error?: unknown, result?: unknown) => void) => unknown;

const requireModule = createRequire(__filename);
const FUNCTION_EXPRESSION = /^([^.]*)\.(.*)$/;

function splitHandler(fullHandler: string): { moduleRoot: string; moduleName: string; handlerPath: string } {
  if (fullHandler.includes('..')) {
    throw new MalformedHandlerName(
      `'${fullHandler}' is not a valid handler name. Use absolute paths when specifying root directories in handler names.`,
    );
  }
  const moduleAndHandler = path.basename(fullHandler);
  const match = FUNCTION_EXPRESSION.exec(moduleAndHandler);
  if (!match) throw new MalformedHandlerName('Bad handler');
  return {
    moduleRoot: fullHandler.slice(0, fullHandler.length - moduleAndHandler.length),
    moduleName: match[1] as string,
    handlerPath: match[2] as string,
  };
}

/** True when the nearest package.json above `folder` declares "type": "module". */
function packageTypeIsModule(folder: string): boolean {
  for (let current = folder; ; current = path.dirname(current)) {
    if (current.endsWith(`${path.sep}node_modules`)) return false;
    const manifest = path.join(current, 'package.json');
    if (existsSync(manifest)) return (JSON.parse(readFileSync(manifest, 'utf8')) as { type?: unknown }).type === 'module';
    if (path.dirname(current) === current) return false;
  }
}

async function importFile(file: string): Promise<unknown> {
  return existsSync(file) ? import(pathToFileURL(file).href) : undefined;
}

function requireFile(file: string): unknown {
  return existsSync(file) ? requireModule(file) : undefined;
}

async function loadModule(codeDir: string, moduleRoot: string, moduleName: string): Promise<unknown> {
  const file = path.resolve(codeDir, moduleRoot, moduleName);
  const extensionless = requireFile(file);
  if (extensionless) return extensionless;
  const isModule = packageTypeIsModule(path.dirname(file));
  if (!isModule) {
    const commonJs = requireFile(`${file}.js`);
    if (commonJs) return commonJs;
  }
  const loaded =
    (isModule && (await importFile(`${file}.js`))) || (await importFile(`${file}.mjs`)) || requireFile(`${file}.cjs`);
  if (loaded) return loaded;
  // Not a file of the bundle: a package name, resolved from the task root (or MODULE_NOT_FOUND).
  return requireModule(requireModule.resolve(moduleName, { paths: [codeDir, path.resolve(codeDir, moduleRoot)] }));
}

function resolveHandler(loaded: unknown, handlerPath: string): unknown {
  return handlerPath.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], loaded);
}

export async function loadHandler(codeDir: string, fullHandler: string): Promise<Handler> {
  const { moduleRoot, moduleName, handlerPath } = splitHandler(fullHandler);
  let loaded: unknown;
  try {
    loaded = await loadModule(codeDir, moduleRoot, moduleName);
  } catch (error) {
    if (error instanceof SyntaxError) throw new UserCodeSyntaxError(String(error), { cause: error });
    if ((error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND') throw new ImportModuleError(String(error), { cause: error });
    throw error;
  }
  const handler = resolveHandler(loaded, handlerPath);
  if (!handler) throw new HandlerNotFound(`${fullHandler} is undefined or not exported`);
  if (typeof handler !== 'function') throw new HandlerNotFound(`${fullHandler} is not a function`);
  return handler as Handler;
}
