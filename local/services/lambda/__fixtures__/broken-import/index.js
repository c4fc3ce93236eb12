// Requires a module the bundle does not contain: the init phase fails.
'use strict';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS bundle, as esbuild emits them
module.exports.handler = require('./missing-dependency').handler;
