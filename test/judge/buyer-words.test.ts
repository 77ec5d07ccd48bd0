// Suggestions in the buyer's words: where the buyer said why they are looking, a rule with a
// buyerSuggestion quotes them; with nothing to quote, the rule's own suggestion stands.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';

const pitch = 'Sam: Great, so our platform has forecasting, dashboards, call recording, an AI copilot and a mobile app.';

describe('suggestions in the buyer\'s words', () => {
  it('quote what the buyer said about their own situation', () => {
    const call = ['Sam: What made you look at this now?', 'Lena: Our reps are spending half their day on admin work.', pitch].join('\n');
    const f = analyze(call, { sellers: ['Sam'] }).findings.find((x) => x.line === 3 && x.kind === 'seller-centric')!;
    expect(f.suggestion).toContain('“Our reps are spending half their day on admin work”');
    expect(f.suggestion).not.toContain('night shifts');
  });

  it('fall back to the rule\'s own suggestion when the buyer has said nothing to quote', () => {
    const call = ['Sam: Hi Lena, thanks for the time.', 'Lena: Sure.', pitch].join('\n');
    const f = analyze(call, { sellers: ['Sam'] }).findings.find((x) => x.line === 3 && x.kind === 'seller-centric')!;
    expect(f.suggestion).not.toContain('“');
  });

  it('quote only what the buyer said before the finding', () => {
    const call = [pitch, 'Lena: Our reps are spending half their day on admin work.'].join('\n');
    const f = analyze(call, { sellers: ['Sam'] }).findings.find((x) => x.line === 1 && x.kind === 'seller-centric')!;
    expect(f.suggestion).not.toContain('admin work');
  });
});
