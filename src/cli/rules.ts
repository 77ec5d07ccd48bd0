/** `buyerside rules` and `buyerside explain`: list the rules (with the config applied) and explain one. */
import type { Command } from 'commander';
import { Option } from 'commander';
import { explainRule } from '../rules/explain.js';
import { loadBundledRules } from '../rules/packs.js';
import { applyRuleSettings } from '../rules/settings.js';
import { UsageError } from '../errors.js';
import type { Done } from '../cli.js';
import type { Io } from '../io/console.js';
import { collect } from './options.js';
import { resolveConfig, ruleSource } from './settings.js';

const NOTHING_FAILED = { inputErrors: 0, failedGates: 0 };

interface RuleFlags {
  rules: string[];
  config?: string | false;
  format?: string;
}

/**
 * The rules with the config applied. The built-in bundle was checked at build time, so listing it
 * loads no pattern compiler (start-up matters); packs of the user's are loaded and checked in full.
 */
async function configured(opts: RuleFlags, io: Io) {
  const source = ruleSource(resolveConfig(opts, io.cwd ?? process.cwd()), opts.rules);
  const loaded = (source.packs.length === 0 ? loadBundledRules() : undefined) ?? (await import('../rules/load.js')).loadRules(source.packs);
  return applyRuleSettings(loaded, source.settings, source.configName);
}

export function registerRules(program: Command, io: Io, done: Done): void {
  program
    .command('rules')
    .description('list the rules (with the config file applied)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['terminal', 'json']).default('terminal'))
    .option('--rules <dir>', 'an extra rule pack folder (repeatable)', collect, [])
    .option('--config <file>', 'the config file')
    .option('--no-config', 'do not look for a config file')
    .action(async (opts: RuleFlags) => {
      const loaded = await configured(opts, io);
      if (opts.format === 'json') {
        const list = loaded.rules.map((r) => ({ id: r.id, kind: r.kind, focus: r.focus, category: r.category, severity: r.severity, description: r.description }));
        io.out(JSON.stringify(list, null, 2) + '\n');
      } else {
        for (const r of loaded.rules) io.out(`${r.id.padEnd(26)} ${r.focus.padEnd(16)} ${r.severity.padEnd(8)} ${r.category.padEnd(18)} ${r.description}\n`);
      }
      done(NOTHING_FAILED);
    });

  program
    .command('explain')
    .description('explain a rule: what it looks for, why, examples and the better phrasing')
    .argument('<rule-id>')
    .option('--rules <dir>', 'an extra rule pack folder (repeatable)', collect, [])
    .option('--config <file>', 'the config file')
    .option('--no-config', 'do not look for a config file')
    .action(async (id: string, opts: RuleFlags) => {
      const rule = (await configured(opts, io)).rules.find((r) => r.id === id);
      if (!rule) throw new UsageError(`no rule "${id}"`, 'list-rules');
      io.out(explainRule(rule));
      done(NOTHING_FAILED);
    });
}
