// A callback-style handler: answers through callback(error, result).
'use strict';

module.exports.handler = (event, context, callback) => {
  if (event.fail) {
    callback(new RangeError(`cannot handle ${event.fail}`));
    return;
  }
  console.warn('answering by callback');
  callback(null, { doubled: event.value * 2 });
};
