/**
 * `buyerside merge`: combine the NDJSON outputs of shards into the same reports and summaries as a single run.
 * It streams: a first pass reads each shard line by line, checks every line against the report schema and
 * keeps only where each call's line stands; a second pass reads the calls again one at a time in path order.
 * The report is written call by call (batch/report-writer.ts). So memory holds the index and each call's
 * summary view, never the shards or the report, and a shard of any size works.
 */
import type { Command } from 'commander';
import type { InputError } from '../types.js';
import type { Done, Outcome } from '../cli.js';
import { errorLine, UsageError } from '../errors.js';
import { compareSegments } from '../io/inputs.js';
import { forEachLine, LineReader, type LinePlace } from '../io/lines.js';
import type { Io } from '../io/console.js';
import { loadConfiguredRules } from '../rules/engine.js';
import { checkShardLine } from '../batch/shard.js';
import { resolveConfig, ruleSource } from './settings.js';
import { reportChecks, reportPipeline, type ReportFlags } from './report.js';
import { addReportOptions } from './analyze.js';

export interface MergeFlags extends ReportFlags {
  config?: string | false;
  rules: string[];
}

export function registerMerge(program: Command, io: Io, done: Done): void {
  const cmd = program
    .command('merge')
    .description('combine NDJSON outputs (e.g. of --shard runs) into one report, as if from a single run')
    .argument('<files...>', 'NDJSON files written by buyerside analyze --format ndjson');
  addReportOptions(cmd).action((files: string[], opts: MergeFlags) => {
    done(runMerge(files, opts, io));
  });
}

/** Where one call's line is: which shard, and where in it. */
interface CallPlace extends LinePlace {
  file: string;
  shard: number;
}

export interface ShardIndex {
  calls: CallPlace[];
  errors: InputError[];
  /** Lines that are not a call or error of this report schema, each as "file:line: why". */
  problems: string[];
}

/** The first pass: every line of every shard checked; the calls' places and the error lines kept. */
export function indexShards(files: readonly string[]): ShardIndex {
  const index: ShardIndex = { calls: [], errors: [], problems: [] };
  files.forEach((file, shard) => {
    try {
      forEachLine(file, (text, lineNumber, place) => {
        if (text.trim() === '') return;
        const line = checkShardLine(text);
        if ('problem' in line) index.problems.push(`${file}:${lineNumber}: ${line.problem}`);
        else if ('error' in line) index.errors.push(line.error);
        else index.calls.push({ file: line.call.file, shard, ...place });
      });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new UsageError(`${file}: ${code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? (e as Error).message})`}`);
    }
  });
  return index;
}

export function runMerge(files: string[], opts: MergeFlags, io: Io): Outcome {
  const config = resolveConfig(opts, io.cwd ?? process.cwd());
  const loaded = loadConfiguredRules(ruleSource(config, opts.rules));
  const checks = reportChecks(opts, config);
  const { calls, errors, problems } = indexShards(files);
  // Shards interleave by hash; path order (folder by folder) is the order a single run of a folder gives.
  const byFile = (a: { file: string }, b: { file: string }) => compareSegments(a.file, b.file);
  calls.sort(byFile);
  errors.sort(byFile);
  for (let i = 1; i < calls.length; i++) {
    if (calls[i]!.file === calls[i - 1]!.file) throw new UsageError(`${calls[i]!.file} appears more than once in the merged files (overlapping shards?)`);
  }
  // A bad line is one clean line on stderr; the rest merges on, and the run ends with exit code 2.
  for (const p of problems) io.err(errorLine(p));
  const pipeline = reportPipeline(opts, checks, loaded.rules, io);
  const readers = files.map((f) => new LineReader(f));
  try {
    for (const e of errors) pipeline.add(e);
    for (const place of calls) {
      const line = checkShardLine(readers[place.shard]!.read(place));
      // Checked in the first pass; a shard changed in between is a problem of its own.
      if (!('call' in line) || line.call.file !== place.file) throw new UsageError(`${files[place.shard]}: changed while it was being merged`);
      pipeline.add(line.call);
    }
  } catch (e) {
    pipeline.abort();
    throw e;
  } finally {
    for (const r of readers) r.close();
  }
  const outcome = pipeline.finish();
  return { inputErrors: outcome.errors + problems.length, failedGates: outcome.gates.length };
}
