/** CSV and TSV transcripts: one row per segment, columns found by header name or given by the user. */
import { createRequire } from 'node:module';
import type { Transcript } from '../types.js';
import { InputProblem } from '../errors.js';
import { buildTurns, parseClock, splitLines, type Segment } from './builder.js';
import { speakerName } from './names.js';

/** csv-parse is loaded on the first CSV or TSV input: most calls are text, and it cost a cold start ~25 ms. */
const require = createRequire(import.meta.url);
let csv: typeof import('csv-parse/sync') | undefined;
const parse: typeof import('csv-parse/sync').parse = (...args: Parameters<typeof import('csv-parse/sync').parse>) => (csv ??= require('csv-parse/sync') as typeof import('csv-parse/sync')).parse(...args);

type Role = 'speaker' | 'text' | 'start' | 'end';

/** Header names that mean each column, normalized to lower case with `_` for separators. */
const HEADERS: Record<Role, string[]> = {
  speaker: ['speaker', 'name', 'participant', 'role', 'speaker_label', 'who', 'speaker_name', 'speakername', 'author', 'from_speaker'],
  text: ['text', 'transcript', 'utterance', 'content', 'sentence', 'message', 'words', 'caption'],
  start: ['start', 'start_time', 'starttime', 'begin', 'from', 'start_ms', 'start_seconds', 'timestamp', 'time', 'ts'],
  end: ['end', 'end_time', 'endtime', 'to', 'stop', 'end_ms', 'end_seconds'],
};

export interface TableOptions {
  delimiter: ',' | '\t';
  /** User mapping from role to header name, e.g. { speaker: 'Who', text: 'Utterance' }. */
  columns?: Record<string, string>;
}

/** Normalizes a header cell: "Start Time (ms)" -> "start_time_ms". */
export function normHeader(h: string): string {
  return h.trim().toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '_').replace(/^_|_$/g, '');
}

/** True when a header row names at least a text column (used by detection). */
export function looksLikeHeader(cells: string[]): boolean {
  const names = cells.map(normHeader);
  return names.some((n) => HEADERS.text.includes(n));
}

/** Parses a CSV or TSV table; throws InputProblem with the line for ragged rows or open quotes. */
export function parseTable(text: string, opts: TableOptions): Transcript {
  const format = opts.delimiter === '\t' ? 'tsv' : 'csv';
  const lines = splitLines(text);
  let rows: Array<{ record: string[]; info: { lines: number } }>;
  try {
    rows = parse(text, {
      delimiter: opts.delimiter,
      info: true,
      skip_empty_lines: true,
      bom: true,
      // Whisper's TSV does not quote; quotes inside its text are literal.
      quote: opts.delimiter === '\t' ? false : '"',
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  } catch (err) {
    throw tableError(err, text, format);
  }
  if (rows.length === 0) throw new InputProblem('E_NO_TURNS', `the ${format.toUpperCase()} file has no rows`);
  const header = rows[0]!.record;
  const col = findColumns(header, opts.columns, format);
  const segments: Segment[] = [];
  let prevEnd = rows[0]!.info.lines;
  const timeCols = { start: col.start, end: col.end };
  const unit = timeUnit(rows.slice(1).map((r) => r.record), timeCols, header);
  for (const { record, info } of rows.slice(1)) {
    // csv-parse reports the line a record ends on; it starts after the previous one and any blank lines.
    let line = prevEnd + 1;
    while (line < info.lines && (lines[line - 1] ?? '').trim() === '') line++;
    prevEnd = info.lines;
    const text = record[col.text]!;
    const speaker = col.speaker >= 0 ? speakerName(record[col.speaker]!.trim()) : 'Speaker';
    const start = readTime(col.start >= 0 ? record[col.start] : undefined, unit, line, header[col.start]);
    const end = readTime(col.end >= 0 ? record[col.end] : undefined, unit, line, header[col.end]);
    segments.push({ speaker, text, line, ...(start !== undefined ? { start } : {}), ...(end !== undefined ? { end } : {}) });
  }
  const warnings = col.speaker < 0 ? ['no speaker column: all rows are attributed to one speaker'] : [];
  return { format, layout: unit === 'ms' && col.speaker < 0 ? `whisper-${format}` : format, turns: buildTurns(segments), warnings };
}

function findColumns(header: string[], mapping: Record<string, string> | undefined, format: string): Record<Role, number> {
  const names = header.map(normHeader);
  const out: Record<Role, number> = { speaker: -1, text: -1, start: -1, end: -1 };
  for (const role of Object.keys(out) as Role[]) {
    const wanted = mapping?.[role];
    if (wanted !== undefined) {
      const idx = names.indexOf(normHeader(wanted));
      if (idx < 0) {
        throw new InputProblem('E_PARSE', `the column "${wanted}" given for ${role} is not in the header (${header.join(', ')})`, 1);
      }
      out[role] = idx;
      continue;
    }
    for (const candidate of HEADERS[role]) {
      const idx = names.indexOf(candidate);
      if (idx >= 0 && !Object.values(out).includes(idx)) {
        out[role] = idx;
        break;
      }
    }
  }
  if (out.text < 0) {
    throw new InputProblem(
      'E_PARSE',
      `no text column in the ${format.toUpperCase()} header (${header.join(', ')}): name one "text", "transcript", "utterance", "content" or "sentence"`,
      1,
      'columns',
    );
  }
  return out;
}

type Unit = 's' | 'ms';

/**
 * Decides whether bare numbers are seconds or milliseconds: a header that says ms decides; otherwise
 * whole numbers with a typical row length above 60 are milliseconds (Whisper's TSV), since no tool
 * cuts minute-long rows while writing times in whole seconds.
 */
function timeUnit(records: string[][], cols: { start: number; end: number }, header: string[]): Unit {
  const h = [cols.start, cols.end].filter((c) => c >= 0).map((c) => normHeader(header[c]!));
  if (h.some((n) => /(^|_)ms$|millis/.test(n))) return 'ms';
  if (h.some((n) => /(^|_)(s|sec|seconds)$/.test(n))) return 's';
  if (cols.start < 0) return 's';
  const starts = records.map((r) => r[cols.start]?.trim() ?? '').filter((v) => v !== '');
  if (starts.length === 0 || !starts.every((v) => /^\d+$/.test(v))) return 's';
  const spans: number[] = [];
  for (let i = 0; i < records.length; i++) {
    const a = Number(records[i]![cols.start]);
    const b = cols.end >= 0 ? Number(records[i]![cols.end]) : Number(records[i + 1]?.[cols.start]);
    if (Number.isFinite(a) && Number.isFinite(b) && b > a) spans.push(b - a);
  }
  spans.sort((x, y) => x - y);
  const median = spans[Math.floor(spans.length / 2)] ?? 0;
  return median > 60 ? 'ms' : 's';
}

function readTime(value: string | undefined, unit: Unit, line: number, header: string | undefined): number | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  if (/^\d+(?:\.\d+)?$/.test(v)) return unit === 'ms' ? Number(v) / 1000 : Number(v);
  const clock = parseClock(v);
  if (clock !== undefined) return clock;
  throw new InputProblem('E_PARSE', `"${v}" in column "${header ?? '?'}" is not a time (expected seconds, milliseconds or HH:MM:SS)`, line);
}

function tableError(err: unknown, text: string, format: string): InputProblem {
  const e = err as { code?: string; lines?: number; message?: string };
  if (e.code === 'CSV_QUOTE_NOT_CLOSED') {
    return new InputProblem('E_PARSE', 'a quoted field is never closed (a `"` opens here and has no closing `"`)', openQuoteLine(text));
  }
  if (e.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH') {
    const m = /expect (\d+), got (\d+)/.exec(e.message ?? '');
    const detail = m ? `: ${m[2]} fields where the header has ${m[1]}` : '';
    return new InputProblem('E_PARSE', `this ${format.toUpperCase()} row has the wrong number of fields${detail}`, e.lines);
  }
  return new InputProblem('E_PARSE', `could not read the ${format.toUpperCase()} table: ${e.message ?? String(err)}`, e.lines);
}

/** The line where the last unclosed quote opened (csv-parse only reports the end of the file). */
function openQuoteLine(text: string): number | undefined {
  let line = 1;
  let inQuote = false;
  let openedAt: number | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    else if (c === '"') {
      if (inQuote && text[i + 1] === '"') i++;
      else {
        inQuote = !inQuote;
        if (inQuote) openedAt = line;
      }
    }
  }
  return inQuote ? openedAt : undefined;
}
