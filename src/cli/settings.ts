/** Settings shared by the subcommands: the config file, rule sources, gate thresholds and the report's output, with CLI flags over config. */
import { basename } from 'node:path';
import { findConfig, loadConfig, type Config } from '../config/load.js';
import type { GateSettings } from '../report/gates.js';
import type { RuleSource } from '../rules/engine.js';
import { BaselineError, UsageError } from '../errors.js';
import type { Rule } from '../types.js';
import type { Io } from '../io/console.js';
import { readUserFile } from '../io/read.js';
import { Baseline } from '../report/baseline.js';
import { ruleMeta } from '../report/report.js';
import { ReportPipeline } from '../batch/pipeline.js';
import type { FormatName } from '../format/index.js';
import { useColor } from './options.js';

export interface ConfigFlags {
  /** --config FILE; false with --no-config. */
  config?: string | false;
}

/** The config named by --config, else the nearest one from `cwd` upward; none with --no-config. Throws ConfigError. */
export function resolveConfig(flags: ConfigFlags, cwd: string): Config | undefined {
  if (flags.config === false) return undefined;
  const file = typeof flags.config === 'string' ? flags.config : findConfig(cwd);
  return file ? loadConfig(file) : undefined;
}

export function ruleSource(config: Config | undefined, cliPacks: string[]): RuleSource {
  return {
    packs: [...(config?.rulePacks ?? []), ...cliPacks],
    ...(config?.rules ? { settings: config.rules } : {}),
    ...(config ? { configName: basename(config.file) } : {}),
  };
}

export interface GateFlags {
  failUnder?: string;
  maxSellerCentric?: string;
  failOn?: string;
}

/** Gate thresholds: flags over the config's thresholds. Throws UsageError on malformed values. */
export function gateSettings(flags: GateFlags, config: Config | undefined, baseline: boolean): GateSettings {
  const t = config?.thresholds ?? {};
  const out: GateSettings = {};
  const failUnder = flags.failUnder !== undefined ? Number(flags.failUnder) : t.failUnder;
  if (failUnder !== undefined) {
    if (!Number.isFinite(failUnder) || failUnder < 0 || failUnder > 100) throw new UsageError(`--fail-under expects a score from 0 to 100, got "${flags.failUnder}"`);
    out.failUnder = failUnder;
  }
  const max = flags.maxSellerCentric !== undefined ? Number(flags.maxSellerCentric) : t.maxSellerCentric;
  if (max !== undefined) {
    if (!Number.isInteger(max) || max < 0) throw new UsageError(`--max-seller-centric expects a whole number of 0 or more, got "${flags.maxSellerCentric}"`);
    out.maxSellerCentric = max;
  }
  const failOn = flags.failOn ?? t.failOn;
  if (failOn !== undefined) {
    if (failOn !== 'error' && failOn !== 'warning') throw new UsageError(`--fail-on expects error or warning, got "${failOn}"`);
    out.failOn = failOn;
  }
  if (baseline) out.baseline = true;
  return out;
}

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
}

/** The gates and the baseline, checked before any input is read (a bad value is one error, up front). */
export function reportChecks(flags: ReportFlags, config: Config | undefined): { gates: GateSettings; baseline?: Baseline } {
  const gates = gateSettings(flags, config, Boolean(flags.baseline));
  if (!flags.baseline) return { gates };
  return { gates, baseline: Baseline.parse(readUserFile(flags.baseline, (m) => new BaselineError(m)), flags.baseline) };
}

/** The output pipeline the flags ask for. */
export function reportPipeline(flags: ReportFlags, checks: ReturnType<typeof reportChecks>, rules: readonly Rule[], io: Io): ReportPipeline {
  const toFile = Boolean(flags.output || flags.outDir);
  return new ReportPipeline({
    io,
    format: flags.format,
    formatOptions: { color: !toFile && useColor(io, flags.color), width: process.stdout.columns ?? 100, ...(flags.sort ? { sort: flags.sort } : {}) },
    ...(flags.output ? { output: flags.output } : {}),
    ...(flags.outDir ? { outDir: flags.outDir } : {}),
    ...(flags.findingsCsv ? { findingsCsv: flags.findingsCsv } : {}),
    ...(flags.writeBaseline ? { writeBaseline: flags.writeBaseline } : {}),
    ...(checks.baseline ? { baseline: checks.baseline } : {}),
    gates: checks.gates,
    rules: ruleMeta(rules),
  });
}
