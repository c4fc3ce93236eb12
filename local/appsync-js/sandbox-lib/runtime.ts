// The `runtime` export of @aws-appsync/utils.
import { abort } from './host';

export interface Runtime {
  earlyReturn(obj?: unknown, returnOptions?: { skipTo: 'END' | 'NEXT' }): never;
}

export function createRuntime(): Runtime {
  return {
    earlyReturn(obj, returnOptions) {
      const skipTo = returnOptions?.skipTo;
      return abort({ outpostAbort: 'earlyReturn', data: obj, ...(skipTo === undefined ? {} : { skipTo }) });
    },
  };
}
