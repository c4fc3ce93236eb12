// What a resolver module imports and exports, read from its ESM syntax tree. APPSYNC_JS resolves
// only the @aws-appsync/utils modules; resolver bundles inline everything else.
import type { Node } from 'acorn';
import type * as ESTree from 'estree';
import { type CodeError } from './code-error';

export const ALLOWED_MODULES = ['@aws-appsync/utils', '@aws-appsync/utils/dynamodb'] as const;
export type AllowedModule = (typeof ALLOWED_MODULES)[number];

/** One `import` statement, to be replaced by a binding from the in-sandbox module object. */
export interface ImportBinding {
  module: AllowedModule;
  start: number;
  end: number;
  /** `*` for a namespace import. */
  names: { imported: string; local: string }[];
}

/** One `export` keyword or statement, to be removed in place. */
export interface ExportSite {
  start: number;
  end: number;
}

export interface ModuleShape {
  imports: ImportBinding[];
  exportSites: ExportSite[];
  /** exported name → local binding name */
  exports: Map<string, string>;
  errors: CodeError[];
}

type Located = ESTree.Node & Node;

function moduleError(node: Located, value: string): CodeError {
  const loc = node.loc as ESTree.SourceLocation;
  return {
    errorType: 'MODULE_ERROR',
    value,
    location: { line: loc.start.line, column: loc.start.column + 1, span: node.end - node.start },
  };
}

function nameOf(node: ESTree.Identifier | ESTree.Literal): string {
  return node.type === 'Identifier' ? node.name : String(node.value);
}

function declaredNames(declaration: ESTree.Declaration): string[] {
  if (declaration.type === 'VariableDeclaration') {
    return declaration.declarations.flatMap((d) => (d.id.type === 'Identifier' ? [d.id.name] : []));
  }
  return declaration.id ? [declaration.id.name] : [];
}

function isAllowed(specifier: string): specifier is AllowedModule {
  return (ALLOWED_MODULES as readonly string[]).includes(specifier);
}

/** Reads the module's imports and exports; `program` must come from acorn with `locations: true`. */
export function readModuleShape(program: ESTree.Program): ModuleShape {
  const shape: ModuleShape = { imports: [], exportSites: [], exports: new Map(), errors: [] };
  for (const statement of program.body as Located[]) {
    switch (statement.type) {
      case 'ImportDeclaration': {
        const specifier = String(statement.source.value);
        if (!isAllowed(specifier)) {
          shape.errors.push(moduleError(statement, `Cannot import '${specifier}': only ${ALLOWED_MODULES.join(' and ')} can be imported.`));
          break;
        }
        const names = statement.specifiers.flatMap((s) => {
          if (s.type === 'ImportNamespaceSpecifier') return [{ imported: '*', local: s.local.name }];
          if (s.type === 'ImportSpecifier') return [{ imported: nameOf(s.imported), local: s.local.name }];
          shape.errors.push(moduleError(s as Located, `'${specifier}' has no default export.`));
          return [];
        });
        shape.imports.push({ module: specifier, start: statement.start, end: statement.end, names });
        break;
      }
      case 'ExportNamedDeclaration': {
        if (statement.source) {
          shape.errors.push(moduleError(statement, 'Re-exporting from another module is not supported.'));
        } else if (statement.declaration) {
          for (const name of declaredNames(statement.declaration)) shape.exports.set(name, name);
          shape.exportSites.push({ start: statement.start, end: (statement.declaration as Located).start });
        } else {
          for (const s of statement.specifiers) {
            shape.exports.set(nameOf(s.exported), nameOf(s.local));
          }
          shape.exportSites.push({ start: statement.start, end: statement.end });
        }
        break;
      }
      case 'ExportDefaultDeclaration':
        shape.errors.push(moduleError(statement, 'Default exports are not supported: export request and response by name.'));
        break;
      case 'ExportAllDeclaration':
        shape.errors.push(moduleError(statement, 'Re-exporting from another module is not supported.'));
        break;
      default:
        break;
    }
  }
  return shape;
}
