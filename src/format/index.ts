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
import { safeFormatter, safeStream } from './safe-text.js';
import { singleOrBatch, type StreamFormatter } from './stream.js';
import { streamJson } from './json.js';
import { streamCsv } from './csv.js';
import { streamNdjson } from './ndjson.js';
import { streamMarkdown } from './markdown.js';
import { streamHtml } from './html.js';
import { streamSarif } from './sarif.js';
import { streamJunit } from './junit.js';
import { streamGithub } from './github.js';
import { streamSummary } from './summary.js';
import { streamFindingsCsv as streamFindingsCsvRaw } from './findings-csv.js';

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

/** formatTerminalOrSummary streamed: the terminal report for one input, else the summary (see singleOrBatch). */
const streamTerminalOrSummary: StreamFormatter = singleOrBatch(streamSummary, formatTerminal, (calls, report) => calls + report.errors.length > 1, false);

/** Each format's streaming form, byte for byte its formatter's output (test/format/streamed.test.ts). */
export const STREAMS: Record<FormatName, StreamFormatter> = {
  terminal: safeStream(streamTerminalOrSummary),
  summary: safeStream(streamSummary),
  json: streamJson,
  csv: safeStream(streamCsv),
  ndjson: streamNdjson,
  markdown: safeStream(streamMarkdown),
  html: streamHtml,
  sarif: streamSarif,
  junit: streamJunit,
  github: safeStream(streamGithub),
};

/** The per-finding CSV streamed, with printable strings. */
export const streamFindingsCsv: StreamFormatter = safeStream(streamFindingsCsvRaw);
