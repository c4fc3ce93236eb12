/* global fetch */
// Fed by the Records stream (only the records its filter lets through): reports each batch to the
// sink at SINK_URL, where the test observes what was delivered.
module.exports.handler = async (event) => {
  const records = event.Records.map((record) => ({
    eventName: record.eventName,
    id: record.dynamodb.NewImage.id.S,
    kind: record.dynamodb.NewImage.kind.S,
  }));
  const response = await fetch(process.env.SINK_URL, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ records }),
  });
  if (!response.ok) throw new Error(`The sink answered ${response.status}`);
};
