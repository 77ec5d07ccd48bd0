// Tips, habits and the top issue name rules that describe a habit, never the classifier's backup.
import { expect, it } from 'vitest';
import { analyze, builtinEngine } from '../../src/analyze.js';
import { summarize } from '../../src/report/summary.js';
import { ruleMeta } from '../../src/report/report.js';

const call = [
  'Rep: Every one of our installers goes through a two week program before they touch a roof.',
  'Buyer: Okay.',
  'Rep: Every one of our technicians goes through a month of training before they visit a single home.',
  'Buyer: Right.',
  'Rep: All of our crews follow the same checklist on every job site.',
  'Buyer: Sure.',
  'Rep: Our company was founded in 1990 and we have won nine industry awards.',
  'Buyer: I see.',
].join('\n');

it('keeps classifier findings in the counts but out of tips, habits and the top issue', () => {
  const report = analyze(call, { sellers: ['Rep'] });
  const ids = report.findings.map((f) => f.ruleId);
  // The backup finds more here than any named rule, so only the exclusion keeps it out.
  expect(ids.filter((id) => id === 'likely-seller-centric').length).toBeGreaterThanOrEqual(2);
  expect(ids).toContain('company-credentials');
  expect(report.tips.map((t) => t.ruleId)).not.toContain('likely-seller-centric');
  const summary = summarize([report], [], ruleMeta(builtinEngine().rules));
  const row = summary.calls[0]!;
  expect(row.sellerCentric).toBe(report.findings.filter((f) => f.kind === 'seller-centric' && !f.suppressed).length);
  expect(row.topIssue?.ruleId).toBeDefined();
  expect(row.topIssue?.ruleId).not.toBe('likely-seller-centric');
  expect(summary.reps[0]!.habits.map((h) => h.ruleId)).not.toContain('likely-seller-centric');
});
