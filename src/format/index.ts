/** The registry of output formats: its keys are the --format choices. */
import type { Formatter } from './types.js';
import { formatJson } from './json.js';
import { formatTerminal } from './terminal.js';

export const FORMATTERS = {
  terminal: formatTerminal,
  json: formatJson,
} as const satisfies Record<string, Formatter>;

export type FormatName = keyof typeof FORMATTERS;
