// The score: stable, explained by its components, and lower for a pitch than for a buyer-led call.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';

describe('score', () => {
  const call = [
    'Ana: Thanks for the time. What made you start looking at this now?',
    'Ben: Our dispatch board breaks every Monday and the drivers wait around for an hour.',
    'Ana: So the Monday wait is what hurts most. What would your drivers do with that hour back?',
    'Ben: Honestly, they would finish routes before the school pickup. That matters to them.',
    'Ana: Our software won three awards and we have two thousand customers in nine countries.',
    'Ben: Okay.',
  ].join('\n');
  it('is stable and moves little when neutral small talk is appended', () => {
    const a = analyze(call, { sellers: ['Ana'] }).score;
    expect(analyze(call, { sellers: ['Ana'] }).score).toBe(a);
    const b = analyze(call + '\nAna: How was the weekend?\nBen: Good, we went hiking.\nAna: Nice, the weather was great.', { sellers: ['Ana'] }).score;
    expect(Math.abs(a - b)).toBeLessThanOrEqual(5);
  });
  it('shows its components, which add up to the score', () => {
    const r = analyze(call, { sellers: ['Ana'] });
    const sum = r.scoreComponents.reduce((s, c) => s + c.points, 0);
    expect(Math.abs(sum - r.score)).toBeLessThanOrEqual(1);
  });
  it('ranks a pitch below a buyer-led call', () => {
    const pitch = [
      'Ana: Let me take you through our deck. We were founded in 2009 and we have two thousand customers.',
      'Ben: Okay.',
      'Ana: The platform has routing, invoicing, payroll, tracking and a mobile app. This price is only good until Friday.',
      'Ben: I see.',
    ].join('\n');
    expect(analyze(pitch, { sellers: ['Ana'] }).score).toBeLessThan(analyze(call, { sellers: ['Ana'] }).score);
  });
});
