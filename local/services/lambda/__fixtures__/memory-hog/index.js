// With event.hoard, keeps allocating until the heap its memory size allows is exhausted.
'use strict';

let invocations = 0;

module.exports.handler = async (event) => {
  invocations += 1;
  const hoard = [];
  while (event.hoard) hoard.push(new Array(100_000).fill(hoard.length));
  return { invocations };
};
