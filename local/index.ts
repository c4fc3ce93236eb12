// Outpost Local's public entry points.
export { evaluateCode, EvaluateCodeRequestError, type EvaluateCodeInput, type EvaluateCodeOptions, type EvaluateCodeOutput } from './appsync-js/evaluate-code';
export {
  ResolverRuntime,
  ResolverLoadError,
  type HandlerEvaluation,
  type HandlerOutcome,
  type ResolverModule,
  type ResolverRuntimeOptions,
} from './appsync-js/sandbox/resolver-module';
export { CodeValidationError, type CodeError, type EvaluateCodeErrorDetail } from './appsync-js/validation/code-error';
export { validateResolverCode } from './appsync-js/validation/validate';
