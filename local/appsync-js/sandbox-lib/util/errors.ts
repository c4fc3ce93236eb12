// util.error, util.appendError and util.unauthorized: how resolver code reports GraphQL errors.
import { abort, type EvalState, type GraphQLErrorEntry, type SandboxHost } from '../host';

function entry(message: string, errorType?: string, data?: unknown, errorInfo?: unknown): GraphQLErrorEntry {
  // Only the arguments the caller gave: an absent errorType is not the same as a null one.
  const error: GraphQLErrorEntry = { message };
  if (errorType !== undefined) error.errorType = errorType;
  if (data !== undefined) error.data = data;
  if (errorInfo !== undefined) error.errorInfo = errorInfo;
  return error;
}

/**
 * The message AppSync gives a resolver-level Unauthorized error: "Not Authorized to access X on
 * type Y". Without the field in the state there is no X and Y to name.
 */
function unauthorizedMessage(state: EvalState): string {
  return state.field
    ? `Not Authorized to access ${state.field.fieldName} on type ${state.field.parentTypeName}`
    : 'Unauthorized';
}

export function createErrorUtil(host: SandboxHost) {
  return {
    error(message: string, errorType?: string, data?: unknown, errorInfo?: unknown): never {
      return abort({ outpostAbort: 'error', error: entry(message, errorType, data, errorInfo) });
    },
    appendError(message: string, errorType?: string, data?: unknown, errorInfo?: unknown): void {
      host.state().errors.push(entry(message, errorType, data, errorInfo));
    },
    unauthorized(): never {
      const message = unauthorizedMessage(host.state());
      return abort({ outpostAbort: 'error', error: { message, errorType: 'Unauthorized' } });
    },
  };
}
