// The error shapes of AppSync's EvaluateCode API.
// CodeError: https://docs.aws.amazon.com/appsync/latest/APIReference/API_CodeError.html
// CodeErrorLocation: https://docs.aws.amazon.com/appsync/latest/APIReference/API_CodeErrorLocation.html
// EvaluateCodeErrorDetail: https://docs.aws.amazon.com/appsync/latest/APIReference/API_EvaluateCodeErrorDetail.html

/** Where an error sits in `code.js`: 1-based line and column, span in characters (-1 when unknown). */
export interface CodeErrorLocation {
  line: number;
  column: number;
  span: number;
}

/** One problem found in resolver code. AWS names LINT_ERROR and PARSER_ERROR as examples. */
export interface CodeError {
  errorType: 'LINT_ERROR' | 'PARSER_ERROR' | 'CODE_SIZE_ERROR' | 'MODULE_ERROR';
  value: string;
  location: CodeErrorLocation;
}

/** The `error` member of an EvaluateCode response. */
export interface EvaluateCodeErrorDetail {
  message: string;
  codeErrors?: CodeError[];
}

/** The message AppSync gives when it refuses resolver code at create or deploy time. */
export const CODE_ERRORS_MESSAGE = 'The code contains one or more errors.';

/** Resolver code that APPSYNC_JS would refuse to load. */
export class CodeValidationError extends Error {
  readonly codeErrors: CodeError[];

  constructor(codeErrors: CodeError[], options?: { cause?: unknown }) {
    super(`${CODE_ERRORS_MESSAGE}\n${codeErrors.map(formatCodeError).join('\n')}`, options);
    this.name = 'CodeValidationError';
    this.codeErrors = codeErrors;
  }

  get detail(): EvaluateCodeErrorDetail {
    return { message: CODE_ERRORS_MESSAGE, codeErrors: this.codeErrors };
  }
}

/** `code.js:LINE:COL: message`, the way AppSync prefixes positions in its messages. */
export function formatCodeError(error: CodeError): string {
  return `code.js:${error.location.line}:${error.location.column}: ${error.value}`;
}
