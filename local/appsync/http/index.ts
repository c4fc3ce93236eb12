export { createGraphQLHandler, DEFAULT_MAX_BODY_BYTES, type GraphQLHandlerOptions, type IncomingGraphQLRequest } from './graphql-handler';
export { EMPTY_BODY, RejectedRequestError, UNPARSEABLE_QUERY } from './request-body';
