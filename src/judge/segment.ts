/** The sentences of a seller turn: by punctuation, or by the boundary model where there is none. */
import type { Model } from '../model/logistic.js';
import { splitSentences, type Sentence } from '../language/sentences.js';
import { isUnpunctuated, splitSpoken } from '../language/spoken.js';
import { tokenizedSentences } from '../language/turn-sentences.js';
import type { Token } from '../language/tokens.js';
import type { Turn } from '../types.js';

/** Turns shorter than this stay whole even without punctuation. */
const MIN_SPOKEN_WORDS = 6;

const spoken = (text: string): boolean => isUnpunctuated(text) && text.split(/\s+/).length >= MIN_SPOKEN_WORDS;

export function turnSentences(text: string, boundary: Model): Sentence[] {
  if (spoken(text)) return splitSpoken(text, boundary);
  return splitSentences(text);
}

/** turnSentences of a turn; punctuated sentences come with their tokens (the turn's shared ones). */
export function turnSentencesOf(turn: Turn, boundary: Model): ReadonlyArray<Sentence & { tokens?: readonly Token[] }> {
  if (spoken(turn.text)) return splitSpoken(turn.text, boundary);
  return tokenizedSentences(turn);
}
