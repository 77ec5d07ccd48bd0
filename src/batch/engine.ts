/** Loading, configuring and compiling the rules: the same steps in the main thread and in each worker. */
import { loadRules, type LoadedRules } from '../rules/load.js';
import { compileRules, type Engine } from '../analysis/engine.js';
import { applyRuleSettings } from '../config/rules.js';
import type { RuleSetting } from '../config/load.js';

export interface RuleSource {
  /** Extra rule pack folders (config rulePacks, then --rules). */
  packs: string[];
  /** Config rule settings: "off" or a severity per rule id. */
  settings?: Record<string, RuleSetting>;
  /** The config file's name, for errors about settings. */
  configName?: string;
}

/** Loads and validates the packs and applies the settings, before anything is compiled. */
export function loadConfiguredRules(source: RuleSource): LoadedRules {
  return applyRuleSettings(loadRules(source.packs), source.settings, source.configName);
}

export function buildEngine(source: RuleSource): Engine {
  return compileRules(loadConfiguredRules(source));
}
