// Sleeps for event.sleepMs before answering, to exercise the timeout.
'use strict';
/* global setTimeout */

let invocations = 0;

module.exports.handler = async (event) => {
  invocations += 1;
  await new Promise((resolve) => setTimeout(resolve, event.sleepMs));
  return { slept: event.sleepMs, invocations };
};
