/**
 * The output side of a batch, shared by `analyze` and `merge`: results come in one at a time in input order;
 * gates and baselines are checked per call; every format is written call by call (report-writer.ts), so no
 * string holds the whole report, and a call too large to write is listed as failed; -o files are written
 * atomically.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { CallReport, GateResult, InputError, Report, RuleMeta } from '../types.js';
import type { FormatOptions } from '../format/types.js';
import { FORMAT_EXTENSIONS, STREAMS, streamFindingsCsv, type FormatName } from '../format/index.js';
import { formatCallLine, formatErrorLine } from '../format/ndjson.js';
import { PartTooLarge, type ReportStream } from '../format/stream.js';
import { makePart, ReportWriter, writeReport } from './report-writer.js';
import { BufferedSink } from '../io/buffered-sink.js';
import { formatHtmlIndex } from '../format/dashboard/index-page.js';
import { checkGates, checkRunGates, countWarnings, describeGateFailures, gatesActive, type GateSettings } from '../report/gates.js';
import { errorsOnly } from '../report/quiet.js';
import { BaselineWriter, type Baseline } from '../report/baseline.js';
import { AtomicFile, OutputError, openOutputs, writeFileAtomic } from '../io/write.js';
import { createReport } from '../report/report.js';
import { errorLine, TEXTS } from '../errors.js';
import type { Io } from '../io/console.js';
import type { BatchResult } from './runner.js';

export interface PipelineOptions {
  io: Io;
  format: FormatName;
  formatOptions: FormatOptions;
  /** The whole report to this file, atomically. */
  output?: string;
  /** One report per call into this folder. */
  outDir?: string;
  /** The per-finding CSV to this file. */
  findingsCsv?: string;
  gates: GateSettings;
  baseline?: Baseline;
  writeBaseline?: string;
  rules: RuleMeta[];
  /** ESLint's --quiet: only error-severity findings are reported and counted. */
  quiet?: boolean;
}

/** What the batch came to: the caller decides what it means (the CLI, an exit code). */
export interface PipelineOutcome {
  calls: number;
  errors: number;
  gates: GateResult[];
}

/** Longest --out-dir file name in UTF-8 bytes: file systems allow 255. */
const MAX_NAME_BYTES = 255;

/**
 * "calls/acme/q1.vtt" -> "calls__acme__q1.vtt": a flat, readable file name per input. A name too
 * long for the file system keeps its start and gets a hash of the whole path, so it stays distinct.
 */
export function outputName(file: string, format: FormatName): string {
  const flat = file
    .split('/')
    .filter((s) => s && s !== '.' && s !== '..')
    .join('__')
    .replace(/[<>:"\\|?*\u0000-\u001f\u007f]/g, '_');
  const ext = `.${FORMAT_EXTENSIONS[format]}`;
  const name = flat || 'stdin';
  if (Buffer.byteLength(name + ext) <= MAX_NAME_BYTES) return name + ext;
  const hash = createHash('sha256').update(file).digest('hex').slice(0, 12);
  let head = Buffer.from(name).subarray(0, MAX_NAME_BYTES - ext.length - hash.length - 1).toString();
  // A cut through a multi-byte character leaves U+FFFD, which takes 3 bytes: drop characters until it fits.
  while (Buffer.byteLength(`${head}-${hash}${ext}`) > MAX_NAME_BYTES) head = head.slice(0, -1);
  return `${head}-${hash}${ext}`;
}

/**
 * Output names of one --out-dir run, made distinct: "a/b.txt" and "a__b.txt" flatten alike, and
 * "A.txt" and "a.txt" are one file on case-insensitive file systems; later ones get "~2", "~3".
 */
export class OutputNames {
  private readonly used = new Set<string>();

  /** Names no call may take (the HTML index). */
  constructor(reserved: readonly string[] = []) {
    for (const r of reserved) this.used.add(r.toLowerCase());
  }

  next(file: string, format: FormatName): string {
    const name = outputName(file, format);
    const ext = `.${FORMAT_EXTENSIONS[format]}`;
    const stem = name.slice(0, -ext.length);
    let candidate = name;
    for (let n = 2; this.used.has(candidate.toLowerCase()); n++) candidate = `${stem}~${n}${ext}`;
    this.used.add(candidate.toLowerCase());
    return candidate;
  }
}

/**
 * A call cut down to what the batch summary reads (report/summary.ts): its sellers, score, headline
 * metrics and, per finding, the rule, kind, speaker and scope (the message only on a rule's first).
 */
export function summaryView(call: CallReport): CallReport {
  const seen = new Set<string>();
  return {
    ...call,
    scoreComponents: [],
    roles: [],
    journey: { steps: [], sequence: [] },
    tips: [],
    timeline: [],
    salesCallReasons: call.salesCallReasons.slice(0, 1),
    findings: call.findings.map((f) => {
      const first = !seen.has(f.ruleId);
      seen.add(f.ruleId);
      return {
        ruleId: f.ruleId, kind: f.kind, category: '', severity: f.severity, text: '', match: '', suggestion: '', message: first ? f.message : '',
        ...(f.speaker !== undefined ? { speaker: f.speaker } : {}), ...(f.scope ? { scope: f.scope } : {}), ...(f.suppressed ? { suppressed: true } : {}),
      };
    }),
  };
}

export class ReportPipeline {
  private readonly o: PipelineOptions;
  private readonly streaming: boolean;
  /** --out-dir HTML: each call's summary view, for the index page (a batch's report keeps no calls: its stream has them once). */
  private readonly indexCalls: CallReport[] = [];
  private readonly errors: InputError[] = [];
  private readonly gates: GateResult[] = [];
  private readonly baselineWriter: BaselineWriter | undefined;
  private readonly sink: AtomicFile | undefined;
  private readonly findingsSink: AtomicFile | undefined;
  /** The report's text on its way out, gathered into large writes (NDJSON lines go out one by one, as they come). */
  private readonly out: BufferedSink;
  private readonly findingsOut: BufferedSink | undefined;
  /** Every format but NDJSON (and --out-dir, one report a call): the report written call by call. */
  private readonly writer: ReportWriter | undefined;
  private readonly findings: ReportStream | undefined;
  private readonly outNames = new OutputNames(['index.html']);
  /** --out-dir HTML: each call's page, for the index. */
  private readonly pages = new Map<string, string>();
  private callCount = 0;
  private warningCount = 0;
  private errorCount = 0;

  constructor(options: PipelineOptions) {
    this.o = options;
    this.streaming = options.format === 'ndjson' && !options.outDir;
    this.baselineWriter = options.writeBaseline ? new BaselineWriter() : undefined;
    const output = options.output && !options.outDir ? options.output : undefined;
    const opened = openOutputs([output, options.findingsCsv].filter((t): t is string => t !== undefined));
    let k = 0;
    this.sink = output ? opened[k++] : undefined;
    this.findingsSink = options.findingsCsv ? opened[k++] : undefined;
    this.out = new BufferedSink((text) => this.write(text));
    this.writer = this.streaming || options.outDir ? undefined : new ReportWriter(STREAMS[options.format], options.rules, options.formatOptions, this.out);
    const findingsSink = this.findingsSink;
    this.findingsOut = findingsSink ? new BufferedSink((text) => findingsSink.write(text)) : undefined;
    this.findings = findingsSink ? streamFindingsCsv(options.rules, options.formatOptions) : undefined;
    try {
      this.findingsOut?.write(this.findings?.head?.() ?? '');
    } catch (e) {
      this.abort();
      throw e;
    }
  }

  private report(calls: CallReport[], errors: InputError[], gates: GateResult[] | undefined): Report {
    return createReport({ calls, errors, rules: this.o.rules, ...(gates ? { gates } : {}) });
  }

  private write(text: string): void {
    if (this.sink) this.sink.write(text);
    else this.o.io.out(text);
  }

  /** Takes the next result in input order; `json` is its JSON text where a worker already made it. */
  add(result: BatchResult, json?: string): void {
    if (!('score' in result)) {
      this.addError(result);
      return;
    }
    this.callCount++;
    // Warnings (a guessed encoding, sellers no speaker matches) are diagnostics: they go to stderr too.
    for (const w of result.warnings) this.o.io.err(errorLine(TEXTS.warning(result.file, w)));
    // Checked against a baseline, the call is a new report with its new findings marked; a worker's JSON is then stale.
    const marked = this.o.baseline ? this.o.baseline.mark(result) : result;
    const call = this.o.quiet ? errorsOnly(marked) : marked;
    if (call !== result) json = undefined;
    // The call's parts first: one too large to write makes the call a failed input, with nothing of it written.
    let part = '';
    let findingsPart = '';
    let making: string = this.o.format;
    try {
      if (this.writer) part = this.writer.prepare(call);
      else if (this.streaming) part = `${makePart(() => json ?? formatCallLine(call), this.o.formatOptions)}\n`;
      making = 'findings CSV';
      if (this.findings) findingsPart = makePart(() => this.findings!.part(call, 0), this.o.formatOptions);
    } catch (e) {
      if (!(e instanceof PartTooLarge)) throw e;
      this.callCount--;
      this.addError(this.tooLarge(call.file, making, e));
      return;
    }
    this.baselineWriter?.add(result);
    let gates: GateResult[] = [];
    if (gatesActive(this.o.gates)) {
      gates = checkGates(call, this.o.gates);
      this.gates.push(...gates);
      this.warningCount += countWarnings(call, this.o.gates);
    }
    if (findingsPart) this.findingsOut!.write(findingsPart);
    if (this.o.outDir) this.writePage(call, gates);
    else if (this.streaming) this.write(part);
    else this.writer!.take(call, part);
  }

  private addError(error: InputError): void {
    this.errorCount++;
    this.errors.push(error);
    if (this.streaming) this.write(`${formatErrorLine(error)}\n`);
  }

  private tooLarge(file: string, format: string, e: PartTooLarge): InputError {
    return { file, message: TEXTS.tooLarge(format, e.message, this.o.formatOptions.maxPartChars), code: 'E_TOO_LARGE' };
  }

  /** --out-dir: the call's own report in its own file, streamed like a batch's. */
  private writePage(call: CallReport, gates: GateResult[]): void {
    const name = this.outNames.next(call.file, this.o.format);
    const target = join(this.o.outDir!, name);
    let file: AtomicFile | undefined;
    try {
      file = new AtomicFile(target);
      const page = new BufferedSink((text) => file!.write(text));
      writeReport(STREAMS[this.o.format], this.report([call], [], gatesActive(this.o.gates) ? gates : undefined), this.o.formatOptions, page);
      page.flush();
      file.commit();
      if (this.o.format === 'html') {
        this.pages.set(call.file, name);
        this.indexCalls.push(summaryView(call));
      }
    } catch (e) {
      file?.abort();
      // One report that cannot be written does not stop the others; it is listed as failed.
      if (!(e instanceof OutputError) && !(e instanceof PartTooLarge)) throw e;
      this.callCount--;
      this.addError(e instanceof PartTooLarge ? this.tooLarge(call.file, this.o.format, e) : { file: call.file, message: e.message, code: 'E_WRITE' });
    }
  }

  /** Writes what is left, and prints input errors and gate failures on stderr. */
  finish(): PipelineOutcome {
    const { io } = this.o;
    if (gatesActive(this.o.gates)) this.gates.push(...checkRunGates(this.warningCount, this.o.gates));
    try {
      this.writer?.finish(this.report([], this.errors, gatesActive(this.o.gates) ? this.gates : undefined));
      this.out.flush();
      this.findingsOut?.flush();
      this.sink?.commit();
      this.findingsSink?.commit();
    } catch (e) {
      this.abort();
      throw e;
    }
    // HTML pages get an index that links every call's page (the names reserved it, so no call's page is called that).
    if (this.o.outDir && this.o.format === 'html') {
      writeFileAtomic(join(this.o.outDir, 'index.html'), formatHtmlIndex(this.report(this.indexCalls, this.errors, gatesActive(this.o.gates) ? this.gates : undefined), this.pages, this.o.formatOptions.sort));
    }
    if (this.baselineWriter && this.o.writeBaseline) writeFileAtomic(this.o.writeBaseline, this.baselineWriter.text());
    // Input errors are diagnostics: on stderr in every format (a terminal report lists them too), as the README says.
    for (const e of this.errors) io.err(errorLine(TEXTS.inputError(e.file, e.line, e.message)));
    for (const line of describeGateFailures(this.gates)) io.err(errorLine(TEXTS.gateFailed(line)));
    return { calls: this.callCount, errors: this.errorCount, gates: this.gates };
  }

  /** Removes unfinished output files. */
  abort(): void {
    this.writer?.close();
    this.sink?.abort();
    this.findingsSink?.abort();
  }
}
