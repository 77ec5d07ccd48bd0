/**
 * Loading rules: the built-in rules plus users' packs, each pack validated (every pattern compiled)
 * against the merged lexicon; duplicate ids stop the load.
 */
import type { Rule } from '../types.js';
import { RuleError } from '../errors.js';
import { compilePattern, PatternError } from '../patterns/compile.js';
import { validateLexicon, validateRule, type PatternCheck } from './validate.js';
import { BUILTIN_RULES_DIR } from '../package.js';
import { loadBundledRules, readPackDir, type LoadedRules, type RulePackData } from './packs.js';

export { readPackDir, type LoadedRules, type RulePackData } from './packs.js';

/** A pattern check that compiles the pattern. */
export const checkPattern: PatternCheck = (pattern, lexicon) => {
  try {
    compilePattern(pattern, lexicon);
    return undefined;
  } catch (e) {
    if (e instanceof PatternError) return e.message;
    throw e;
  }
};

/**
 * Validates packs into rules, on top of `base` (rules already validated, such as the built-in
 * bundle): the packs' lexicon classes extend the base's, and ids must be unique across all.
 */
export function buildRules(packs: readonly RulePackData[], check: PatternCheck = checkPattern, base: LoadedRules = { rules: [], lexicon: new Map() }): LoadedRules {
  // A Map, so that class names such as "constructor" or "__proto__" are plain data.
  const merged = new Map(base.lexicon);
  for (const p of packs) {
    for (const [k, v] of Object.entries(p.lexicon)) {
      if (!Array.isArray(v)) throw new RuleError(`lexicon class "${k}": expected a list of words`);
      merged.set(k, [...(merged.get(k) ?? []), ...v]);
    }
  }
  const lexicon = validateLexicon(merged, 'lexicon');
  const rules: Rule[] = [...base.rules];
  const seen = new Map<string, string>(base.rules.map((r) => [r.id, r.source ?? 'the built-in rules']));
  for (const p of packs) {
    for (const r of p.rules) {
      const rule = validateRule(r.raw, r.source, { id: r.id, category: r.category }, lexicon, check);
      const prev = seen.get(rule.id);
      if (prev) throw new RuleError(`${r.source}: duplicate rule id "${rule.id}" (also in ${prev})`);
      seen.set(rule.id, r.source);
      rules.push(rule);
    }
  }
  return { rules, lexicon };
}

/** The built-in rules from their YAML files, validated (what the build bundles). */
export function loadBuiltinSources(): LoadedRules {
  return buildRules([readPackDir(BUILTIN_RULES_DIR)]);
}

/** Loads the built-in rules plus any extra pack folders, validated. */
export function loadRules(extraDirs: readonly string[] = []): LoadedRules {
  const base = loadBundledRules() ?? loadBuiltinSources();
  return extraDirs.length === 0 ? base : buildRules(extraDirs.map(readPackDir), checkPattern, base);
}
