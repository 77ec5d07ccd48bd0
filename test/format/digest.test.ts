// The digest shared by the single-call views: order, grouping, one count, quotes with cue times, the journey in words.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, builtinEngine } from '../../src/analyze.js';
import { ruleMeta } from '../../src/report/report.js';
import { countFindings } from '../../src/report/finding.js';
import { digestCall, DEFAULT_QUOTES } from '../../src/format/digest.js';
import { FIXTURES } from '../support/cli.js';

const rules = ruleMeta(builtinEngine().rules);
const RANK = { error: 0, warning: 1, info: 2 } as const;

function call(file: string, sellers?: string[]) {
  return analyze(readFileSync(join(FIXTURES, file), 'utf8'), { file, ...(sellers ? { sellers } : {}) });
}

describe('digestCall', () => {
  const pitch = call('calls/demo-call-seller-pitch.txt');
  const d = digestCall(pitch, rules);

  it('puts the top changes first: the tips, with their points and a quote of the rule', () => {
    expect(d.changes.map((c) => c.ruleId)).toEqual(pitch.tips.map((t) => t.ruleId));
    for (const c of d.changes) {
      // A change is worth points, or it harms the buyer (pressure, a brushed-off concern) and is worth fixing whatever the points.
      expect(c.points > 0 || c.harm > 2).toBe(true);
      expect(c.worth).toBe(c.points > 0 ? `+${c.points} point${c.points === 1 ? '' : 's'}` : 'harms the buyer');
      if (c.quote) expect(pitch.findings.some((f) => f.ruleId === c.ruleId && f.text === c.quote!.text)).toBe(true);
    }
  });

  it('groups habits by rule, worst first, with the message once and at most three quotes', () => {
    expect(d.habits.length).toBeGreaterThan(1);
    const ids = d.habits.map((h) => h.ruleId);
    expect(new Set(ids).size).toBe(ids.length);
    for (let i = 1; i < d.habits.length; i++) {
      const [a, b] = [d.habits[i - 1]!, d.habits[i]!];
      expect(RANK[a.severity] < RANK[b.severity] || (RANK[a.severity] === RANK[b.severity] && a.harm >= b.harm)).toBe(true);
    }
    for (const h of d.habits) {
      expect(h.quotes.length).toBeLessThanOrEqual(DEFAULT_QUOTES);
      expect(h.quotes.length + h.more).toBe(h.count);
      expect(h.focus).toBe('seller-centric');
    }
  });

  it('shows every quote with --max-findings all', () => {
    const all = digestCall(pitch, rules, { maxQuotes: Infinity });
    for (const h of all.habits) expect(h.more).toBe(0);
  });

  it('marks a habit that is one of the changes, so a view need not repeat its suggestion', () => {
    const marked = d.habits.filter((h) => h.change !== undefined);
    for (const h of marked) expect(d.changes[h.change! - 1]!.ruleId).toBe(h.ruleId);
  });

  it('counts as every other view does: the groups, the shape flags and the jumps add up to the one count', () => {
    const counts = countFindings(pitch.findings);
    expect(d.counts).toEqual(counts);
    const flagged = d.shape.filter((s) => s.flag).length;
    const habits = d.habits.reduce((s, h) => s + h.count, 0);
    expect(habits + flagged + d.journey.jumps.length).toBe(counts.sellerCentric);
    expect(pitch.metrics.sellerCentricCount).toBe(counts.sellerCentric);
  });

  it('says the journey in words: steps in order, who led each, the jumps', () => {
    expect(d.journey.sentence).toMatch(/led/);
    expect(d.journey.sentence).not.toMatch(/[cREDO]{4}/);
    expect(d.journey.steps.map((s) => s.step)).toEqual(['connect', 'reasons', 'explore', 'decide', 'own']);
  });

  it('gives quotes of a timed transcript their cue time', () => {
    const timed = digestCall(call('formats/conversation.zoom.vtt'), rules);
    const quotes = [...timed.habits, ...timed.strengths].flatMap((g) => g.quotes);
    expect(quotes.length).toBeGreaterThan(0);
    for (const q of quotes) expect(q.at).toMatch(/^\d+:\d\d$/);
  });

  it('gives a call that was not judged its reason and nothing else', () => {
    const meeting = analyze('Ana: Shall we go over the sprint board?\nBo: Sure, the login bug is done.\nAna: Great, and the release notes?\n', { file: 'standup.txt' });
    const m = digestCall(meeting, rules);
    if (meeting.score === null) {
      expect(m.verdict).toMatch(/^not judged/);
      expect(m.habits).toEqual([]);
    } else expect(m.score).toBe(meeting.score);
  });
});
