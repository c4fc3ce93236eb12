import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import appsync from '@aws-appsync/eslint-plugin';

export default tseslint.config(
  { ignores: ['node_modules/', 'cdk.out/', '.outpost/', '**/__generated__/', '**/dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  // Resolvers run on APPSYNC_JS, not Node: the AppSync plugin rejects what that runtime rejects.
  {
    files: ['resolvers/**/*.ts'],
    ignores: ['resolvers/**/*.test.ts'],
    ...appsync.configs.base,
  },
);
