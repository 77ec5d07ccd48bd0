/** User-facing input errors: one class, one line each, naming the file and (where known) the line. */

export type ErrorCode =
  | 'E_READ'
  | 'E_EMPTY'
  | 'E_BINARY'
  | 'E_ENCODING'
  | 'E_FORMAT'
  | 'E_PARSE'
  | 'E_NO_TURNS'
  | 'E_TOO_LARGE'
  | 'E_CONFIG'
  | 'E_RULES';

/** An input problem that stops one file (never the batch). Parsers throw it; the pipeline catches it. */
export class InputProblem extends Error {
  readonly code: ErrorCode;
  readonly line?: number;
  constructor(code: ErrorCode, message: string, line?: number) {
    super(message);
    this.name = 'InputProblem';
    this.code = code;
    this.line = line;
  }
}
