/**
 * The sentence judge: a first model reads each seller sentence with its context; a second reads
 * it again beside what the first made of its neighbours (the rest of the turn, the call so far),
 * because a coach reads a feature tour or a run of questions as a whole. Rules vote inside both.
 */
import type { Model } from '../model/logistic.js';
import { predict } from '../model/logistic.js';

export const LABELS = ['seller-centric', 'buyer-ownership', 'neutral'] as const;
export type Label = (typeof LABELS)[number];

export interface SentenceModels {
  first: Model;
  second: Model;
}

/** One sentence to judge: its features and the turn it belongs to. */
export interface Judgeable {
  features: readonly string[];
  turn: number;
}

const level = (x: number): string => (x < 0.2 ? 'lo' : x < 0.45 ? 'mid' : x < 0.7 ? 'hi' : 'vhi');
const argmax = (p: readonly number[]): number => {
  let best = 0;
  for (let i = 1; i < p.length; i++) if (p[i]! > p[best]!) best = i;
  return best;
};

/**
 * Features from the first model's reading of the neighbours: the sentence before and after in the
 * same turn, the rest of the turn, and the seller's sentences so far. `alone` marks a script or a
 * lone utterance, which has no conversation to read it in.
 */
export function neighbourFeatures(items: readonly Judgeable[], first: readonly (readonly number[])[], alone: boolean): string[][] {
  if (alone) return items.map(() => ['nonb']);
  const out = items.map((): string[] => []);
  let scSum = 0, boSum = 0, n = 0;
  // Turn ranges, so that the rest of a turn is summed once per sentence without rescanning.
  for (let i = 0; i < items.length; i++) {
    const f = out[i]!;
    const same = (j: number) => j >= 0 && j < items.length && items[j]!.turn === items[i]!.turn;
    f.push(same(i - 1) ? `prev:${LABELS[argmax(first[i - 1]!)]}` : 'prev:none');
    f.push(same(i + 1) ? `next:${LABELS[argmax(first[i + 1]!)]}` : 'next:none');
    let sc = 0, bo = 0, m = 0;
    for (let j = i - 1; same(j); j--) { sc += first[j]![0]!; bo += first[j]![1]!; m++; }
    for (let j = i + 1; same(j); j++) { sc += first[j]![0]!; bo += first[j]![1]!; m++; }
    if (m) f.push(`tsc:${level(sc / m)}`, `tbo:${level(bo / m)}`);
    if (n) f.push(`csc:${level(scSum / n)}`, `cbo:${level(boSum / n)}`);
    else f.push('cfirst');
    scSum += first[i]![0]!;
    boSum += first[i]![1]!;
    n++;
  }
  return out;
}

/** How much less a neutral reading counts than the other two when the model hesitates. */
export const NEUTRAL_SCALE = 0.7;

export interface Judgement {
  label: Label;
  /** Probabilities of seller-centric, buyer-ownership and neutral. */
  p: number[];
}

/** Judges the seller sentences of one call (or script), in order. */
export function judgeSentences(models: SentenceModels, items: readonly Judgeable[], alone: boolean): Judgement[] {
  const first = items.map((it) => predict(models.first, it.features));
  const nb = neighbourFeatures(items, first, alone);
  return items.map((it, i) => {
    const p = predict(models.second, [...it.features, ...nb[i]!]);
    const scaled = [p[0]!, p[1]!, p[2]! * NEUTRAL_SCALE];
    return { label: LABELS[argmax(scaled)]!, p: p.map((x) => Math.round(x * 1000) / 1000) };
  });
}
