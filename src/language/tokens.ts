/**
 * Tokenizing a sentence for matching: lower-case words with their offsets, contractions expanded
 * ("we're" -> we are), speech fillers ("um", "uh") dropped, each with its stem.
 */
import { stem } from './stem.js';

export interface Token {
  /** Lower-case surface form after contraction expansion, e.g. "we", "are". */
  word: string;
  stem: string;
  /** Span of the original word in the sentence text. */
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*|[$%#]/gu;
const FILLERS = new Set(['um', 'uh', 'uhh', 'umm', 'erm', 'er', 'hmm', 'mm', 'mhm', 'ah']);

/**
 * Contractions that change what the words are; the rest keep their stem ("didn't" -> did not).
 * A null-prototype map: as a plain object, the word "constructor" found Object's constructor here
 * and tokenizing any sentence containing it threw (found by the fuzz tests).
 */
const SPECIAL: Record<string, string[]> = Object.assign(Object.create(null) as Record<string, string[]>, {
  "won't": ['will', 'not'],
  "can't": ['can', 'not'],
  "shan't": ['shall', 'not'],
  "ain't": ['is', 'not'],
  "let's": ["let's"],
  gonna: ['going', 'to'],
  wanna: ['want', 'to'],
  gotta: ['got', 'to'],
  "y'all": ['you', 'all'],
  ya: ['you'],
});
const SUFFIXES: Array<[string, string]> = [
  ["n't", 'not'],
  ["'re", 'are'],
  ["'ve", 'have'],
  ["'ll", 'will'],
  ["'d", 'would'],
  ["'m", 'am'],
  ["'s", 'is'],
];

/** Splits text into tokens. Never throws; empty text gives no tokens. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(text))) {
    const raw = m[0].toLowerCase().replace(/’/g, "'");
    const start = m.index;
    const end = start + m[0].length;
    if (FILLERS.has(raw)) continue;
    if (raw === 'like' && isFillerLike(out, text, end)) continue;
    for (const word of expand(raw)) out.push({ word, stem: stem(word), start, end });
  }
  return out;
}

/** Words after which "like" is speech filler ("and like", "is like"), not a verb or comparison. */
const LIKE_FILLER_AFTER = new Set(['and', 'so', 'but', 'or', 'is', 'are', 'was', 'were', 'just', 'ahead', 'really', 'kinda', 'basically', 'honestly', 'literally', 'yeah', 'oh', 'okay', 'um', 'uh', 'have', 'got', 'um', 'the', 'about', 'for', 'with', 'it']);

function isFillerLike(out: readonly Token[], text: string, end: number): boolean {
  const prev = out[out.length - 1];
  if (!prev) return false;
  if (!LIKE_FILLER_AFTER.has(prev.word)) return false;
  // "is like that" and "about like this" compare; keep them.
  const next = /^\s*([\p{L}']+)/u.exec(text.slice(end))?.[1]?.toLowerCase();
  return next !== 'that' && next !== 'this' && next !== 'to';
}

function expand(raw: string): string[] {
  const special = SPECIAL[raw];
  if (special) return special;
  if (raw.includes("'")) {
    for (const [suffix, full] of SUFFIXES) {
      if (raw.endsWith(suffix) && raw.length > suffix.length) {
        const head = raw.slice(0, -suffix.length);
        // "'s" after a name is usually a possessive; keep "it's", "that's", "what's" as "is".
        if (suffix === "'s" && !IS_HEADS.has(head)) return [head];
        return [head, full];
      }
    }
    return [raw.replace(/'/g, '')];
  }
  return [raw];
}

const IS_HEADS = new Set(['it', 'that', 'what', 'there', 'here', 'he', 'she', 'who', 'where', 'how', 'this', 'everything', 'nothing', 'something', 'which', 'when', 'why']);

/** Counts words the way the metrics do (fillers included, since they are talk time). */
export function countWords(text: string): number {
  let n = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text)) n++;
  return n;
}
