/**
 * The buyer-focus score, 0-100 (higher = more about the buyer): a weighted mean of components
 * that each say one thing, so that a user sees why. The formula is documented in the README.
 * The score, its components and the tips are computed here, from the call's findings and metrics.
 */
import type { CallMetrics, Finding, Rule, ScoreComponent, Tip } from '../types.js';
import { countsInLanguage } from '../report/finding.js';
import { round } from './talk.js';
import { rankTips } from './tips.js';

export interface Judgement {
  score: number;
  components: ScoreComponent[];
  tips: Tip[];
}

/** The score, its components and the coaching tips of a call. */
export function scoreFindings(input: { findings: readonly Finding[]; metrics: CallMetrics; script: boolean; rules: ReadonlyMap<string, Rule> }): Judgement {
  const weighted = (focus: Finding['kind']) =>
    input.findings.filter((f) => f.kind === focus && countsInLanguage(f)).reduce((s, f) => s + (input.rules.get(f.ruleId)?.weight ?? 1), 0);
  const scoreInput: ScoreInput = { metrics: input.metrics, sellerCentric: weighted('seller-centric'), buyerOwnership: weighted('buyer-ownership'), script: input.script };
  const { score, components } = computeScore(scoreInput);
  const rescore = (sellerCentric: number) => computeScore({ ...scoreInput, sellerCentric }).score;
  return { score, components, tips: rankTips({ findings: input.findings, rules: input.rules, sellerCentric: scoreInput.sellerCentric, score, components, rescore }) };
}

export interface ScoreInput {
  metrics: CallMetrics;
  /** Weighted counts of seller-centric and buyer-ownership language findings. */
  sellerCentric: number;
  buyerOwnership: number;
  /** A single-speaker script has no talk split to judge. */
  script: boolean;
}

/** Linear ramp: 1 at or below `good`, 0 at or beyond `bad` (works in either direction). */
function ramp(value: number, good: number, bad: number): number {
  if (good < bad) return value <= good ? 1 : value >= bad ? 0 : (bad - value) / (bad - good);
  return value >= good ? 1 : value <= bad ? 0 : (value - bad) / (good - bad);
}

/** Computes the components and the score. Pure and deterministic. */
export function computeScore(input: ScoreInput): { score: number; components: ScoreComponent[] } {
  const { metrics: m, sellerCentric: sc, buyerOwnership: bo } = input;
  const sellerWords = Math.max(m.sellerWords, 1);
  const scPer100 = (sc * 100) / sellerWords;
  // Gong Labs put 11-14 questions in the best discovery calls of about 45 minutes (~6,000 words):
  // about one per 500 words, so that is the rate expected here, between 2 and 11.
  const expectedOpen = Math.min(11, Math.max(2, m.totalWords / 500));
  const parts: Array<Omit<ScoreComponent, 'points'>> = [
    {
      name: 'language balance',
      value: (bo + 1) / (bo + sc + 2),
      weight: 45,
      detail: `${fmt(bo)} buyer-ownership vs ${fmt(sc)} seller-centric sentence findings, weighted by rule`,
    },
    {
      name: 'seller-centric density',
      // Every seller sentence is judged, so a pitch-heavy call reaches about 7 per 100 seller words
      // (the 90th percentile of the labelled calls) and a buyer-led one stays near 1.
      value: ramp(scPer100, 0, 6),
      weight: 20,
      detail: `${round(scPer100, 2)} seller-centric sentence findings per 100 seller words, weighted by rule (0 is best, 6 or more scores nothing)`,
    },
  ];
  if (!input.script) {
    parts.push(
      {
        name: 'talk share',
        value: ramp(m.sellerTalkShare, 0.45, 0.8),
        weight: 15,
        detail: `the seller spoke ${Math.round(m.sellerTalkShare * 100)}% of the words (45% or less is best; Gong Labs found conversion falling past 65%)`,
      },
      {
        name: 'open questions',
        value: Math.min(1, m.sellerOpenQuestions / expectedOpen),
        weight: 10,
        detail: `${m.sellerOpenQuestions} open seller questions, ${round(expectedOpen, 1)} expected for a call of ${m.totalWords} words`,
      },
    );
  }
  parts.push({
    name: 'monologues',
    value: ramp(m.longestSellerMonologueWords, 200, 600),
    weight: 10,
    detail: `longest seller turn ${m.longestSellerMonologueWords} words (about 200 words, 76 s, or fewer is best)`,
  });
  const totalWeight = parts.reduce((s, p) => s + p.weight, 0);
  const components = parts.map((p) => ({ ...p, value: round(p.value, 3), points: round((p.value * p.weight * 100) / totalWeight, 1) }));
  const score = Math.round(parts.reduce((s, p) => s + p.value * p.weight, 0) * 100 / totalWeight);
  return { score, components };
}

function fmt(x: number): string {
  return String(round(x, 1));
}
