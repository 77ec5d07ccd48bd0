/**
 * "I'm not going to walk you through slides" reads, word for word, like the pitch it declines; the
 * sentence model sees the words, not the scope of the "not". When the seller declines in the first
 * person ("I won't", "we don't need to", "let's skip") and nothing after a "but" takes it back, the
 * sentence is not a pitch: a seller-centric reading that no seller-centric rule backs (the rules
 * handle negation) gives way to a buyer-ownership rule that matched, or to no finding.
 */
import type { Token } from '../language/tokens.js';
import { declines } from '../language/negation.js';

const SELF = new Set(['i', 'we', "let's", 'us']);
const TAKE_BACK = new Set(['but', 'however', 'though', 'although']);

/** Whether the speaker declines to do something themselves, with no "but" after it. */
export function declinesInFirstPerson(tokens: readonly Token[]): boolean {
  if (!declines(tokens) || tokens.some((t) => TAKE_BACK.has(t.word))) return false;
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i]!.word;
    const declining = w === 'not' || w === 'skip' || w === 'instead' || w === 'without';
    if (!declining) continue;
    for (let j = Math.max(0, i - 3); j < i; j++) if (SELF.has(tokens[j]!.word)) return true;
    if (w === 'skip' && tokens[i - 1]?.word === "let's") return true;
  }
  return false;
}
