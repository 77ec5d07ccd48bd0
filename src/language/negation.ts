/** Whether a match is negated or declined ("I'm not going to pitch you", "we don't need to talk about our product"). */
import type { Token } from './tokens.js';

const NEGATORS = new Set(['not', 'never', 'no', 'without', 'instead', 'skip', 'avoid', 'nor']);
/** A clause boundary: what follows "but" is asserted even after a denial ("I won't pressure you, but ..."). */
const BOUNDARY = new Set(['but', 'however', 'though', 'although', 'except', 'yet', 'still']);
const WINDOW = 6;

/** True when a negator stands within a few words before `from`, in the same clause. */
export function isNegated(tokens: readonly Token[], from: number): boolean {
  for (let i = from - 1; i >= 0 && i >= from - WINDOW; i--) {
    const w = tokens[i]!.word;
    if (BOUNDARY.has(w)) return false;
    if (NEGATORS.has(w)) return true;
    // "rather than X" declines X; "I'd rather help you" does not decline the help.
    if (w === 'than' && tokens[i - 1]?.word === 'rather') return true;
  }
  return false;
}

const DECLINING = new Set(['going', 'gonna', 'here', 'need', 'have', 'trying', 'want', 'wanna', 'about', 'get', 'bore', 'pitch', 'sell', 'push', 'walk', 'take']);

/** "not going to", "don't need to", "won't bore you": the speaker declines to do something. */
export function declines(tokens: readonly Token[]): boolean {
  return tokens.some((t, i) => SKIPS.has(t.word) || (t.word === 'not' && (DECLINING.has(tokens[i + 1]?.word ?? '') || tokens[i - 1]?.word === 'will')));
}

/** "I'm going to skip the slides": declining in a word. */
const SKIPS = new Set(['skip', 'skipping', 'instead', 'without']);
