/** The phrase lists that read a buyer's turn, from the lexicon's buyer-* classes (rule data). */
import type { CueLists } from './context.js';
import { phraseList } from './phrases.js';
import { questionCues } from '../language/questions.js';

export function cueLists(lexicon: ReadonlyMap<string, readonly string[]>): CueLists {
  return { objection: phraseList(lexicon.get('buyer-objection') ?? []), price: phraseList(lexicon.get('buyer-price') ?? []), questions: questionCues(lexicon) };
}
