/**
 * A turn's punctuated sentences with their tokens, made once per turn: the speech models, the
 * seller's sentence judge and the buyer's quotable words all read the same sentences, and each
 * tokenized them again (tokenizing was an eighth of a call's time, most of it repeated).
 */
import type { Turn } from '../types.js';
import { splitSentences, type Sentence } from './sentences.js';
import { tokenize, type Token } from './tokens.js';

export interface TokenizedSentence extends Sentence {
  /** tokenize(text): shared by every reader, so never changed by one. */
  tokens: readonly Token[];
}

/** Keyed by the turn object (a parse makes new ones), checked against its text. */
const cache = new WeakMap<Turn, { text: string; sentences: TokenizedSentence[] }>();

/** splitSentences(turn.text), each with its tokens. */
export function tokenizedSentences(turn: Turn): readonly TokenizedSentence[] {
  const hit = cache.get(turn);
  if (hit && hit.text === turn.text) return hit.sentences;
  const sentences = splitSentences(turn.text).map((s) => ({ ...s, tokens: tokenize(s.text) }));
  cache.set(turn, { text: turn.text, sentences });
  return sentences;
}
