/** The call types the loaded rules know (their metric thresholds by call type), and the check of a named one. */
import type { Rule } from '../types.js';
import { UsageError } from '../errors.js';
import { didYouMean } from '../config/suggest.js';

/** Every call type some rule has thresholds for, sorted. */
export function knownCallTypes(rules: readonly Rule[]): string[] {
  return [...new Set(rules.flatMap((r) => Object.keys(r.metric?.byCallType ?? {})))].sort();
}

/**
 * Throws a UsageError for a call type no rule knows: a typo ("discvery") would otherwise silently
 * judge the call by the default thresholds. `setting` names where it was given (a flag, or a config key).
 */
export function checkCallType(callType: string, rules: readonly Rule[], setting: string): void {
  const known = knownCallTypes(rules);
  if (known.includes(callType)) return;
  throw new UsageError(`${setting}: unknown call type "${callType}"${didYouMean(callType, known)} (known: ${known.join(', ') || 'none'})`);
}
