/**
 * The streaming form of a formatter: a report written call by call, so no string ever holds the whole of it
 * (a batch's report can be longer than the longest string JavaScript can build). Each call's own part is made
 * when the call arrives; the writer either sends it straight on (formats whose parts come in input order after
 * a fixed head) or keeps it (on disk, src/io/spool.ts) until end() places it. The string formatters in
 * index.ts are these same streams run in memory (formatStreamed), so the two cannot drift apart.
 */
import type { CallReport, InputError, Report, RuleMeta } from '../types.js';
import type { FormatOptions } from './types.js';
import { createReport } from '../report/report.js';
import { SummaryBuilder, type Summary } from '../report/summary.js';

/** Where streamed text goes, piece by piece. */
export interface TextSink {
  write(text: string): void;
}

/** The parts a stream made, kept by the writer; `index` counts the calls given to part(), from 0. */
export interface PartStore {
  readonly count: number;
  /** Writes part `index` to `out` (an empty part writes nothing). */
  writeTo(index: number, out: TextSink): void;
  /** Part `index` as a string. */
  read(index: number): string;
}

export interface ReportStream {
  /** True: parts go straight to the output in input order after head(); false: the writer keeps them for end(). */
  readonly inOrder: boolean;
  /** In-order streams: the text before the first part, written when the first call arrives or at the end. */
  head?(): string;
  /** The call's own part, made as it arrives; `n` is the number of calls taken before it; '' for none. */
  part(call: CallReport, n: number): string;
  /** The call whose part was just taken (a call refused as too large never is): what end() needs of it beyond its part, such as its summary row. */
  taken?(call: CallReport): void;
  /**
   * Writes the rest of the report. `report` has the errors and gates but no calls: a stream sees each call
   * only through part() and taken(), so nothing holds them all. In-order streams' parts are already
   * written; the others' are in `parts`, in the order part() made them.
   */
  end(out: TextSink, report: Report, parts: PartStore): void;
}

/** A call whose own part is longer than the writer may write (FormatOptions.maxPartChars) or than a string can be. */
export class PartTooLarge extends Error {
  constructor(readonly chars: number | undefined) {
    super(chars === undefined ? 'longer than the longest string JavaScript can build' : `${chars} characters`);
  }
}

/** `text`, unless it is longer than the options allow a call's part to be. */
export function withinLimit(text: string, options: FormatOptions): string {
  if (options.maxPartChars !== undefined && text.length > options.maxPartChars) throw new PartTooLarge(text.length);
  return text;
}

/** A stream for one run, given the rules' metadata and the format options. */
export type StreamFormatter = (rules: readonly RuleMeta[], options: FormatOptions) => ReportStream;

/** Parts held in memory (the string formatters, and the writer when no temp file can be made). */
export class MemoryParts implements PartStore {
  private readonly list: string[] = [];
  get count(): number {
    return this.list.length;
  }
  add(text: string): void {
    this.list.push(text);
  }
  writeTo(index: number, out: TextSink): void {
    const text = this.list[index] ?? '';
    if (text) out.write(text);
  }
  read(index: number): string {
    return this.list[index] ?? '';
  }
}

/** Collects what is written into one string (for the string formatters only). */
export class StringSink implements TextSink {
  text = '';
  write(text: string): void {
    this.text += text;
  }
}

/** Runs a stream over a whole report in memory: the string form of the format. */
export function formatStreamed(stream: StreamFormatter, report: Report, options: FormatOptions): string {
  const s = stream(report.rules, options);
  const out = new StringSink();
  const parts = new MemoryParts();
  if (s.inOrder) out.write(s.head?.() ?? '');
  report.calls.forEach((call, n) => {
    const part = s.part(call, n);
    if (s.inOrder) out.write(part);
    else parts.add(part);
    s.taken?.(call);
  });
  s.end(out, { ...report, calls: [] }, parts);
  return out.text;
}

/** The batch summary of a stream's calls, built as they are taken: a row a call (report/summary.ts), never the calls. */
export class StreamSummary {
  private readonly builder: SummaryBuilder;
  constructor(rules: readonly RuleMeta[], private readonly sort: string | undefined) {
    this.builder = new SummaryBuilder(rules);
  }
  add(call: CallReport): void {
    this.builder.add(call);
  }
  /** The summary, with the run's input errors; once, at the end. */
  result(errors: readonly InputError[]): Summary {
    for (const e of errors) this.builder.addError(e);
    return this.builder.result(this.sort === undefined ? {} : { sort: this.sort });
  }
}

/**
 * Withholds trailing newlines until more text follows, and ends with exactly one: the streamed form of
 * `lines.join('\n').replace(/\n+$/, '') + '\n'` when every line is written followed by '\n'.
 */
export class OneTrailingNewline implements TextSink {
  private held = 0;
  constructor(private readonly out: TextSink) {}
  write(text: string): void {
    let end = text.length;
    while (end > 0 && text.charCodeAt(end - 1) === 10) end--;
    if (end === 0) {
      this.held += text.length;
      return;
    }
    this.out.write('\n'.repeat(this.held) + text.slice(0, end));
    this.held = text.length - end;
  }
  close(): void {
    this.out.write('\n');
    this.held = 0;
  }
}

/** Writes lines, each followed by '\n' (the streamed form of `lines.join('\n') + '\n'`). */
export function writeLines(out: TextSink, lines: readonly string[]): void {
  for (const line of lines) out.write(`${line}\n`);
}

/** `JSON.stringify(value, null, 2)` as it appears nested `depth` levels deep in a pretty-printed document. */
export function nestedJson(value: unknown, depth: number): string {
  const text = JSON.stringify(value, null, 2);
  // Newlines inside JSON strings are escaped, so every raw newline is a line break of the layout.
  return depth === 0 ? text : text.replace(/\n/g, `\n${'  '.repeat(depth)}`);
}

/** Writes `items` as the pretty-printed JSON array they would be at `depth`, one item at a time. */
export function writeJsonArray(out: TextSink, items: readonly unknown[], depth: number): void {
  if (items.length === 0) {
    out.write('[]');
    return;
  }
  const pad = '  '.repeat(depth + 1);
  out.write('[');
  items.forEach((item, i) => out.write(`${i ? ',' : ''}\n${pad}${nestedJson(item, depth + 1)}`));
  out.write(`\n${'  '.repeat(depth)}]`);
}

/** An empty report with these rules: what a stream's head and end see of a run before its calls. */
export function emptyReport(rules: readonly RuleMeta[]): Report {
  return createReport({ calls: [], rules });
}

/**
 * A format whose report for one call differs from its batch report (the terminal report and the summary,
 * the static page and the dashboard), streamed. Which of the two the run needs shows only at the end, so the
 * first call is held whole; its one-call report is also made once as it arrives, so that one too large to
 * write is found while that call can still be listed as failed. Later calls leave only the batch form's state.
 * `batchParts` says whether the batch form's parts are kept (the dashboard's are; the summary has none).
 */
export function singleOrBatch(
  batch: StreamFormatter,
  single: (report: Report, options: FormatOptions) => string,
  isBatch: (calls: number, report: Report) => boolean,
  batchParts: boolean,
): StreamFormatter {
  return (rules, options) => {
    const many = batch(rules, options);
    let first: CallReport | undefined;
    let count = 0;
    return {
      inOrder: false,
      part(call, n) {
        if (n === 0) withinLimit(single(createReport({ calls: [call], rules }), options), options);
        return batchParts ? many.part(call, n) : '';
      },
      taken(call) {
        first = count++ === 0 ? call : undefined;
        many.taken?.(call);
      },
      end(out, report, parts) {
        if (isBatch(count, report)) many.end(out, report, parts);
        else out.write(single({ ...report, calls: first ? [first] : [] }, options));
      },
    };
  };
}
