/** The formatter contract: a pure function from a report to text. */
import type { Report } from '../types.js';

export interface FormatOptions {
  /** Colour output (the CLI decides: a TTY and no NO_COLOR). */
  color: boolean;
  /** Sort key for summary tables, e.g. "score", "file", "talk". */
  sort?: string;
  /** Width of the terminal in columns: no line of the human formats is wider (the CLI decides: the TTY's, COLUMNS, else 80). */
  width?: number;
  /** SARIF and GitHub annotations: report buyer-ownership strengths too, at note level (--include-strengths). */
  includeStrengths?: boolean;
  /** SARIF and GitHub annotations: the report was checked against a baseline, so only findings marked new are annotated. */
  onlyNew?: boolean;
  /** Quotes per habit in the single-call views (Infinity for all); absent: the default few. */
  maxFindings?: number;
  /** Only the header and what to change first. */
  brief?: boolean;
  /** The batch summary shows only the N lowest and N highest scoring calls. */
  top?: number;
  /** Streamed reports: the longest text one call's part may be (the CLI sets it; absent: as long as a string can be). */
  maxPartChars?: number;
}

export type Formatter = (report: Report, options: FormatOptions) => string;
