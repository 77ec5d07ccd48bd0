// Judging seller language as a coach would: leading questions, declined pitches, "let's", ownership, logistics.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';

const kinds = (sentence: string) => {
  const r = analyze(`Rep: ${sentence}\n`, { sellers: ['Rep'] });
  return r.findings.filter((f) => f.scope !== 'call').map((f) => f.kind);
};

describe('judging seller language', () => {
  it('a leading question about the offering is seller-centric, not discovery', () => {
    expect(kinds("Wouldn't you say our dashboard is the cleanest one you've seen?")).toEqual(['seller-centric']);
  });
  it('a declined pitch is not a pitch', () => {
    expect(kinds("I'm not going to take you through slides today.")).not.toContain('seller-centric');
    expect(kinds("we don't need to get into our product yet")).not.toContain('seller-centric');
  });
  it('a denial before a pitch does not hide the pitch', () => {
    expect(kinds("I'm not here to pressure anyone, but this price is only good until Friday.")).toContain('seller-centric');
  });
  it('"let\'s" on the buyer\'s problem is buyer ownership, for scheduling it is neither', () => {
    expect(new Set(kinds("Let's figure out together what your team actually needs first."))).toEqual(new Set(['buyer-ownership']));
    expect(kinds("Let's pick this up again on Thursday.")).toEqual([]);
  });
  it('ownership framing about life after buying', () => {
    expect(kinds('once your drivers are using it every day what do you want them to stop doing')).toContain('buyer-ownership');
    expect(kinds('What would you do with the hours you get back each week?')).toContain('buyer-ownership');
  });
  it('neutral logistics that mention "you" are not discovery', () => {
    expect(kinds('What time zone are you in?')).toEqual([]);
    expect(kinds("I'll send the invite to your assistant.")).toEqual([]);
  });
});
