/** Coaching tips: the habits whose fixing would raise the score most, ranked by that gain. */
import type { Finding, Rule, ScoreComponent, Tip } from '../types.js';
import { scoreCall, type ScoreInput } from './score.js';

const METRIC_COMPONENT: Record<string, string> = {
  sellerTalkShare: 'talk share',
  longestSellerMonologueWords: 'monologues',
  longestSellerMonologueSeconds: 'monologues',
  sellerQuestions: 'open questions',
};

/** Ranks seller-centric rules by the score points the call would gain without their findings. */
export function rankTips(findings: readonly Finding[], byId: ReadonlyMap<string, Rule>, input: ScoreInput, components: readonly ScoreComponent[], limit = 3): Tip[] {
  const base = scoreCall(input).score;
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    // The classifier's backup findings name no habit to coach; tips come from the rules that do.
    if (f.kind !== 'seller-centric' || f.suppressed || f.category === 'classifier') continue;
    const list = groups.get(f.ruleId);
    if (list) list.push(f);
    else groups.set(f.ruleId, [f]);
  }
  const tips: Tip[] = [];
  for (const [ruleId, list] of groups) {
    const rule = byId.get(ruleId);
    if (!rule) continue;
    let gain: number;
    if (list[0]!.scope === 'call') {
      const comp = components.find((c) => c.name === METRIC_COMPONENT[rule.metric?.name ?? '']);
      const totalWeight = components.reduce((s, c) => s + c.weight, 0);
      gain = comp ? Math.round(((1 - comp.value) * comp.weight * 100) / totalWeight) : 0;
    } else {
      const weight = list.length * (rule.weight ?? 1);
      gain = scoreCall({ ...input, sellerCentric: Math.max(0, input.sellerCentric - weight) }).score - base;
    }
    tips.push({ ruleId, gain, count: list.length, message: rule.message, suggestion: list[0]!.suggestion });
  }
  tips.sort((a, b) => b.gain - a.gain || b.count - a.count || (a.ruleId < b.ruleId ? -1 : 1));
  return tips.filter((t) => t.gain > 0).slice(0, limit);
}
