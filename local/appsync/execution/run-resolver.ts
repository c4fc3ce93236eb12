// Runs unit and pipeline resolvers the way AppSync does
// (https://docs.aws.amazon.com/appsync/latest/devguide/resolver-reference-overview-js.html):
// request handler → data source → response handler, with one stash for the whole resolver and
// `ctx.prev.result` carried from step to step in a pipeline.
import type { HandlerEvaluation, ResolverModule } from '../../appsync-js/sandbox/resolver-module';
import type { GraphQLErrorEntry } from '../../appsync-js/sandbox-lib/host';
import { ResolverConfigError } from './errors';
import { handlerStep } from './handler-outcome';
import type { CallerContext, DataSourceError, ExecutionServices, PipelineFunctionConfig, ResolverConfig } from './types';

/** What one field's resolver sees: everything of `ctx` except what the run itself fills in. */
export interface FieldCall {
  readonly resolverKey: string;
  readonly arguments: Record<string, unknown>;
  readonly source: unknown;
  readonly path: readonly (string | number)[];
  readonly info: {
    readonly fieldName: string;
    readonly parentTypeName: string;
    readonly variables: Record<string, unknown>;
    readonly selectionSetList: readonly string[];
    readonly selectionSetGraphQL: string;
  };
}

interface RunState {
  stash: Record<string, unknown>;
}

type Handler = 'request' | 'response';

export class ResolverRunner {
  constructor(
    private readonly services: ExecutionServices,
    private readonly caller: CallerContext,
    /** Receives util.appendError entries as they are raised. */
    private readonly appendErrors: (entries: readonly GraphQLErrorEntry[]) => void,
    /** Sees every handler evaluation: subscription filters and invalidations are read from there. */
    private readonly observe?: (evaluation: HandlerEvaluation) => void,
  ) {}

  /** The field's value; throws ResolverFieldError when the resolver raises one. */
  async run(config: ResolverConfig, call: FieldCall): Promise<unknown> {
    const state: RunState = { stash: {} };
    return config.kind === 'UNIT' ? this.runUnit(config, call, state) : this.runPipeline(config, call, state);
  }

  private async runUnit(config: Extract<ResolverConfig, { kind: 'UNIT' }>, call: FieldCall, state: RunState): Promise<unknown> {
    const resolver = this.services.runtime.loadResolverModule(config.code);
    const request = this.evaluate(resolver, 'request', call, state, {});
    if (request.kind === 'earlyReturn') return request.value;
    const outcome = await this.invoke(config.dataSource, request.value, call, call.resolverKey, config.maxBatchSize);
    return this.evaluate(resolver, 'response', call, state, outcome).value;
  }

  private async runPipeline(config: Extract<ResolverConfig, { kind: 'PIPELINE' }>, call: FieldCall, state: RunState): Promise<unknown> {
    const resolver = this.services.runtime.loadResolverModule(config.code);
    const before = this.evaluate(resolver, 'request', call, state, {});
    let prev = before.value;
    // An early return in the resolver's request handler skips every function
    // (https://docs.aws.amazon.com/appsync/latest/devguide/runtime-utils-js.html).
    if (before.kind !== 'earlyReturn') {
      for (const fn of config.functions) {
        const step = await this.runFunction(fn, call, state, prev);
        prev = step.value;
        if (step.kind === 'earlyReturn' && step.skipTo === 'END') break;
      }
    }
    return this.evaluate(resolver, 'response', call, state, { prev }).value;
  }

  private async runFunction(fn: PipelineFunctionConfig, call: FieldCall, state: RunState, prev: unknown) {
    const module = this.services.runtime.loadResolverModule(fn.code);
    const request = this.evaluate(module, 'request', call, state, { prev });
    // An early return in a function's request handler skips its data source and response handler.
    if (request.kind === 'earlyReturn') return request;
    const outcome = await this.invoke(fn.dataSource, request.value, call, `${call.resolverKey}#${fn.name}`, fn.maxBatchSize);
    return this.evaluate(module, 'response', call, state, { ...outcome, prev });
  }

  private async invoke(name: string, request: unknown, call: FieldCall, batchKey: string, maxBatchSize: number | undefined): Promise<{ result: unknown; error?: DataSourceError }> {
    const dataSource = this.services.dataSources[name];
    if (dataSource === undefined) throw new ResolverConfigError(`The resolver ${call.resolverKey} uses data source ${name}, which is not defined`);
    const outcome = await dataSource.invoke(request, {
      parentTypeName: call.info.parentTypeName,
      fieldName: call.info.fieldName,
      path: call.path,
      batchKey,
      ...(maxBatchSize === undefined ? {} : { maxBatchSize }),
    });
    // A data source error only reaches the response handler as ctx.error; it is reported only if
    // the handler raises it (e.g. util.error(ctx.error.message, ctx.error.type)).
    return 'error' in outcome ? { result: outcome.result ?? null, error: outcome.error } : { result: outcome.result };
  }

  private evaluate(
    module: ResolverModule,
    handler: Handler,
    call: FieldCall,
    state: RunState,
    extra: { result?: unknown; error?: DataSourceError; prev?: unknown },
  ) {
    const ctx = {
      arguments: call.arguments,
      identity: this.caller.identity,
      source: call.source ?? null,
      result: extra.result ?? null,
      ...(extra.error === undefined ? {} : { error: extra.error }),
      prev: { result: extra.prev ?? null },
      stash: state.stash,
      request: { headers: this.caller.headers, domainName: this.caller.domainName },
      info: call.info,
      env: this.services.env ?? {},
    };
    const evaluation: HandlerEvaluation = module[handler](ctx, { authMode: this.caller.authMode });
    state.stash = evaluation.stash;
    this.observe?.(evaluation);
    if (evaluation.outErrors.length > 0) this.appendErrors(evaluation.outErrors);
    return handlerStep(evaluation);
  }
}
