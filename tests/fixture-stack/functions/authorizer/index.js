// The API's AWS_LAMBDA authorizer: one token is allowed and carries a resolver context.
module.exports.handler = async (event) => ({
  isAuthorized: event.authorizationToken === 'fixture-allow',
  resolverContext: { tenant: 'fixture', operation: event.requestContext.operationName ?? 'anonymous' },
});
