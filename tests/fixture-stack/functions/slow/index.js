/* global setTimeout */
// Sleeps `ms` and answers how many invocations this execution environment has run, so a caller
// sees a fresh environment (1) after a timeout discarded the previous one.
let invocations = 0;

module.exports.handler = async (event) => {
  invocations += 1;
  await new Promise((resolve) => setTimeout(resolve, event.ms));
  return invocations;
};
