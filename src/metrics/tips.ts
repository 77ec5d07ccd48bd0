/**
 * Coaching tips: the habits to fix first. Ranked by harm to the buyer first (pressure and brushed-off
 * concerns before the shape of the talk), then by the score points fixing them would add.
 */
import type { Finding, Rule, ScoreComponent, Tip } from '../types.js';
import { harmOf, harmsTheBuyer, namesAHabit } from '../report/finding.js';

const METRIC_COMPONENT: Record<string, string> = {
  sellerTalkShare: 'talk share',
  longestSellerMonologueWords: 'monologues',
  longestSellerMonologueSeconds: 'monologues',
  sellerQuestions: 'open questions',
};

export interface TipInput {
  findings: readonly Finding[];
  rules: ReadonlyMap<string, Rule>;
  /** The weighted count of seller-centric findings the score was computed with, and the score. */
  sellerCentric: number;
  score: number;
  components: readonly ScoreComponent[];
  /** The score with another weighted count of seller-centric findings. */
  rescore: (sellerCentric: number) => number;
}

/** Ranks seller-centric rules by the score points the call would gain without their findings. */
export function rankTips(input: TipInput, limit = 3): Tip[] {
  const groups = new Map<string, Finding[]>();
  for (const f of input.findings) {
    const rule = input.rules.get(f.ruleId);
    if (f.kind !== 'seller-centric' || f.suppressed || !rule || !namesAHabit(rule.kind)) continue;
    const list = groups.get(f.ruleId);
    if (list) list.push(f);
    else groups.set(f.ruleId, [f]);
  }
  const totalWeight = input.components.reduce((s, c) => s + c.weight, 0);
  const tips: Tip[] = [];
  for (const [ruleId, list] of groups) {
    const rule = input.rules.get(ruleId)!;
    let gain: number;
    if (list[0]!.scope === 'call') {
      const comp = input.components.find((c) => c.name === METRIC_COMPONENT[rule.metric?.name ?? '']);
      gain = comp ? Math.round(((1 - comp.value) * comp.weight * 100) / totalWeight) : 0;
    } else {
      const weight = list.length * (rule.weight ?? 1);
      gain = input.rescore(Math.max(0, input.sellerCentric - weight)) - input.score;
    }
    const harm = harmOf(rule);
    tips.push({ ruleId, gain, harm, count: list.length, message: rule.message, suggestion: list[0]!.suggestion });
  }
  tips.sort((a, b) => b.harm - a.harm || b.gain - a.gain || b.count - a.count || (a.ruleId < b.ruleId ? -1 : 1));
  // Pressure and brushed-off concerns are worth fixing even where one habit alone moves the score by
  // less than a point (a call already near the floor); other habits only when they would add points.
  return tips.filter((t) => t.gain > 0 || harmsTheBuyer(t.harm)).slice(0, limit);
}
