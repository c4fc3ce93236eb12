// BatchInvoke: receives an array of payloads and answers one result per payload, in order.
module.exports.handler = async (events) => events.map((event) => `${event.id} in a batch of ${events.length}`);
