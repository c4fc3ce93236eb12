// A DynamoDB stream consumer: reports the records it saw, and fails those whose new image says so.
'use strict';

module.exports.handler = async (event) => ({
  seen: event.Records.map((record) => `${record.eventName} ${record.dynamodb.Keys.id.S}`),
  batchItemFailures: event.Records.filter((record) => record.dynamodb.NewImage?.fail?.BOOL).map((record) => ({
    itemIdentifier: record.dynamodb.SequenceNumber,
  })),
});
