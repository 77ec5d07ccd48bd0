/** `buyerside merge`: combine the NDJSON outputs of shards into the same reports and summaries as a single run. */
import type { Command } from 'commander';
import type { CallReport, InputError } from '../types.js';
import type { Done, Outcome } from '../cli.js';
import { UsageError } from '../errors.js';
import { readUserFile } from '../io/read.js';
import { compareSegments } from '../io/inputs.js';
import type { Io } from '../io/console.js';
import { loadConfiguredRules } from '../rules/engine.js';
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

/** Reads NDJSON call and error lines. Throws UsageError naming the file and line of anything else. */
export function readNdjson(file: string): { calls: CallReport[]; errors: InputError[] } {
  const text = readUserFile(file, (m) => new UsageError(m));
  const calls: CallReport[] = [];
  const errors: InputError[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new UsageError(`${file}:${i + 1}: not a JSON line (expected NDJSON from buyerside analyze --format ndjson)`);
    }
    const obj = value as Record<string, unknown>;
    if (obj && typeof obj === 'object' && 'error' in obj && typeof obj.error === 'object' && obj.error !== null && typeof (obj.error as InputError).file === 'string') {
      errors.push(obj.error as InputError);
    } else if (obj && typeof obj === 'object' && typeof obj.file === 'string' && typeof obj.score === 'number' && Array.isArray(obj.findings) && typeof obj.metrics === 'object') {
      calls.push(obj as unknown as CallReport);
    } else {
      throw new UsageError(`${file}:${i + 1}: not a buyerside call or error line`);
    }
  });
  return { calls, errors };
}

export function runMerge(files: string[], opts: MergeFlags, io: Io): Outcome {
  const config = resolveConfig(opts, io.cwd ?? process.cwd());
  const loaded = loadConfiguredRules(ruleSource(config, opts.rules));
  const checks = reportChecks(opts, config);
  const calls: CallReport[] = [];
  const errors: InputError[] = [];
  for (const f of files) {
    const part = readNdjson(f);
    calls.push(...part.calls);
    errors.push(...part.errors);
  }
  // Shards interleave by hash; path order (folder by folder) is the order a single run of a folder gives.
  const byFile = (a: { file: string }, b: { file: string }) => compareSegments(a.file, b.file);
  calls.sort(byFile);
  errors.sort(byFile);
  const seen = new Set<string>();
  for (const c of calls) {
    if (seen.has(c.file)) throw new UsageError(`${c.file} appears more than once in the merged files (overlapping shards?)`);
    seen.add(c.file);
  }
  const pipeline = reportPipeline(opts, checks, loaded.rules, io);
  for (const e of errors) pipeline.add(e);
  for (const c of calls) pipeline.add(c);
  const outcome = pipeline.finish();
  return { inputErrors: outcome.errors, failedGates: outcome.gates.length };
}
