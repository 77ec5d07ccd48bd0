/** Rules compiled once per process: patterns, exceptions, and an index from stems to rules. */
import type { Rule } from '../types.js';
import type { LoadedRules } from '../rules/load.js';
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
  /** Rules whose patterns need one of these stems to match; the rest are always tried. */
  index: Map<string, CompiledRule[]>;
  alwaysTry: CompiledRule[];
  metricRules: Rule[];
  byId: Map<string, Rule>;
}

/** Compiles validated rules. Rules turned off by configuration should be filtered out before. */
export function compileRules(loaded: LoadedRules): Engine {
  const sentenceRules: CompiledRule[] = [];
  const index = new Map<string, CompiledRule[]>();
  const alwaysTry: CompiledRule[] = [];
  const metricRules: Rule[] = [];
  for (const rule of loaded.rules) {
    if (rule.kind === 'metric') {
      metricRules.push(rule);
      continue;
    }
    const compiled: CompiledRule = {
      rule,
      patterns: (rule.patterns ?? []).map((p) => compilePattern(p, loaded.lexicon)),
      exceptions: (rule.exceptions ?? []).map((p) => compilePattern(p, loaded.lexicon)),
      requires: (rule.requires ?? []).map((p) => compilePattern(p, loaded.lexicon)),
    };
    sentenceRules.push(compiled);
    // Question rules run on every question; phrase rules only where a required stem occurs.
    const keys = rule.kind === 'phrase' ? compiled.patterns.map((p) => p.required) : [null];
    // Question and classifier rules are tried on every sentence.
    if (keys.some((k) => k === null)) {
      alwaysTry.push(compiled);
      continue;
    }
    for (const stem of new Set(keys.flat() as string[])) {
      const list = index.get(stem);
      if (list) list.push(compiled);
      else index.set(stem, [compiled]);
    }
  }
  return { rules: loaded.rules, lexicon: loaded.lexicon, sentenceRules, index, alwaysTry, metricRules, byId: new Map(loaded.rules.map((r) => [r.id, r])) };
}
