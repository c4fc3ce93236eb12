// Turns one APPSYNC_JS handler evaluation into a value, an early return, or a field error.
import type { HandlerEvaluation } from '../../appsync-js/sandbox/resolver-module';
import { ResolverFieldError, type FieldErrorDetail } from './errors';

export type HandlerStep = { readonly kind: 'value'; readonly value: unknown } | { readonly kind: 'earlyReturn'; readonly value: unknown; readonly skipTo?: 'END' | 'NEXT' };

/**
 * The error type for an APPSYNC_JS handler that failed at run time (an uncaught error, the CPU
 * budget or the output cap). AWS does not document the type AppSync reports for these; `Code` is
 * this runtime's name for them, and the message carries the `code.js:LINE:COL:` position.
 */
export const CODE_ERROR_TYPE = 'Code';

/** Throws ResolverFieldError for util.error and for runtime failures. */
export function handlerStep(evaluation: HandlerEvaluation): HandlerStep {
  const { outcome } = evaluation;
  switch (outcome.kind) {
    case 'result':
      return { kind: 'value', value: outcome.result };
    case 'earlyReturn':
      return { kind: 'earlyReturn', value: outcome.result, ...(outcome.skipTo ? { skipTo: outcome.skipTo } : {}) };
    case 'error': {
      const { message, errorType, data, errorInfo } = outcome.error;
      const detail: FieldErrorDetail = { message, errorType, data, errorInfo };
      throw new ResolverFieldError(detail);
    }
    case 'runtimeError':
    case 'timeout':
    case 'outputTooLarge':
      throw new ResolverFieldError({ message: outcome.message, errorType: CODE_ERROR_TYPE });
  }
}
