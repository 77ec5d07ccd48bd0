/** The sentences of a seller turn: by punctuation, or by the boundary model where there is none. */
import type { Model } from '../model/logistic.js';
import { splitSentences, type Sentence } from '../language/sentences.js';
import { isUnpunctuated, splitSpoken } from '../language/spoken.js';

/** Turns shorter than this stay whole even without punctuation. */
const MIN_SPOKEN_WORDS = 6;

export function turnSentences(text: string, boundary: Model): Sentence[] {
  if (isUnpunctuated(text) && text.split(/\s+/).length >= MIN_SPOKEN_WORDS) return splitSpoken(text, boundary);
  return splitSentences(text);
}
