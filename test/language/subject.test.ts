// Whom a sentence is about: the opening word, an introductory phrase, or compromise's parse (--deep-parse).
import { describe, expect, it } from 'vitest';
import { subjectSide, sentenceFocus } from '../../src/language/subject.js';
import { analyze } from '../../src/analyze.js';
import { tokenize } from '../../src/language/tokens.js';

const side = (s: string, deep = false) => subjectSide(s, tokenize(s).map((t) => t.word), deep);

describe('subject side', () => {
  it.each([
    ['Honestly our platform handles all of it.', 'seller'],
    ['We built the whole suite in house.', 'seller'],
    ['Your team would see the numbers on Monday.', 'buyer'],
    ['I can send that over.', 'seller-person'],
    ['For the backup, we offer a second line.', 'seller'],
  ])('%s -> %s', (s, want) => {
    expect(side(s)).toBe(want);
  });
  it('leaves a late subject to compromise, and only with deep parsing', () => {
    const s = 'Our own engineers and the partners in our network handle every install.';
    expect(side(s)).toBe('seller');
    expect(side('The team we built handles every install.')).toBe('other');
    expect(sentenceFocus('Your crew would get the schedule every morning.').subject).toBe('buyer');
  });
});

describe('the seller-as-subject rule', () => {
  const ids = (s: string, deepParse = false) => analyze(`Rep: ${s}\n`, { sellers: ['Rep'], deepParse }).findings.map((f) => f.ruleId);
  it('flags the company as the subject of a statement about the offer', () => {
    expect(ids('We keep our pricing flat because it makes life easier for our reps.')).toContain('seller-as-subject');
  });
  it('leaves logistics and sentences that bring in the buyer alone', () => {
    expect(ids('We can push the meeting to next week.')).not.toContain('seller-as-subject');
    expect(ids('We keep the pricing flat so your team can plan the budget.')).not.toContain('seller-as-subject');
  });
  it('gives the same result with and without deep parsing when the opening settles it', () => {
    const s = 'We keep our pricing flat because it makes life easier for our reps.';
    expect(ids(s, true)).toEqual(ids(s, false));
  });
});
