/**
 * Is this a sales call at all? Meetings, interviews, support calls and podcasts share the words of
 * selling (price, demo, next steps) but not its shape: one side talking like a seller to another
 * that talks like a buyer, about buying. Two learned readings of the call feed a small call model:
 * how seller-like its most seller-like speaker is against the rest (the speech-role model), and how
 * much of its talk reads like talk from sales calls rather than from other conversations.
 */
import type { Turn } from '../types.js';
import type { Model } from '../model/logistic.js';
import { predict, predictRows } from '../model/logistic.js';
import { chunkFeatures, chunkRows, speakerSpeech, turnSpeechChunks, type SpeakerSpeech, type SpeechChunk } from '../roles/speech.js';
import { SECOND_SELLER_SPEECH } from '../roles/detect.js';

export interface CallFacts {
  /** Seller-speech score of the most seller-like speaker. */
  top: number;
  /** That score minus the least seller-like speaker's. */
  gap: number;
  /** Mean log-odds that a stretch of the call's talk comes from a sales call; the leading speaker's, the others'. */
  mean: number;
  leadMean: number;
  othersMean: number;
  /** Share of stretches that read clearly as sales talk, and clearly as other talk. */
  salesLike: number;
  otherLike: number;
  speakers: number;
  /** Among the pronouns of the most seller-like speaker, the share that are "you"; among everyone else's, the share that are "we" and "I". */
  sellerYou: number;
  othersWe: number;
  othersI: number;
}

const logit = (p: number): number => {
  const q = Math.min(1 - 1e-6, Math.max(1e-6, p));
  return Math.log(q / (1 - q));
};

const YOU = new Set(['you', 'your', 'yours', 'yourself', 'yourselves']);
const WE = new Set(['we', 'our', 'us', 'ours', 'ourselves']);
const I = new Set(['i', 'my', 'me', 'mine', 'myself']);

/** Pronoun counts of a set of turns. */
function pronouns(turns: readonly Turn[]): { you: number; we: number; i: number; all: number } {
  const c = { you: 0, we: 0, i: 0, all: 0 };
  for (const t of turns) {
    for (const w of t.text.toLowerCase().match(/[a-z']+/g) ?? []) {
      // The word before its first apostrophe ("we're" -> we), without a regular expression per word.
      const q = w.indexOf("'");
      const base = q < 0 ? w : w.slice(0, q);
      if (YOU.has(base)) c.you++;
      else if (WE.has(base)) c.we++;
      else if (I.has(base)) c.i++;
      else continue;
      c.all++;
    }
  }
  return c;
}

export function callFacts(turns: readonly Turn[], speech: Model, salesTalk: Model): CallFacts {
  const bySpeaker = speakerSpeech(turns, speech).sort((a, b) => b.score - a.score);
  const scores = bySpeaker.map((s) => s.score);
  const leads = leadingSpeakers(bySpeaker);
  const mine = pronouns(turns.filter((t) => leads.has(t.speaker)));
  const theirs = pronouns(turns.filter((t) => !leads.has(t.speaker)));
  const stretches = talkStretchRows(turns, salesTalk, leads);
  const logits = stretches.map((st) => logit(predictRows(salesTalk, st.rows)[1]!));
  const n = Math.max(1, logits.length);
  const meanOf = (lead: boolean) => {
    const xs = logits.filter((_, i) => stretches[i]!.lead === lead);
    return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
  };
  return {
    top: scores[0] ?? 0,
    gap: (scores[0] ?? 0) - (scores[scores.length - 1] ?? 0),
    mean: logits.reduce((a, b) => a + b, 0) / n,
    leadMean: meanOf(true),
    othersMean: meanOf(false),
    salesLike: logits.filter((l) => l > 2).length / n,
    otherLike: logits.filter((l) => l < -1).length / n,
    speakers: scores.length,
    sellerYou: mine.all ? mine.you / mine.all : 0,
    othersWe: theirs.all ? theirs.we / theirs.all : 0,
    othersI: theirs.all ? theirs.i / theirs.all : 0,
  };
}

/** The speakers who talk like sellers: the most seller-like, and any other whose speech reads clearly as a seller's (as roles are decided). */
export function leadingSpeakers(speech: readonly SpeakerSpeech[]): Set<string> {
  const ranked = [...speech].sort((a, b) => b.score - a.score);
  return new Set(ranked.filter((s, i) => i === 0 || (i < ranked.length - 1 && s.score > SECOND_SELLER_SPEECH)).map((s) => s.name));
}

/** Each stretch of the call's talk read by `read` (with S: before the leading speakers' features, B: before the others'), marked by whether a leading speaker said it. */
function eachStretch<T>(turns: readonly Turn[], leads: ReadonlySet<string>, read: (chunk: SpeechChunk, prefix: string) => T): Array<{ lead: boolean; value: T }> {
  return turns.flatMap((t) => {
    const isLead = leads.has(t.speaker);
    const prefix = isLead ? 'S:' : 'B:';
    return turnSpeechChunks(t).map((c) => ({ lead: isLead, value: read(c, prefix) }));
  });
}

/** talkStretches with each stretch as `salesTalk`'s rows: the same features in the same order, with no prefixed name built for a repeat (#12). */
export function talkStretchRows(turns: readonly Turn[], salesTalk: Model, leads: ReadonlySet<string>): Array<{ lead: boolean; rows: number[] }> {
  return eachStretch(turns, leads, (c, prefix) => chunkRows(salesTalk, c, prefix)).map(({ lead, value }) => ({ lead, rows: value }));
}

/** Each stretch of talk with its features, marked by whether the leading (most seller-like) speaker said it. */
export function talkStretches(turns: readonly Turn[], speech: Model, leads: ReadonlySet<string> = leadingSpeakers(speakerSpeech(turns, speech))): Array<{ lead: boolean; features: string[] }> {
  return eachStretch(turns, leads, (c, prefix) => chunkFeatures(c).map((f) => prefix + f)).map(({ lead, value }) => ({ lead, features: value }));
}

/** The call model's inputs, scaled to similar ranges. */
export function callFeatures(f: CallFacts): Array<readonly [string, number]> {
  return [['top', f.top / 5], ['gap', f.gap / 5], ['mean', f.mean], ['leadMean', f.leadMean], ['othersMean', f.othersMean], ['salesLike', f.salesLike * 3], ['otherLike', f.otherLike * 3], [`speakers:${Math.min(f.speakers, 5)}`, 1], ['sellerYou', f.sellerYou * 2], ['othersWe', f.othersWe * 2], ['othersI', f.othersI * 2]];
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
export const NOT_SALES_BELOW = 0.2;

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
