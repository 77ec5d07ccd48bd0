/** `buyerside analyze`: expand the inputs, analyze them (on workers for big batches), gate, format and write. */
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import type { InputError, InputFormat } from '../types.js';
import type { Done, Outcome } from '../cli.js';
import { errorLine, TEXTS, UsageError } from '../errors.js';
import { FORMATTERS } from '../format/index.js';
import { SUPPORTED_FORMATS } from '../transcript/index.js';
import { DEFAULT_MAX_BYTES } from '../io/read.js';
import { displayPath, expandBatchInputs } from '../io/inputs.js';
import type { Io } from '../io/console.js';
import { SORT_KEYS } from '../report/summary.js';
import { loadRoles } from '../roles/file.js';
import { loadConfiguredRules } from '../rules/engine.js';
import { checkCallType } from '../rules/call-types.js';
import { checkPackExamples } from './pack-examples.js';
import { printConfig } from './print-config.js';
import { inShard, parseShard } from '../batch/shard.js';
import { runBatch } from '../batch/runner.js';
import { progressBar } from '../batch/progress.js';
import type { GivenSellers, PlainRunOptions } from '../batch/file.js';
import { SELLER_FLAG, wordInputError } from './texts.js';
import { collect, repeat } from './options.js';
import { resolveConfig, ruleSource } from './settings.js';
import { checkDate, HistoryRecorder } from './history.js';
import { reportChecks, reportPipeline, type ReportFlags } from './report.js';

export interface AnalyzeFlags extends ReportFlags {
  seller: string[];
  inputFormat: string;
  columns?: string;
  callType?: string;
  deepParse?: boolean;
  sales?: boolean;
  rules: string[];
  maxSize?: number;
  exclude: string[];
  roles?: string;
  jobs?: string;
  shard?: string;
  config?: string | false;
  progress?: boolean;
  history?: string;
  date?: string;
  stdinFilename?: string;
  printConfig?: string;
}

/** The options shared by `analyze` and `merge`: output, gates, config. */
export function addReportOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('-f, --format <format>', 'output format (terminal shows the summary tables for more than one file)').choices(Object.keys(FORMATTERS)).default('terminal'))
    .addOption(new Option('--sort <key>', 'order of the per-call table').choices([...SORT_KEYS]))
    .option('-o, --output <file>', 'write the report to this file (atomically) instead of standard output')
    .option('--findings-csv <file>', 'also write one CSV row per finding to this file')
    .option('--fail-under <score>', 'gate: fail (exit 1) when any call scores below this')
    .option('--max-seller-centric <n>', 'gate: fail when any call has more than n seller-centric findings (suppressed ones do not count)')
    .addOption(new Option('--fail-on <severity>', 'gate: fail on any seller-centric finding of this severity or worse').choices(['error', 'warning']))
    .option('--baseline <file>', 'count only findings that are new relative to this baseline; any new one fails')
    .option('--write-baseline <file>', "record today's findings as a baseline")
    .option('--config <file>', 'the config file (default: buyerside.config.json, .buyersiderc.json or .buyersiderc.yaml from here upward)')
    .option('--no-config', 'do not look for a config file')
    .option('--rules <dir>', 'an extra rule pack folder (repeatable)', collect, [])
    // ESLint's conventions (issue #14), kept together.
    .option('--max-warnings <n>', 'gate: fail when the run has more than n seller-centric warnings and errors in all')
    .option('--quiet', 'report and gate on error-severity findings only')
    .option('--include-strengths', 'SARIF and GitHub annotations: include buyer-ownership strengths, at note level')
    .option('--color', 'always colour the output')
    .option('--no-color', 'never colour the output')
    // The rep's report (issue #15).
    .option('--max-findings <n>', 'quotes per habit in the one-call report (a number, or "all"); default 3')
    .option('--brief', 'the one-call report shows only the header and what to change first')
    .option('--top <n>', 'the batch summary lists only the n lowest and n highest scoring calls');
}

export function registerAnalyze(program: Command, io: Io, done: Done): void {
  const cmd = program
    .command('analyze')
    .description('analyze transcripts (files, folders, quoted glob patterns, or - for standard input) and print a report')
    .argument('[paths...]', 'transcript files, folders, glob patterns, or - for standard input')
    .option('-s, --seller <name>', 'a seller speaker name (repeatable, or comma-separated); everyone else is a buyer', collect, [])
    .option('--roles <file>', 'CSV with header pattern,sellers naming the sellers (separated by ;) of the files each pattern matches')
    .option('--exclude <pattern>', 'leave out paths matching this glob (repeatable)', repeat, [])
    .addOption(new Option('--input-format <format>', 'force the input format instead of detecting it').choices(['auto', ...SUPPORTED_FORMATS]).default('auto'))
    .option('--columns <mapping>', 'CSV/TSV column names, e.g. speaker=Who,text=Utterance')
    .option('--call-type <type>', 'call type for conversation-shape thresholds (discovery, demo)')
    .option('--sales', 'judge every input as a sales call, even one that reads like a meeting, an interview or a support call, or is not in English')
    .option('--deep-parse', "parse sentences whose subject comes late with compromise (slower start-up; see the README)")
    .option('--max-size <mb>', `largest input file in MB (default ${DEFAULT_MAX_BYTES / 1024 / 1024})`, (v) => Number(v))
    .option('-j, --jobs <n>', `worker threads for big batches (default ${availableParallelism()})`)
    .option('--shard <k/n>', 'analyze only share k of n of the inputs (stable by path); combine shards with buyerside merge')
    .option('--out-dir <dir>', 'write one report per call into this folder')
    .option('--no-progress', 'never show the progress bar')
    .option('--history <file>', "record every analyzed call in this SQLite history file (see buyerside history)")
    .option('--date <yyyy-mm-dd>', "the calls' date for --history (default: the transcript's own date, else the file's modification day)")
    .option('--stdin-filename <name>', 'the name standard input (-) is shown, detected and matched as')
    .option('--print-config <file>', 'print the settings that apply to this file (config and flags merged) as JSON, and analyze nothing');
  addReportOptions(cmd).action(async (paths: string[], opts: AnalyzeFlags) => {
    done(await runAnalyze(paths, opts, io));
  });
}

function parseColumns(value: string): Record<string, string> {
  const columns = Object.create(null) as Record<string, string>;
  for (const pair of value.split(',')) {
    const [k, v] = pair.split('=').map((s) => s.trim());
    if (!k || !v || !['speaker', 'text', 'start', 'end'].includes(k)) throw new UsageError(`--columns expects speaker=NAME,text=NAME[,start=NAME,end=NAME], got "${pair}"`);
    columns[k] = v;
  }
  return columns;
}

function parseJobs(value: string | undefined): number {
  if (value === undefined) return Math.max(1, availableParallelism());
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new UsageError(`--jobs expects a whole number from 1 to 256, got "${value}"`);
  return n;
}

/** The analyze command; returns its outcome. Errors users cause are thrown as UserErrors, which the CLI prints as one line. */
export async function runAnalyze(paths: string[], opts: AnalyzeFlags, io: Io): Promise<Outcome> {
  const cwd = io.cwd ?? process.cwd();
  const columns = opts.columns ? parseColumns(opts.columns) : undefined;
  if (opts.maxSize !== undefined && !(opts.maxSize > 0)) throw new UsageError('--max-size expects a positive number of megabytes');
  const jobs = parseJobs(opts.jobs);
  const shard = opts.shard !== undefined ? parseShard(opts.shard) : undefined;
  if (opts.shard !== undefined && !shard) throw new UsageError(`--shard expects K/N with 1 <= K <= N, e.g. 2/4; got "${opts.shard}"`);
  if (opts.output && opts.outDir) throw new UsageError('use either -o/--output or --out-dir, not both');
  if (paths.filter((p) => p === '-').length > 1) throw new UsageError('standard input (-) can be read only once');

  const date = checkDate(opts.date, '--date');
  if (date && !opts.history) throw new UsageError('--date is the date --history records; give --history FILE too');

  const config = resolveConfig(opts, cwd);
  const rules = ruleSource(config, opts.rules);
  const loaded = loadConfiguredRules(rules);
  checkPackExamples(loaded, rules.packs); // a pack whose own examples fail is refused, as a built-in rule would be
  const checks = reportChecks(opts, config);
  if (opts.printConfig !== undefined) {
    const callTypeSet = opts.callType ?? config?.callType;
    io.out(printConfig({ file: opts.printConfig, config, sellers: opts.seller, ...(opts.roles ? { rolesFile: opts.roles } : {}), ...(callTypeSet ? { callType: callTypeSet } : {}), exclude: opts.exclude, packs: rules.packs, gates: checks.gates, rules: loaded.rules }));
    return { inputErrors: 0, failedGates: 0 };
  }
  if (paths.length === 0) throw new UsageError("analyze needs at least one path (a file, a folder, a glob pattern, or - for standard input)");
  const callType = opts.callType ?? config?.callType;
  if (callType) checkCallType(callType, loaded.rules, opts.callType !== undefined ? '--call-type' : `${basename(config!.file)}: "callType"`);
  if (opts.roles) loadRoles(opts.roles); // checked here so a bad roles file is one error, not one per file

  const inputs = expandBatchInputs(paths, { exclude: [...(config?.ignore ?? []), ...opts.exclude], cwd });
  let files = inputs.files;
  let problems = inputs.problems;
  if (shard) {
    files = files.filter((f) => (f === '-' ? shard.index === 1 : inShard(displayPath(f), shard)));
    problems = problems.filter((p) => inShard(displayPath(p.file), shard));
  }
  if (inputs.skipped > 0) io.err(errorLine(TEXTS.skipped(inputs.skipped)));
  if (inputs.files.length === 0 && inputs.problems.length === 0) throw new UsageError(TEXTS.noTranscripts(paths));

  const sellers: GivenSellers | undefined =
    opts.seller.length > 0 ? { names: opts.seller, from: SELLER_FLAG } : config?.sellers?.length ? { names: config.sellers, from: basename(config.file) } : undefined;
  const run: PlainRunOptions = {
    format: opts.inputFormat as InputFormat | 'auto',
    ...(sellers ? { sellers } : {}),
    ...(columns ? { columns } : {}),
    ...(callType ? { callType } : {}),
    ...(opts.deepParse ? { deepParse: true } : {}),
    ...(opts.sales ? { sales: true } : {}),
    ...(opts.maxSize ? { maxBytes: opts.maxSize * 1024 * 1024 } : {}),
    ...(opts.stdinFilename ? { stdinName: opts.stdinFilename } : {}),
  };
  const pipeline = reportPipeline(opts, checks, loaded.rules, io);
  const history = opts.history ? new HistoryRecorder(opts.history, loaded.rules, date) : undefined;
  const progress = progressBar(io.err, Boolean(io.errIsTTY) && opts.progress !== false && files.length > 1);
  try {
    for (const p of problems) pipeline.add({ file: displayPath(p.file), message: p.message, code: 'E_READ' } satisfies InputError);
    await runBatch({
      files,
      jobs,
      rules,
      run,
      ...(opts.roles ? { rolesFile: opts.roles } : {}),
      onResult: (r, index, json) => {
        if (history && 'score' in r) history.add(r, files[index]!);
        pipeline.add('score' in r ? r : wordInputError(r), json);
      },
      onProgress: (done, total) => progress.update(done, total),
    });
  } catch (e) {
    pipeline.abort();
    throw e;
  } finally {
    progress.done();
    history?.close();
  }
  const outcome = pipeline.finish();
  return { inputErrors: outcome.errors, failedGates: outcome.gates.length };
}
