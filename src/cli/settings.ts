/** Settings shared by the subcommands: the config file, rule sources and gate thresholds, with CLI flags over config. */
import { basename } from 'node:path';
import { findConfig, loadConfig, type Config } from '../config/load.js';
import type { GateSettings } from '../report/gates.js';
import type { RuleSource } from '../rules/engine.js';
import { UsageError } from '../errors.js';

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
  maxWarnings?: string;
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
  const maxWarnings = flags.maxWarnings !== undefined ? Number(flags.maxWarnings) : t.maxWarnings;
  if (maxWarnings !== undefined) {
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError(`--max-warnings expects a whole number of 0 or more, got "${flags.maxWarnings}"`);
    out.maxWarnings = maxWarnings;
  }
  if (baseline) out.baseline = true;
  return out;
}
