// TypeScript is pinned to 5.9 because ts-jest 29 supports TypeScript ">=4.3 <7" only; TypeScript 7
// (the native compiler) drops the JS compiler API that ts-jest calls. tsconfig.json sets
// isolatedModules, so ts-jest transpiles each file on its own (fast) and `npm run typecheck`
// type-checks everything.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/cdk.out/', '/.outpost/'],
  modulePathIgnorePatterns: ['<rootDir>/cdk.out/', '<rootDir>/.outpost/'],
  transform: {
    '^.+\\.ts$': 'ts-jest',
  },
  testTimeout: 30000,
};
