/**
 * Seller speech and buyer speech read differently ("our platform", "what's driving that" against
 * "how much is it", "we tried that"); a model trained on the labelled sales calls scores each
 * stretch of a speaker's talk, and a speaker's average says how much they talk like a seller.
 */
import type { Turn } from '../types.js';
import { splitSentences } from '../language/sentences.js';
import { tokenize, type Token } from '../language/tokens.js';
import { tokenizedSentences } from '../language/turn-sentences.js';
import type { Model } from '../model/logistic.js';
import { predictRows } from '../model/logistic.js';
import { PartRows } from '../model/part-rows.js';

/** A sentence's 15-word stretches when it is an unpunctuated run over 30 words; undefined when it is read whole. */
function longRunStretches(words: readonly string[]): string[] | undefined {
  if (words.length <= 30) return undefined;
  const out: string[] = [];
  for (let i = 0; i < words.length; i += 15) out.push(words.slice(i, i + 15).join(' '));
  return out;
}

/** Sentences of a turn; unpunctuated runs over 30 words in 15-word stretches. */
export function speechChunks(text: string): string[] {
  return splitSentences(text).flatMap((s) => longRunStretches(s.text.split(/\s+/)) ?? [s.text]);
}

export function speechFeatures(text: string): string[] {
  return chunkFeatures(chunkOf(text, tokenize(text), 0));
}

const chunkOf = (text: string, tokens: readonly Token[], words: number): SpeechChunk => ({ tokens: tokens.map((t) => t.word), qm: text.includes('?'), words });

/** A chunk's feature names: its words, its word pairs and a question mark, each once, in order of first appearance. */
export function chunkFeatures(chunk: SpeechChunk): string[] {
  const f = new Set<string>();
  const w = chunk.tokens;
  for (const t of w) f.add(`u:${t}`);
  for (let i = 0; i + 1 < w.length; i++) f.add(`b:${w[i]!}_${w[i + 1]!}`);
  if (chunk.qm) f.add('qm');
  return [...f];
}

/** A model's tables for chunk features, with `prefix` before every name (the sales-talk model reads S: and B:). */
interface ChunkTables {
  u: PartRows;
  b: PartRows;
  qm: number;
}
const chunkTables = new WeakMap<Model, Map<string, ChunkTables>>();

/**
 * chunkFeatures(chunk), each with `prefix`, as `model`'s rows (known ones only, each once), in the
 * same order: the same sums as predict over the names, with no name built for a repeat (#12).
 * A name appears once in the features, and distinct names have distinct rows, so a row is kept once.
 */
export function chunkRows(model: Model, chunk: SpeechChunk, prefix = ''): number[] {
  let byPrefix = chunkTables.get(model);
  if (!byPrefix) chunkTables.set(model, (byPrefix = new Map()));
  let t = byPrefix.get(prefix);
  if (!t) byPrefix.set(prefix, (t = { u: new PartRows(model, (a) => `${prefix}u:${a}`), b: new PartRows(model, (a, b) => `${prefix}b:${a}_${b}`), qm: model.row(`${prefix}qm`) }));
  const rows: number[] = [];
  const seen = new Set<number>();
  const add = (row: number): void => {
    if (row >= 0 && !seen.has(row)) {
      seen.add(row);
      rows.push(row);
    }
  };
  const w = chunk.tokens;
  for (const x of w) add(t.u.row1(x));
  for (let i = 0; i + 1 < w.length; i++) add(t.b.row2(w[i]!, w[i + 1]!));
  if (chunk.qm) add(t.qm);
  return rows;
}

export interface SpeakerSpeech {
  name: string;
  /** Mean log-odds that this speaker's stretches are seller speech (weighted by length). */
  score: number;
  stretches: number;
}

/** One stretch of a turn's talk as the speech models read it: its words (lower-cased tokens), whether it has a question mark, and its weight in words. */
export interface SpeechChunk {
  tokens: string[];
  qm: boolean;
  words: number;
}

/**
 * A turn's stretches, read once per turn: role detection, the sales-call reading and its talk
 * stretches all read the same stretches, and tokenizing them was a fifth of a call's time. Keyed by
 * the turn object (a parse makes new ones), checked against its text.
 */
const chunkCache = new WeakMap<Turn, { text: string; chunks: SpeechChunk[] }>();

export function turnSpeechChunks(turn: Turn): SpeechChunk[] {
  const hit = chunkCache.get(turn);
  if (hit && hit.text === turn.text) return hit.chunks;
  // speechChunks(turn.text), with a whole sentence's tokens taken from the turn's shared ones.
  const chunks: SpeechChunk[] = [];
  for (const s of tokenizedSentences(turn)) {
    const words = s.text.split(/\s+/);
    const stretches = longRunStretches(words);
    if (stretches) for (const chunk of stretches) chunks.push(chunkOf(chunk, tokenize(chunk), chunk.split(/\s+/).length));
    else chunks.push(chunkOf(s.text, s.tokens, words.length));
  }
  chunkCache.set(turn, { text: turn.text, chunks });
  return chunks;
}

/** The last result per turns array and model: roles and the sales-call reading both ask for it. */
const speechCache = new WeakMap<readonly Turn[], { model: Model; texts: string[]; result: SpeakerSpeech[] }>();

/** Each speaker's seller-speech score, in order of first appearance. */
export function speakerSpeech(turns: readonly Turn[], model: Model): SpeakerSpeech[] {
  const hit = speechCache.get(turns);
  if (hit && hit.model === model && hit.texts.length === turns.length && hit.texts.every((t, i) => t === turns[i]!.text)) return hit.result.map((s) => ({ ...s }));
  const by = new Map<string, { sum: number; weight: number; n: number }>();
  for (const t of turns) {
    const e = by.get(t.speaker) ?? { sum: 0, weight: 0, n: 0 };
    for (const chunk of turnSpeechChunks(t)) {
      const p = Math.min(1 - 1e-6, Math.max(1e-6, predictRows(model, chunkRows(model, chunk))[1]!));
      const w = Math.min(20, chunk.words);
      e.sum += Math.log(p / (1 - p)) * w;
      e.weight += w;
      e.n++;
    }
    by.set(t.speaker, e);
  }
  const result = [...by].map(([name, e]) => ({ name, score: e.weight ? e.sum / e.weight : 0, stretches: e.n }));
  speechCache.set(turns, { model, texts: turns.map((t) => t.text), result });
  return result.map((s) => ({ ...s }));
}
