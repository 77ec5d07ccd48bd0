/**
 * Is this a sales call at all? Meetings, interviews, support calls and podcasts share the words of
 * selling (price, demo, next steps) but not its shape: one side talking like a seller to another
 * that talks like a buyer, about buying. Two learned readings of the call feed a small call model:
 * how seller-like its most seller-like speaker is against the rest (the speech-role model), and how
 * much of its talk reads like talk from sales calls rather than from other conversations.
 */
import type { Turn } from '../types.js';
import type { Model } from '../model/logistic.js';
import { predict } from '../model/logistic.js';
import { speakerSpeech, speechChunks, speechFeatures } from '../roles/speech.js';

export interface CallFacts {
  /** Seller-speech score of the most seller-like speaker. */
  top: number;
  /** That score minus the least seller-like speaker's. */
  gap: number;
  /** Mean log-odds that a stretch of the call's talk comes from a sales call. */
  mean: number;
  /** Share of stretches that read clearly as sales talk, and clearly as other talk. */
  salesLike: number;
  otherLike: number;
  speakers: number;
}

const logit = (p: number): number => {
  const q = Math.min(1 - 1e-6, Math.max(1e-6, p));
  return Math.log(q / (1 - q));
};

export function callFacts(turns: readonly Turn[], speech: Model, salesTalk: Model): CallFacts {
  const scores = speakerSpeech(turns, speech).map((s) => s.score).sort((a, b) => b - a);
  const logits = turns.flatMap((t) => speechChunks(t.text)).map((c) => logit(predict(salesTalk, speechFeatures(c))[1]!));
  const n = Math.max(1, logits.length);
  return {
    top: scores[0] ?? 0,
    gap: (scores[0] ?? 0) - (scores[scores.length - 1] ?? 0),
    mean: logits.reduce((a, b) => a + b, 0) / n,
    salesLike: logits.filter((l) => l > 2).length / n,
    otherLike: logits.filter((l) => l < -1).length / n,
    speakers: scores.length,
  };
}

/** The call model's inputs, scaled to similar ranges. */
export function callFeatures(f: CallFacts): Array<readonly [string, number]> {
  return [['top', f.top / 5], ['gap', f.gap / 5], ['mean', f.mean], ['salesLike', f.salesLike * 3], ['otherLike', f.otherLike * 3], [`speakers:${Math.min(f.speakers, 5)}`, 1]];
}

export interface SalesCallModels {
  speech: Model;
  salesTalk: Model;
  call: Model;
}

export interface SalesCallDecision {
  salesCall: boolean;
  /** Probability that this is a sales call, 0..1. */
  probability: number;
  reasons: string[];
}

/**
 * Only a clear reading says "not a sales call": wrongly setting aside a real call loses all its
 * findings, while judging a meeting as a call costs a wrong score, so doubt goes to the call.
 */
export const NOT_SALES_BELOW = 0.25;

export function decideSalesCall(turns: readonly Turn[], m: SalesCallModels): SalesCallDecision {
  const facts = callFacts(turns, m.speech, m.salesTalk);
  const probability = Math.round(predict(m.call, callFeatures(facts))[1]! * 1000) / 1000;
  const salesCall = probability >= NOT_SALES_BELOW;
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const reasons = salesCall
    ? [`reads as a sales call (${pct(probability)} sure)`]
    : [
        `reads as a conversation that is not a sale (${pct(1 - probability)} sure)`,
        `${pct(facts.salesLike)} of the talk reads like talk from sales calls, ${pct(facts.otherLike)} like other conversations`,
        facts.gap < 5 ? 'no speaker talks like a seller to a buyer' : 'one speaker leads, but not as a seller to a buyer',
      ];
  return { salesCall, probability, reasons };
}
