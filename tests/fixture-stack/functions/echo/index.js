// Lambda Invoke: answers with the message it was sent.
module.exports.handler = async (event) => ({ message: event.message, via: 'lambda' });
