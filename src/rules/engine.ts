/** Rules compiled once per process: patterns, exceptions, and an index from stems to rules. */
import type { Rule } from '../types.js';
import { loadRules, type LoadedRules } from './load.js';
import { applyRuleSettings } from './settings.js';
import type { RuleSetting } from '../config/load.js';
import { compilePattern, type CompiledPattern } from '../patterns/compile.js';

export interface CompiledRule {
  rule: Rule;
  patterns: CompiledPattern[];
  exceptions: CompiledPattern[];
  requires: CompiledPattern[];
}

export interface Engine {
  rules: Rule[];
  lexicon: ReadonlyMap<string, string[]>;
  /** Sentence-level rules (phrase, question) in rule order. */
  sentenceRules: CompiledRule[];
  /** Phrase patterns that need one of these stems to match, with their rule; the rest are always tried. */
  index: Map<string, Array<{ rule: CompiledRule; pattern: CompiledPattern }>>;
  alwaysTry: CompiledRule[];
  alwaysTrySet: ReadonlySet<CompiledRule>;
  metricRules: Rule[];
  byId: Map<string, Rule>;
}

/** Compiles validated rules. Rules turned off by configuration should be filtered out before. */
export function compileRules(loaded: LoadedRules): Engine {
  const sentenceRules: CompiledRule[] = [];
  const index: Engine['index'] = new Map();
  const alwaysTry: CompiledRule[] = [];
  const metricRules: Rule[] = [];
  for (const rule of loaded.rules) {
    if (rule.kind === 'metric') {
      metricRules.push(rule);
      continue;
    }
    const compiled: CompiledRule = {
      rule,
      patterns: (rule.patterns ?? []).map((p, i) => compilePattern(p, loaded.lexicon, i)),
      exceptions: (rule.exceptions ?? []).map((p) => compilePattern(p, loaded.lexicon)),
      requires: (rule.requires ?? []).map((p) => compilePattern(p, loaded.lexicon)),
    };
    sentenceRules.push(compiled);
    // Phrase patterns are tried only where one of their required stems occurs; other kinds (and
    // a phrase pattern with no required word) on every sentence.
    if (rule.kind !== 'phrase' || compiled.patterns.some((p) => p.required === null)) {
      alwaysTry.push(compiled);
      continue;
    }
    for (const pattern of compiled.patterns) {
      for (const stem of new Set(pattern.required!)) {
        const list = index.get(stem);
        if (list) list.push({ rule: compiled, pattern });
        else index.set(stem, [{ rule: compiled, pattern }]);
      }
    }
  }
  return { rules: loaded.rules, lexicon: loaded.lexicon, sentenceRules, index, alwaysTry, alwaysTrySet: new Set(alwaysTry), metricRules, byId: new Map(loaded.rules.map((r) => [r.id, r])) };
}

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
