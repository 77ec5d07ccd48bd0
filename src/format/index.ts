/** The registry of output formats: its keys are the --format choices. */
import type { Formatter } from './types.js';
import { formatJson } from './json.js';
import { formatTerminal } from './terminal.js';
import { formatCsv } from './csv.js';
import { formatNdjson } from './ndjson.js';
import { formatMarkdown } from './markdown.js';
import { formatHtml } from './html.js';
import { formatSarif } from './sarif.js';
import { formatJunit } from './junit.js';
import { formatGithub } from './github.js';
import { formatSummary } from './summary.js';
import { formatFindingsCsv as formatFindingsCsvRaw } from './findings-csv.js';
import { safeFormatter } from './safe-text.js';

/** One call: the full terminal report; more than one: the batch summary tables. */
const formatTerminalOrSummary: Formatter = (report, options) =>
  report.calls.length + report.errors.length > 1 ? formatSummary(report, options) : formatTerminal(report, options);

// What people read gets printable strings only (safe-text.ts); machine formats stay faithful.
export const FORMATTERS = {
  terminal: safeFormatter(formatTerminalOrSummary),
  summary: safeFormatter(formatSummary),
  json: formatJson,
  csv: safeFormatter(formatCsv),
  ndjson: formatNdjson,
  markdown: safeFormatter(formatMarkdown),
  html: formatHtml,
  sarif: formatSarif,
  junit: formatJunit,
  github: safeFormatter(formatGithub),
} as const satisfies Record<string, Formatter>;

export type FormatName = keyof typeof FORMATTERS;

/** File name extension of each format, for --out-dir. */
export const FORMAT_EXTENSIONS: Record<FormatName, string> = {
  terminal: 'txt',
  summary: 'txt',
  json: 'json',
  csv: 'csv',
  ndjson: 'ndjson',
  markdown: 'md',
  html: 'html',
  sarif: 'sarif',
  junit: 'xml',
  github: 'txt',
};

/** The per-finding CSV, with printable strings like the other human-facing formats. */
export const formatFindingsCsv: Formatter = safeFormatter(formatFindingsCsvRaw);
