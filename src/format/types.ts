/** The formatter contract: a pure function from a report to text. */
import type { Report } from '../types.js';

export interface FormatOptions {
  /** Colour output (the CLI decides: a TTY and no NO_COLOR). */
  color: boolean;
  /** Sort key for summary tables, e.g. "score", "file", "talk". */
  sort?: string;
  /** Width of the terminal, where known. */
  width?: number;
}

export type Formatter = (report: Report, options: FormatOptions) => string;
