// Counts invocations in module state (so warm reuse and fresh workers are visible) and crashes on demand.
'use strict';
/* global setTimeout */

let invocations = 0;

module.exports.handler = async (event) => {
  invocations += 1;
  if (event.crash === 'exit') process.exit(3);
  if (event.crash === 'timer') {
    setTimeout(() => {
      throw new Error('a timer failed');
    }, 5);
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
  return { invocations };
};
