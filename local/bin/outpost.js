#!/usr/bin/env node
// The `outpost` command: runs local/cli/main.ts through tsx, without a build step.
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS shim: tsx must be registered before any TypeScript loads */
require('tsx/cjs');
const { main } = require('../cli/main.ts');

main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then((code) => {
  process.exitCode = code;
});
