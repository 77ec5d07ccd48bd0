/**
 * Sentence-sized pieces of speech-to-text turns that have no punctuation: a small learned model
 * (trained at build time on punctuated text with the punctuation taken away) says after which
 * words a writer would have put a full stop or a question mark.
 */
import type { Model } from '../model/logistic.js';
import { predictRows } from '../model/logistic.js';
import { PartRows } from '../model/part-rows.js';
import type { Sentence } from './sentences.js';

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

export interface SpokenWord {
  word: string;
  start: number;
  end: number;
}

/** The words of a text, lower-cased, with their offsets. */
export function spokenWords(text: string): SpokenWord[] {
  const out: SpokenWord[] = [];
  WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(text))) out.push({ word: m[0].toLowerCase().replace(/’/g, "'"), start: m.index, end: m.index + m[0].length });
  return out;
}

const bucket = (n: number): string => (n <= 3 ? String(n) : n <= 5 ? '4-5' : n <= 8 ? '6-8' : n <= 12 ? '9-12' : n <= 20 ? '13-20' : '21+');

/** Features of the gap before word `i`, given how many words the current piece already has. */
export function gapFeatures(words: readonly SpokenWord[], i: number, sinceLast: number): string[] {
  const w = (j: number): string => (j < 0 ? '<s>' : j >= words.length ? '</s>' : words[j]!.word);
  const len = bucket(sinceLast);
  return [
    `n=${w(i)}`, `p=${w(i - 1)}`, `nn=${w(i)}_${w(i + 1)}`, `pp=${w(i - 2)}_${w(i - 1)}`, `pn=${w(i - 1)}_${w(i)}`,
    `len=${len}`, `rem=${bucket(words.length - i)}`, `n=${w(i)}|len=${len}`, `nnn=${w(i)}_${w(i + 1)}_${w(i + 2)}`,
  ];
}

/** The names of gapFeatures from their parts, in the same order; gapRows must follow it. */
const GAP_NAMES: ReadonlyArray<(a: string, b: string, c: string) => string> = [
  (a) => `n=${a}`, (a) => `p=${a}`, (a, b) => `nn=${a}_${b}`, (a, b) => `pp=${a}_${b}`, (a, b) => `pn=${a}_${b}`,
  (a) => `len=${a}`, (a) => `rem=${a}`, (a, b) => `n=${a}|len=${b}`, (a, b, c) => `nnn=${a}_${b}_${c}`,
];
const gapTables = new WeakMap<Model, PartRows[]>();

/** gapFeatures as `model`'s rows, written into `out` (nine of them), with no feature name built for a repeat. */
export function gapRows(model: Model, words: readonly SpokenWord[], i: number, sinceLast: number, out: number[]): number[] {
  let t = gapTables.get(model);
  if (!t) gapTables.set(model, (t = GAP_NAMES.map((name) => new PartRows(model, name))));
  const w = (j: number): string => (j < 0 ? '<s>' : j >= words.length ? '</s>' : words[j]!.word);
  const len = bucket(sinceLast);
  const here = w(i), before = w(i - 1), next = w(i + 1);
  out[0] = t[0]!.row1(here);
  out[1] = t[1]!.row1(before);
  out[2] = t[2]!.row2(here, next);
  out[3] = t[3]!.row2(w(i - 2), before);
  out[4] = t[4]!.row2(before, here);
  out[5] = t[5]!.row1(len);
  out[6] = t[6]!.row1(bucket(words.length - i));
  out[7] = t[7]!.row2(here, len);
  out[8] = t[8]!.row3(here, next, w(i + 2));
  return out;
}

/** Training gaps from punctuated text: a gap is a boundary where the text had . ? ! or ; before a space. */
export function boundarySamples(text: string): Array<{ features: string[]; label: number }> {
  const words = spokenWords(text);
  const out: Array<{ features: string[]; label: number }> = [];
  let since = 1;
  for (let i = 1; i < words.length; i++) {
    const gap = text.slice(words[i - 1]!.end, words[i]!.start);
    const label = /[.?!;]/.test(gap) && /\s/.test(gap) ? 1 : 0;
    out.push({ features: gapFeatures(words, i, since), label });
    since = label ? 1 : since + 1;
  }
  return out;
}

/** A piece must have at least this many words, so that fillers and tags stay with their sentence. */
const MIN_WORDS = 2;
/** The boundary probability above which a piece ends: low, because a piece too long hides a sentence (measured on fixtures/unseen ASR calls: 0.98 of labelled sentences get a piece of their own at 0.1, 0.89 at 0.3). */
const THRESHOLD = 0.1;

/**
 * Words a piece never starts with: "but" joins the two halves of one move ("not to be pushy but",
 * "i hear you but"), which the rules about disclaimers and brush-offs must see whole.
 */
const NO_CUT_BEFORE = new Set(['but']);

/** Splits unpunctuated speech into sentence pieces, with offsets into `text`. */
export function splitSpoken(text: string, model: Model, at = 0): Sentence[] {
  const words = spokenWords(text);
  if (words.length === 0) return [];
  const out: Sentence[] = [];
  let from = 0;
  let since = 1;
  const rows: number[] = [];
  for (let i = 1; i < words.length; i++) {
    // Where a piece could not end here anyway (too short on either side), the model is not asked.
    const canCut = since >= MIN_WORDS && words.length - i >= MIN_WORDS && !NO_CUT_BEFORE.has(words[i]!.word);
    if (canCut && predictRows(model, gapRows(model, words, i, since, rows))[1]! > THRESHOLD) {
      out.push(piece(text, words[from]!.start, words[i - 1]!.end, at));
      from = i;
      since = 1;
    } else since++;
  }
  out.push(piece(text, words[from]!.start, words[words.length - 1]!.end, at));
  return out;
}

function piece(text: string, start: number, end: number, at: number): Sentence {
  return { text: text.slice(start, end), start: at + start, questionMark: false };
}

/** Whether a turn reads as unpunctuated speech-to-text (no sentence punctuation at all). */
export function isUnpunctuated(text: string): boolean {
  return !/[.?!]/.test(text);
}
