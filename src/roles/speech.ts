/**
 * Seller speech and buyer speech read differently ("our platform", "what's driving that" against
 * "how much is it", "we tried that"); a model trained on the labelled sales calls scores each
 * stretch of a speaker's talk, and a speaker's average says how much they talk like a seller.
 */
import type { Turn } from '../types.js';
import { splitSentences } from '../language/sentences.js';
import { tokenize } from '../language/tokens.js';
import type { Model } from '../model/logistic.js';
import { predict } from '../model/logistic.js';

/** Sentences of a turn; unpunctuated runs over 30 words in 15-word stretches. */
export function speechChunks(text: string): string[] {
  const out: string[] = [];
  for (const s of splitSentences(text)) {
    const words = s.text.split(/\s+/);
    if (words.length > 30) for (let i = 0; i < words.length; i += 15) out.push(words.slice(i, i + 15).join(' '));
    else out.push(s.text);
  }
  return out;
}

export function speechFeatures(text: string): string[] {
  const tokens = tokenize(text);
  const f = tokens.map((t) => `u:${t.word}`);
  for (let i = 0; i + 1 < tokens.length; i++) f.push(`b:${tokens[i]!.word}_${tokens[i + 1]!.word}`);
  if (text.includes('?')) f.push('qm');
  return [...new Set(f)];
}

export interface SpeakerSpeech {
  name: string;
  /** Mean log-odds that this speaker's stretches are seller speech (weighted by length). */
  score: number;
  stretches: number;
}

/** Each speaker's seller-speech score, in order of first appearance. */
export function speakerSpeech(turns: readonly Turn[], model: Model): SpeakerSpeech[] {
  const by = new Map<string, { sum: number; weight: number; n: number }>();
  for (const t of turns) {
    const e = by.get(t.speaker) ?? { sum: 0, weight: 0, n: 0 };
    for (const chunk of speechChunks(t.text)) {
      const p = Math.min(1 - 1e-6, Math.max(1e-6, predict(model, speechFeatures(chunk))[1]!));
      const w = Math.min(20, chunk.split(/\s+/).length);
      e.sum += Math.log(p / (1 - p)) * w;
      e.weight += w;
      e.n++;
    }
    by.set(t.speaker, e);
  }
  return [...by].map(([name, e]) => ({ name, score: e.weight ? e.sum / e.weight : 0, stretches: e.n }));
}
