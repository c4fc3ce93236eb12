// A synchronous handler that neither returns a promise nor calls a callback.
'use strict';

module.exports.handler = (event) => {
  console.log('handled', event.id);
  return 'ignored: Lambda answers null';
};
