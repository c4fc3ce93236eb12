// A test kit for resolvers: bundle a TypeScript resolver the way the stack deploys it, then run one
// of its handlers in the local APPSYNC_JS runtime.
import { bundleResolver } from '../../../infra/lib/appsync/bundle-resolver';
import { ResolverRuntime, type EvaluateOptions, type HandlerEvaluation, type HandlerName, type ResolverRuntimeOptions } from '../sandbox/resolver-module';

export interface ResolverTestKit {
  /** Bundles `file` (cached per file) and runs its `handler` on `ctx`. */
  evaluateResolverFile(file: string, handler: HandlerName, ctx: object, options?: EvaluateOptions): HandlerEvaluation;
}

/** A kit with its own runtime: pass a fixed `now` to make util.time deterministic. */
export function createResolverTestKit(options: ResolverRuntimeOptions = {}): ResolverTestKit {
  const runtime = new ResolverRuntime(options);
  const bundles = new Map<string, string>();
  return {
    evaluateResolverFile(file, handler, ctx, evaluateOptions) {
      let code = bundles.get(file);
      if (code === undefined) {
        code = bundleResolver(file);
        bundles.set(file, code);
      }
      const module = runtime.loadResolverModule(code);
      return handler === 'request' ? module.request(ctx, evaluateOptions) : module.response(ctx, evaluateOptions);
    },
  };
}

/** One-off: bundles and runs a handler with a fresh runtime. */
export function evaluateResolverFile(file: string, handler: HandlerName, ctx: object, options: ResolverRuntimeOptions & EvaluateOptions = {}): HandlerEvaluation {
  return createResolverTestKit(options).evaluateResolverFile(file, handler, ctx, options);
}
