/**
 * The output side of a batch, shared by `analyze` and `merge`: results come in one at a time in input order;
 * gates and baselines are checked per call; NDJSON and the findings CSV are written as calls arrive, other
 * formats once at the end; -o files are written atomically.
 */
import { join } from 'node:path';
import type { CallReport, GateResult, InputError, Report, RuleMeta } from '../types.js';
import type { FormatOptions } from '../format/types.js';
import { FORMATTERS, FORMAT_EXTENSIONS, type FormatName } from '../format/index.js';
import { formatCallLine, formatErrorLine } from '../format/ndjson.js';
import { formatFindingsCsv } from '../format/findings-csv.js';
import { checkGates, checkRunGates, countWarnings, describeGateFailures, gatesActive, type GateSettings } from '../report/gates.js';
import { errorsOnly } from '../report/quiet.js';
import { BaselineWriter, type Baseline } from '../report/baseline.js';
import { AtomicFile, writeFileAtomic } from '../io/write.js';
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

/** "calls/acme/q1.vtt" -> "calls__acme__q1.vtt": a flat, unique, readable file name per input. */
export function outputName(file: string, format: FormatName): string {
  const flat = file
    .split('/')
    .filter((s) => s && s !== '.' && s !== '..')
    .join('__')
    .replace(/[<>:"\\|?*\u0000-\u001f]/g, '_');
  return `${flat || 'stdin'}.${FORMAT_EXTENSIONS[format]}`;
}

export class ReportPipeline {
  private readonly o: PipelineOptions;
  private readonly streaming: boolean;
  private readonly calls: CallReport[] = [];
  private readonly errors: InputError[] = [];
  private readonly gates: GateResult[] = [];
  private readonly baselineWriter: BaselineWriter | undefined;
  private readonly sink: AtomicFile | undefined;
  private readonly findingsSink: AtomicFile | undefined;
  private readonly findingsHeader: string;
  private callCount = 0;
  private warningCount = 0;
  private errorCount = 0;

  constructor(options: PipelineOptions) {
    this.o = options;
    this.streaming = options.format === 'ndjson' && !options.outDir;
    this.baselineWriter = options.writeBaseline ? new BaselineWriter() : undefined;
    this.findingsHeader = formatFindingsCsv(this.report([], [], undefined), options.formatOptions);
    try {
      this.sink = options.output && !options.outDir ? new AtomicFile(options.output) : undefined;
      this.findingsSink = options.findingsCsv ? new AtomicFile(options.findingsCsv) : undefined;
    } catch (e) {
      this.abort();
      throw e;
    }
    this.findingsSink?.write(this.findingsHeader);
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
      this.errorCount++;
      this.errors.push(result);
      if (this.streaming) this.write(`${formatErrorLine(result)}\n`);
      return;
    }
    this.callCount++;
    // Warnings (a guessed encoding, sellers no speaker matches) are diagnostics: they go to stderr too.
    for (const w of result.warnings) this.o.io.err(errorLine(TEXTS.warning(result.file, w)));
    this.baselineWriter?.add(result);
    // Checked against a baseline, the call is a new report with its new findings marked; a worker's JSON is then stale.
    const marked = this.o.baseline ? this.o.baseline.mark(result) : result;
    const call = this.o.quiet ? errorsOnly(marked) : marked;
    if (call !== result) json = undefined;
    let gates: GateResult[] = [];
    if (gatesActive(this.o.gates)) {
      gates = checkGates(call, this.o.gates);
      this.gates.push(...gates);
      this.warningCount += countWarnings(call, this.o.gates);
    }
    if (this.findingsSink) this.findingsSink.write(formatFindingsCsv(this.report([call], [], undefined), this.o.formatOptions).slice(this.findingsHeader.length));
    if (this.o.outDir) {
      const text = FORMATTERS[this.o.format](this.report([call], [], gatesActive(this.o.gates) ? gates : undefined), this.o.formatOptions);
      writeFileAtomic(join(this.o.outDir, outputName(call.file, this.o.format)), text);
    } else if (this.streaming) {
      this.write(`${json ?? formatCallLine(call)}\n`);
    } else {
      this.calls.push(call);
    }
  }

  /** Writes what is left, and prints input errors and gate failures on stderr. */
  finish(): PipelineOutcome {
    const { io } = this.o;
    if (gatesActive(this.o.gates)) this.gates.push(...checkRunGates(this.warningCount, this.o.gates));
    if (!this.streaming && !this.o.outDir) {
      const report = this.report(this.calls, this.errors, gatesActive(this.o.gates) ? this.gates : undefined);
      this.write(FORMATTERS[this.o.format](report, this.o.formatOptions));
    }
    this.sink?.commit();
    this.findingsSink?.commit();
    if (this.baselineWriter && this.o.writeBaseline) writeFileAtomic(this.o.writeBaseline, this.baselineWriter.text());
    // Terminal reports on standard output list failed files themselves; everywhere else they go to stderr.
    const shownInOutput = (this.o.format === 'terminal' || this.o.format === 'summary') && !this.o.output && !this.o.outDir;
    if (!shownInOutput) for (const e of this.errors) io.err(errorLine(TEXTS.inputError(e.file, e.line, e.message)));
    for (const line of describeGateFailures(this.gates)) io.err(errorLine(TEXTS.gateFailed(line)));
    return { calls: this.callCount, errors: this.errorCount, gates: this.gates };
  }

  /** Removes unfinished output files. */
  abort(): void {
    this.sink?.abort();
    this.findingsSink?.abort();
  }
}
