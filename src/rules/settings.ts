/** Applying the config's rule settings to loaded rules, before they are compiled: "off" removes a rule, a severity replaces its own. */
import type { LoadedRules } from './packs.js';
import type { RuleSetting } from '../types.js';
import { ConfigError } from '../errors.js';
import { didYouMean } from '../config/suggest.js';

/**
 * Returns the rules with settings applied. Unknown rule ids are errors (a typo would otherwise
 * silently keep a rule on); `configName` names the file in that error.
 */
export function applyRuleSettings(loaded: LoadedRules, settings: Record<string, RuleSetting> | undefined, configName = 'config'): LoadedRules {
  if (!settings) return loaded;
  const ids = loaded.rules.map((r) => r.id);
  const known = new Set(ids);
  for (const id of Object.keys(settings)) {
    if (!known.has(id)) throw new ConfigError(`${configName}: "rules.${id}": no rule with this id${didYouMean(id, ids)}`, 'list-rules');
  }
  const rules = loaded.rules
    .filter((r) => settings[r.id] !== 'off')
    .map((r) => {
      const s = settings[r.id];
      return s && s !== 'off' && s !== r.severity ? { ...r, severity: s } : r;
    });
  return { rules, lexicon: loaded.lexicon };
}
