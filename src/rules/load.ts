/** Loading rules: the built-in pack plus users' packs, every pattern of an untrusted pack checked. */
import { compilePattern, PatternError } from '../patterns/compile.js';
import type { PatternCheck } from './validate.js';
import { buildRules, builtinPackData, readPackDir, type LoadedRules } from './packs.js';

export { BUILTIN_RULES_DIR, buildRules, builtinPackData, readPackDir, type LoadedRules, type RulePackData } from './packs.js';

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

/** Loads the built-in rules plus any extra pack folders, validated. */
export function loadRules(extraDirs: string[] = []): LoadedRules {
  return buildRules([builtinPackData(), ...extraDirs.map(readPackDir)], checkPattern);
}
