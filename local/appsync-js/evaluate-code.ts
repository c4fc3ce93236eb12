// The EvaluateCode API (https://docs.aws.amazon.com/appsync/latest/APIReference/API_EvaluateCode.html),
// offline: same request fields, same response fields and shapes.
import { ResolverLoadError, ResolverRuntime, type HandlerEvaluation, type HandlerName, type ResolverRuntimeOptions } from './sandbox/resolver-module';
import { CodeValidationError, type EvaluateCodeErrorDetail } from './validation/code-error';

export interface EvaluateCodeInput {
  code: string;
  /** The context as JSON text, as EvaluateCode takes it. */
  context: string;
  /** Which handler to run. Defaults to `request`. */
  function?: HandlerName;
  runtime: { name: 'APPSYNC_JS'; runtimeVersion: '1.0.0' };
}

/** EvaluateCode's response: `stash` and `outErrors` are JSON text there, and so here. */
export interface EvaluateCodeOutput {
  evaluationResult?: string;
  error?: EvaluateCodeErrorDetail;
  logs: string[];
  stash?: string;
  outErrors?: string;
}

/** A request EvaluateCode would refuse outright (AWS answers BadRequestException). */
export class EvaluateCodeRequestError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EvaluateCodeRequestError';
  }
}

export interface EvaluateCodeOptions extends ResolverRuntimeOptions {
  /** Reuse a runtime (and its module cache) across calls; a fresh one is made otherwise. */
  resolverRuntime?: ResolverRuntime;
}

/** EvaluateCode's `context` length limit, from the same API reference page. */
export const MAX_CONTEXT_LENGTH = 28000;

function checkRequest(input: EvaluateCodeInput): HandlerName {
  if (input.runtime?.name !== 'APPSYNC_JS' || input.runtime.runtimeVersion !== '1.0.0') {
    throw new EvaluateCodeRequestError(`runtime must be { name: 'APPSYNC_JS', runtimeVersion: '1.0.0' }; received ${JSON.stringify(input.runtime)}.`);
  }
  const handler = input.function ?? 'request';
  if (handler !== 'request' && handler !== 'response') {
    throw new EvaluateCodeRequestError(`function must be 'request' or 'response'; received ${JSON.stringify(handler)}.`);
  }
  if (typeof input.code !== 'string' || input.code.length === 0) throw new EvaluateCodeRequestError('code must be a non-empty string.');
  if (typeof input.context !== 'string' || input.context.length < 2 || input.context.length > MAX_CONTEXT_LENGTH) {
    throw new EvaluateCodeRequestError(`context must be JSON text of 2 to ${MAX_CONTEXT_LENGTH} characters; received ${typeof input.context === 'string' ? `${input.context.length} characters` : typeof input.context}.`);
  }
  return handler;
}

function toOutput(evaluation: HandlerEvaluation): EvaluateCodeOutput {
  const side = { logs: evaluation.logs, stash: JSON.stringify(evaluation.stash), outErrors: JSON.stringify(evaluation.outErrors) };
  const { outcome } = evaluation;
  switch (outcome.kind) {
    case 'result':
    case 'earlyReturn':
      return { evaluationResult: JSON.stringify(outcome.result ?? null), ...side };
    case 'error':
      return { error: { message: outcome.error.message }, ...side };
    default:
      return { error: { message: outcome.message }, ...side };
  }
}

/**
 * Evaluates one handler of resolver code against a context, as EvaluateCode does. Problems in the
 * code or the context come back in `error`; only a malformed request throws.
 */
export function evaluateCode(input: EvaluateCodeInput, options: EvaluateCodeOptions = {}): EvaluateCodeOutput {
  const handler = checkRequest(input);
  const runtime = options.resolverRuntime ?? new ResolverRuntime(options);
  try {
    return toOutput(runtime.loadResolverModule(input.code).evaluateJson(handler, input.context));
  } catch (error) {
    if (error instanceof CodeValidationError) return { error: error.detail, logs: [] };
    if (error instanceof ResolverLoadError) return { error: { message: error.message }, logs: [] };
    throw error;
  }
}
