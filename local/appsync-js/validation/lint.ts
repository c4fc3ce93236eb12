// Runs @aws-appsync/eslint-plugin's base rules, plus Outpost's own checks, over resolver code
// in-process, and reports each finding as an EvaluateCode LINT_ERROR.
import appsync from '@aws-appsync/eslint-plugin';
import { Linter } from 'eslint';
import { type CodeError } from './code-error';
import { outpostRules } from './outpost-rules';
import { spanOf } from './positions';

function lintConfig(): Linter.Config[] {
  const base = appsync.configs?.base as Linter.Config;
  return [
    {
      files: ['**/*.js'],
      plugins: { ...base.plugins, outpost: outpostRules },
      languageOptions: { ...base.languageOptions, ecmaVersion: 'latest', sourceType: 'module' },
      rules: {
        ...base.rules,
        'outpost/no-throw': 'error',
        'outpost/no-dynamic-code': 'error',
        'outpost/no-dynamic-import': 'error',
        'outpost/no-direct-recursion': 'error',
        'outpost/no-reserved-names': 'error',
      },
    },
  ];
}

/** Lint findings, in source order. Parse errors are left to the parser check. */
export function lintResolverCode(code: string): CodeError[] {
  const messages = new Linter({ configType: 'flat' }).verify(code, lintConfig(), { filename: 'code.js' });
  return messages
    .filter((message) => !message.fatal)
    .map((message) => ({
      errorType: 'LINT_ERROR' as const,
      value: message.message,
      location: {
        line: message.line,
        column: message.column,
        span: spanOf(code, message.line, message.column, message.endLine, message.endColumn),
      },
    }));
}
