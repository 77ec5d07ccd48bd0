// Tips rank harm before points: pressure and brushed-off concerns are named even on a call where
// fixing them alone would not move the rounded score, while a harmless habit needs a gain.
import { expect, it } from 'vitest';
import { rankTips } from '../../src/metrics/tips.js';
import { builtinEngine } from '../../src/analyze.js';
import type { Finding } from '../../src/types.js';

const rules = builtinEngine().byId;
const finding = (ruleId: string, line: number): Finding =>
  ({ ruleId, kind: 'seller-centric', scope: 'sentence', line, text: 'x', match: 'x', message: 'm', suggestion: 's', severity: 'warning' }) as unknown as Finding;

it('names a harmful habit with no score gain, and leaves out a harmless one with none', () => {
  const findings = [finding('deadline-pressure', 1), finding('company-credentials', 2)];
  // A score that no count of findings can move: every gain is 0.
  const tips = rankTips({ findings, rules, sellerCentric: 2, score: 5, components: [], rescore: () => 5 });
  expect(tips.map((t) => [t.ruleId, t.gain])).toEqual([['deadline-pressure', 0]]);
});

it('puts harm before points', () => {
  const findings = [finding('company-credentials', 1), finding('company-credentials', 2), finding('brushes-off-concern', 3)];
  const tips = rankTips({ findings, rules, sellerCentric: 3, score: 40, components: [], rescore: (n) => 40 + (3 - n) * 4 });
  expect(tips.map((t) => t.ruleId)).toEqual(['brushes-off-concern', 'company-credentials']);
  expect(tips[1]!.gain).toBeGreaterThan(tips[0]!.gain);
});
