/** The report side shared by `analyze` and `merge`: the flags that shape it, checked up front, and the output pipeline they ask for. */
import { BaselineError, UsageError } from '../errors.js';
import { checkTarget, targetIdentity } from '../io/write.js';
import type { Rule } from '../types.js';
import type { Config } from '../config/load.js';
import type { Io } from '../io/console.js';
import { readUserFile } from '../io/read.js';
import { Baseline } from '../report/baseline.js';
import type { GateSettings } from '../report/gates.js';
import { ruleMeta } from '../report/report.js';
import { ReportPipeline } from '../batch/pipeline.js';
import type { FormatName } from '../format/index.js';
import { terminalWidth, useColor } from './options.js';
import { gateSettings, type GateFlags } from './settings.js';

/** The options of `analyze` and `merge` that shape the report: its format, output files, gates and baseline. */
export interface ReportFlags extends GateFlags {
  format: FormatName;
  sort?: string;
  output?: string;
  outDir?: string;
  findingsCsv?: string;
  baseline?: string;
  writeBaseline?: string;
  color?: boolean;
  quiet?: boolean;
  includeStrengths?: boolean;
  maxFindings?: string;
  brief?: boolean;
  top?: string;
}

/** A count flag's value: a whole number from 1 (or "all", where `all` is allowed, as Infinity). */
function countFlag(name: string, value: string, all: boolean): number {
  if (all && value.trim().toLowerCase() === 'all') return Infinity;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${name} expects a whole number from 1${all ? ' or "all"' : ''}, got "${value}"`);
  return n;
}

/** The gates and the baseline, checked before any input is read (a bad value is one error, up front). */
export function reportChecks(flags: ReportFlags, config: Config | undefined): { gates: GateSettings; baseline?: Baseline } {
  if (flags.maxFindings !== undefined) countFlag('--max-findings', flags.maxFindings, true);
  if (flags.top !== undefined) countFlag('--top', flags.top, false);
  const gates = gateSettings(flags, config, Boolean(flags.baseline));
  if (!flags.baseline) return { gates };
  return { gates, baseline: Baseline.parse(readUserFile(flags.baseline, (m) => new BaselineError(m)), flags.baseline) };
}

/** Refuses two outputs on one file: one would silently replace the other. */
export function checkDistinctOutputs(flags: ReportFlags): void {
  const given: Array<[string, string | undefined]> = [
    ['-o/--output', flags.output],
    ['--findings-csv', flags.findingsCsv],
    ['--write-baseline', flags.writeBaseline],
  ];
  const seen = new Map<string, string>();
  for (const [flag, path] of given) {
    if (!path) continue;
    checkTarget(path);
    const id = targetIdentity(path);
    if (id === undefined) continue;
    const other = seen.get(id);
    if (other) throw new UsageError(`${other} and ${flag} name the same file (${path}); give each output its own file`);
    seen.set(id, flag);
  }
}

/** The output pipeline the flags ask for. */
/**
 * The longest text one call's part of a streamed report may be: BUYERSIDE_MAX_REPORT_CHARS, an internal
 * setting so that tests can reach the limit cheaply; absent, as long as a string can be.
 */
export function maxPartChars(env: NodeJS.ProcessEnv): number | undefined {
  const value = env.BUYERSIDE_MAX_REPORT_CHARS;
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

export function reportPipeline(flags: ReportFlags, checks: ReturnType<typeof reportChecks>, rules: readonly Rule[], io: Io): ReportPipeline {
  checkDistinctOutputs(flags);
  const toFile = Boolean(flags.output || flags.outDir);
  return new ReportPipeline({
    io,
    format: flags.format,
    formatOptions: {
      color: !toFile && useColor(io, flags.color),
      width: terminalWidth(io),
      ...(flags.sort ? { sort: flags.sort } : {}),
      ...(flags.includeStrengths ? { includeStrengths: true } : {}),
      ...(flags.baseline ? { onlyNew: true } : {}),
      ...(flags.maxFindings !== undefined ? { maxFindings: countFlag('--max-findings', flags.maxFindings, true) } : {}),
      ...(flags.brief ? { brief: true } : {}),
      ...(flags.top !== undefined ? { top: countFlag('--top', flags.top, false) } : {}),
      ...(maxPartChars(io.env) !== undefined ? { maxPartChars: maxPartChars(io.env) } : {}),
    },
    ...(flags.quiet ? { quiet: true } : {}),
    ...(flags.output ? { output: flags.output } : {}),
    ...(flags.outDir ? { outDir: flags.outDir } : {}),
    ...(flags.findingsCsv ? { findingsCsv: flags.findingsCsv } : {}),
    ...(flags.writeBaseline ? { writeBaseline: flags.writeBaseline } : {}),
    ...(checks.baseline ? { baseline: checks.baseline } : {}),
    gates: checks.gates,
    rules: ruleMeta(rules),
  });
}
