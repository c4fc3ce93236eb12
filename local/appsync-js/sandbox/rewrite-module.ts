// Turns a resolver's ES module into a classic script for the vm, in place: imports become bindings
// from the in-sandbox modules, `export` keywords go, the exports are returned, every function and
// loop body starts with a CPU budget check, every spread list has its length checked, and
// `console.x(...)` records its position. Lines keep
// their numbers; columns are mapped back through the edit list.
import type { Node } from 'acorn';
import type * as ESTree from 'estree';
import { type ModuleShape } from '../validation/module-shape';
import { applyEdits, keepLines, type EditedSource, type SourceEdit } from './source-edits';

const BUDGET = '__outpost_budget';
const AT = '__outpost_at';
const MODULES = '__outpost_modules';
const SPREAD = '__outpost_spread';

const CLOSE = 0;
const OPEN = 1_000_000;
const REPLACE = 2_000_000;
const LAST = 3_000_000;

type Located = ESTree.Node & Node;

const FUNCTIONS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);
const LOOPS = new Set(['ForStatement', 'ForInStatement', 'ForOfStatement', 'WhileStatement', 'DoWhileStatement']);

function isNode(value: unknown): value is Located {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

function walk(node: Located, depth: number, parent: Located | undefined, visit: (node: Located, depth: number, parent: Located | undefined) => void): void {
  visit(node, depth, parent);
  for (const [key, value] of Object.entries(node)) {
    if (key === 'loc') continue;
    if (Array.isArray(value)) {
      for (const child of value) if (isNode(child)) walk(child, depth + 1, node, visit);
    } else if (isNode(value)) {
      walk(value, depth + 1, node, visit);
    }
  }
}

/** Statements for one import: `const { a: b } = __outpost_modules["…"];`. */
function importBinding(binding: ModuleShape['imports'][number]): string {
  const source = `${MODULES}[${JSON.stringify(binding.module)}]`;
  const namespace = binding.names.find((name) => name.imported === '*');
  const named = binding.names.filter((name) => name.imported !== '*');
  const parts: string[] = [];
  if (namespace) parts.push(`const ${namespace.local} = ${source};`);
  if (named.length > 0) {
    const fields = named.map((name) => (name.imported === name.local ? name.local : `${JSON.stringify(name.imported)}: ${name.local}`));
    parts.push(`const { ${fields.join(', ')} } = ${source};`);
  }
  return parts.join(' ');
}

/** A body gets the check inside its braces, or is wrapped: `(check(), expr)` / `{check(); stmt}`. */
function budgetEdits(body: Located, depth: number, expression: boolean): SourceEdit[] {
  if (body.type === 'BlockStatement') return [{ start: body.start + 1, end: body.start + 1, text: `${BUDGET}();`, order: OPEN + depth }];
  const [open, close] = expression ? [`(${BUDGET}(), `, ')'] : [`{${BUDGET}();`, '}'];
  return [
    { start: body.start, end: body.start, text: open, order: OPEN + depth },
    { start: body.end, end: body.end, text: close, order: CLOSE + (OPEN - depth) },
  ];
}

/** `console` is only rewritten when the module never declares a binding of that name. */
function consoleIsGlobal(program: Located): boolean {
  let shadowed = false;
  walk(program, 0, undefined, (node, _depth, parent) => {
    if (node.type !== 'Identifier' || node.name !== 'console') return;
    const asObject = parent?.type === 'MemberExpression' && parent.object === node;
    const asKey = (parent?.type === 'MemberExpression' && parent.property === node && !parent.computed) || (parent?.type === 'Property' && parent.key === node && !parent.computed);
    if (!asObject && !asKey) shadowed = true;
  });
  return !shadowed;
}

/** The rewritten script: evaluating it loads the module through `__outpost_load`. */
export function rewriteModule(code: string, program: ESTree.Program, shape: ModuleShape): EditedSource {
  const edits: SourceEdit[] = [
    { start: 0, end: 0, text: `'use strict';__outpost_load(function (${BUDGET}, ${AT}, ${MODULES}, ${SPREAD}) {`, order: -1 },
  ];
  const root = program as Located;
  const rewriteConsole = consoleIsGlobal(root);
  walk(root, 0, undefined, (node, depth, parent) => {
    if (node.type === 'SpreadElement' && parent?.type !== 'ObjectExpression') {
      // `[...list]` and `f(...list)` walk the whole list in one native step.
      const argument = (node as Located & ESTree.SpreadElement).argument as Located;
      edits.push({ start: argument.start, end: argument.start, text: `${SPREAD}(`, order: OPEN + depth }, { start: argument.end, end: argument.end, text: ')', order: CLOSE + (OPEN - depth) });
    } else if (FUNCTIONS.has(node.type)) {
      const fn = node as Located & ESTree.Function;
      edits.push(...budgetEdits(fn.body as Located, depth, fn.body.type !== 'BlockStatement'));
    } else if (LOOPS.has(node.type)) {
      edits.push(...budgetEdits((node as Located & ESTree.ForOfStatement).body as Located, depth, false));
    } else if (rewriteConsole && node.type === 'CallExpression') {
      const callee = node.callee as Located;
      const object = callee.type === 'MemberExpression' ? (callee.object as Located) : undefined;
      if (object?.type === 'Identifier' && object.name === 'console') {
        const { line, column } = (object.loc as ESTree.SourceLocation).start;
        edits.push({ start: object.start, end: object.end, text: `${AT}(${line}, ${column + 1})`, order: REPLACE });
      }
    }
  });
  for (const binding of shape.imports) {
    edits.push({ start: binding.start, end: binding.end, text: keepLines(code, binding.start, binding.end, importBinding(binding)), order: REPLACE });
  }
  for (const site of shape.exportSites) {
    edits.push({ start: site.start, end: site.end, text: keepLines(code, site.start, site.end, ''), order: REPLACE });
  }
  const fields = [...shape.exports].map(([exported, local]) => `${JSON.stringify(exported)}: ${local}`);
  edits.push({ start: code.length, end: code.length, text: `\n;return { ${fields.join(', ')} };\n});`, order: LAST });
  return applyEdits(code, edits);
}
