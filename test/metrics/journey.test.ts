// The journey and its jumps: where the seller presented or closed before the buyer got there.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';

describe('journey', () => {
  it('flags presenting before any buyer reason and closing before any decision', () => {
    const r = analyze(['Ana: Let me take you through our deck right away.', 'Ben: Okay.', 'Ana: If you sign today I can take ten percent off.', 'Ben: Hmm.'].join('\n'), { sellers: ['Ana'] });
    const jumps = r.findings.filter((f) => f.category === 'journey');
    expect(jumps.map((j) => [j.ruleId, j.line, j.match])).toEqual([
      ['closed-before-decision', 3, 'sign today'],
      ['presented-before-reasons', 1, 'Let me take you through our deck'],
    ]);
    expect(jumps.map((j) => j.message)).toEqual(['the seller pushed to close before the buyer raised a decision', 'the seller presented, and the buyer never gave a reason of their own']);
    expect(r.journey.sequence).toHaveLength(4);
  });
});
