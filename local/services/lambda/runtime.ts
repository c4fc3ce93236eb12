// Outpost Local's Lambda service: every function of the stack in its own worker thread, invoked by
// name or ARN. The functions live in this runtime object, not in any module-level registry.
import { randomUUID } from 'node:crypto';
import { systemClock } from '../clock';
import { FunctionNotFoundError } from './errors';
import { FunctionInstance, type InstanceOptions } from './function-instance';
import type { FunctionSpec, InvokeOptions, InvokeResult, LambdaRuntime, LambdaRuntimeOptions } from './types';

/** `name`, `arn`, and `arn:$LATEST` all address the same function. */
function addresses(spec: FunctionSpec): string[] {
  return [spec.name, spec.arn, `${spec.arn}:$LATEST`];
}

export function createLambdaRuntime(options: LambdaRuntimeOptions): LambdaRuntime {
  const clock = options.clock ?? systemClock;
  const newRequestId = options.newRequestId ?? randomUUID;
  const instanceOptions = (spec: FunctionSpec): InstanceOptions => ({
    baseEnv: options.baseEnv,
    log: (line) => options.log(line, spec.name),
    clock,
    newRequestId,
  });
  const build = (functions: readonly FunctionSpec[]): Map<string, FunctionInstance> => {
    const byAddress = new Map<string, FunctionInstance>();
    for (const spec of functions) {
      const instance = new FunctionInstance(spec, instanceOptions(spec));
      for (const address of addresses(spec)) byAddress.set(address, instance);
    }
    return byAddress;
  };
  const distinct = (byAddress: Map<string, FunctionInstance>): FunctionInstance[] => [...new Set(byAddress.values())];

  let instances = build(options.functions);
  let retiring: FunctionInstance[] = [];

  return {
    invoke(nameOrArn: string, event: unknown, _options?: InvokeOptions): Promise<InvokeResult> {
      const instance = instances.get(nameOrArn);
      if (!instance) return Promise.reject(new FunctionNotFoundError(nameOrArn));
      return instance.invoke(event);
    },

    async reload(functions: readonly FunctionSpec[]): Promise<void> {
      const previous = distinct(instances);
      instances = build(functions);
      retiring = [...retiring, ...previous];
      await Promise.all(previous.map((instance) => instance.drain()));
      retiring = retiring.filter((instance) => !previous.includes(instance));
    },

    async stop(): Promise<void> {
      await Promise.all([...distinct(instances), ...retiring].map((instance) => instance.stop()));
    },
  };
}
