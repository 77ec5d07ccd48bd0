/** A list of phrases from rule data, matched as whole-word sequences against a token list. */
import { tokenize } from '../language/tokens.js';

export interface PhraseList {
  matches(words: readonly string[]): boolean;
}

/** Compiles phrases ("not interested", "too expensive") into a matcher keyed by first word. */
export function phraseList(phrases: readonly string[]): PhraseList {
  const byFirst = new Map<string, string[][]>();
  for (const p of phrases) {
    const seq = tokenize(p).map((t) => t.word);
    if (seq.length === 0) continue;
    const list = byFirst.get(seq[0]!) ?? [];
    list.push(seq);
    byFirst.set(seq[0]!, list);
  }
  return {
    matches(words) {
      for (let i = 0; i < words.length; i++) {
        const list = byFirst.get(words[i]!);
        if (!list) continue;
        for (const seq of list) {
          let ok = true;
          for (let j = 1; j < seq.length && ok; j++) ok = words[i + j] === seq[j];
          if (ok) return true;
        }
      }
      return false;
    },
  };
}
