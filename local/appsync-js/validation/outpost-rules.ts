// Checks for APPSYNC_JS restrictions that @aws-appsync/eslint-plugin's base rule set does not
// cover. AWS lists `throw` among the unsupported statements
// (https://docs.aws.amazon.com/appsync/latest/devguide/supported-features.html), and the plugin's
// own no-recursion rule needs a TypeScript program, which plain resolver code does not have.
import type { ESLint, Rule, Scope } from 'eslint';
import type * as ESTree from 'estree';

/** Names the local runtime injects into resolver code; resolver code may not declare or use them. */
export const RESERVED_PREFIX = '__outpost';

const noThrow: Rule.RuleModule = {
  meta: { type: 'problem', schema: [] },
  create: (context) => ({
    ThrowStatement: (node) => context.report({ node, message: 'throw statements are not supported.' }),
  }),
};

// `import()` would hand resolver code a promise (run after the evaluation, outside its CPU budget)
// whose rejection is a host-realm error; `import.meta` has no meaning once the module is loaded.
const noDynamicImport: Rule.RuleModule = {
  meta: { type: 'problem', schema: [] },
  create: (context) => ({
    ImportExpression: (node) => context.report({ node, message: 'Dynamic import() is not supported.' }),
    MetaProperty: (node) => {
      if (node.meta.name === 'import') context.report({ node, message: 'import.meta is not supported.' });
    },
  }),
};

const DYNAMIC_CODE = new Set(['eval', 'Function']);

const noDynamicCode: Rule.RuleModule = {
  meta: { type: 'problem', schema: [] },
  create: (context) => {
    const check = (node: ESTree.CallExpression | ESTree.NewExpression): void => {
      if (node.callee.type === 'Identifier' && DYNAMIC_CODE.has(node.callee.name)) {
        context.report({ node, message: `${node.callee.name} is not supported.` });
      }
    };
    return { CallExpression: check, NewExpression: check };
  },
};

/** The function a variable names, when it is declared as one. */
function functionOf(variable: Scope.Variable): ESTree.Node | undefined {
  for (const def of variable.defs) {
    if (def.type === 'FunctionName') return def.node;
    if (def.type === 'Variable') {
      const init = def.node.init;
      if (init && (init.type === 'ArrowFunctionExpression' || init.type === 'FunctionExpression')) return init;
    }
  }
  return undefined;
}

const noDirectRecursion: Rule.RuleModule = {
  meta: { type: 'problem', schema: [] },
  create: (context) => ({
    CallExpression: (node) => {
      if (node.callee.type !== 'Identifier') return;
      const name = node.callee.name;
      let scope: Scope.Scope | null = context.sourceCode.getScope(node);
      let variable: Scope.Variable | undefined;
      while (scope && !variable) {
        variable = scope.set.get(name);
        scope = scope.upper;
      }
      const fn = variable && functionOf(variable);
      if (fn && context.sourceCode.getAncestors(node).includes(fn)) {
        context.report({ node, message: `Recursive function calls are not supported: ${name} calls itself.` });
      }
    },
  }),
};

const noReservedNames: Rule.RuleModule = {
  meta: { type: 'problem', schema: [] },
  create: (context) => ({
    Identifier: (node) => {
      if (node.name.startsWith(RESERVED_PREFIX)) {
        context.report({ node, message: `Identifiers starting with ${RESERVED_PREFIX} are reserved by the runtime.` });
      }
    },
  }),
};

export const outpostRules: ESLint.Plugin = {
  rules: {
    'no-throw': noThrow,
    'no-dynamic-code': noDynamicCode,
    'no-dynamic-import': noDynamicImport,
    'no-direct-recursion': noDirectRecursion,
    'no-reserved-names': noReservedNames,
  },
};
