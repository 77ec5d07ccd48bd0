/**
 * Porter stemming through natural's deep import (its root import is slow and prints to stdout). A
 * static import, so that the build's bundle of the CLI holds the stemmer and its code cache too (#12).
 */
import porter from 'natural/lib/natural/stemmers/porter_stemmer.js';

const cache = new Map<string, string>();

/**
 * Longer words are left as they are: the stemmer's regexes (`[^aeiouy]+y` on a word without
 * vowels) take time quadratic in the word's length, and no English word is this long.
 */
const LONGEST_STEMMED = 64;

/** The stem of a lower-case word; cached, since a call repeats a small vocabulary many times. */
export function stem(word: string): string {
  let s = cache.get(word);
  if (s === undefined) {
    s = word.length <= LONGEST_STEMMED && /^[a-z]+$/.test(word) ? porter.stem(word) : word;
    if (cache.size > 200_000) cache.clear();
    cache.set(word, s);
  }
  return s;
}
