// An async handler that echoes its event and the context the runtime gave it.
'use strict';

console.log('loading the echo module');

module.exports.handler = async (event, context) => {
  console.log('received', event);
  return {
    event,
    context: {
      functionName: context.functionName,
      functionVersion: context.functionVersion,
      memoryLimitInMB: context.memoryLimitInMB,
      logGroupName: context.logGroupName,
      invokedFunctionArn: context.invokedFunctionArn,
      awsRequestId: context.awsRequestId,
      remainingIsPositive: context.getRemainingTimeInMillis() > 0,
    },
  };
};
