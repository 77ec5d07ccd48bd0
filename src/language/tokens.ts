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

/** A word as found in the text, lower-cased and expanded: its words and their stems; null for a filler. */
interface WordForms {
  words: readonly string[];
  stems: readonly string[];
  /** "like", which is a filler or not depending on its neighbours. */
  like: boolean;
}

/**
 * Each distinct surface form is lower-cased, expanded and stemmed once per process: a call repeats
 * a small vocabulary many times, and this was most of tokenizing. Bounded, so that a stream of
 * odd words (ids, typos) cannot grow it without end.
 */
const formsCache = new Map<string, WordForms | null>();
const MAX_CACHED_FORMS = 100_000;

function formsOf(found: string): WordForms | null {
  let forms = formsCache.get(found);
  if (forms !== undefined) return forms;
  const raw = found.toLowerCase().replace(/’/g, "'");
  if (FILLERS.has(raw)) forms = null;
  else {
    const words = expand(raw);
    forms = { words, stems: words.map(stem), like: raw === 'like' };
  }
  if (formsCache.size >= MAX_CACHED_FORMS) formsCache.clear();
  formsCache.set(found, forms);
  return forms;
}

/** Splits text into tokens. Never throws; empty text gives no tokens. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(text))) {
    const forms = formsOf(m[0]);
    if (forms === null) continue;
    const start = m.index;
    const end = start + m[0].length;
    if (forms.like && isFillerLike(out, text, end)) continue;
    const { words, stems } = forms;
    for (let k = 0; k < words.length; k++) out.push({ word: words[k]!, stem: stems[k]!, start, end });
  }
  return out;
}

/** Words after which "like" is speech filler ("and like", "is like"), not a verb or comparison. */
const LIKE_FILLER_AFTER = new Set(['and', 'so', 'but', 'or', 'is', 'are', 'was', 'were', 'just', 'ahead', 'really', 'kinda', 'basically', 'honestly', 'literally', 'yeah', 'oh', 'okay', 'um', 'uh', 'have', 'got', 'um', 'the', 'about', 'for', 'with', 'it']);

/** The word after "like", read where it stands (sticky) rather than from a copy of the rest of the text. */
const NEXT_WORD = /\s*([\p{L}']+)/uy;

function isFillerLike(out: readonly Token[], text: string, end: number): boolean {
  const prev = out[out.length - 1];
  if (!prev) return false;
  if (!LIKE_FILLER_AFTER.has(prev.word)) return false;
  // "is like that" and "about like this" compare; keep them.
  NEXT_WORD.lastIndex = end;
  const next = NEXT_WORD.exec(text)?.[1]?.toLowerCase();
  return next !== 'that' && next !== 'this' && next !== 'to';
}

function expand(raw: string): readonly string[] {
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
