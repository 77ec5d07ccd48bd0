// The hard cases a coach would check: questions without punctuation, negation, "let's", roles, score stability.
import { describe, expect, it } from 'vitest';
import { analyze, builtinEngine } from '../../src/analyze.js';
import { classifyQuestion } from '../../src/language/questions.js';
import { tokenize } from '../../src/language/tokens.js';
import { decideRoles } from '../../src/roles/detect.js';
import { parseText } from '../../src/transcript/index.js';

const cues = builtinEngine().questions;
const q = (s: string) => classifyQuestion(tokenize(s), s.trim().endsWith('?'), s, cues);
const kinds = (sentence: string) => {
  const r = analyze(`Rep: ${sentence}\n`, { sellers: ['Rep'] });
  return r.findings.filter((f) => f.scope !== 'call').map((f) => f.kind);
};

describe('questions without punctuation', () => {
  it.each([
    ['so what does your crew do when a part arrives late', 'open'],
    ['tell me about the last time the system went down', 'open'],
    ['help me understand who signs off on this', 'open'],
    ['could we look at the numbers from march', 'closed'],
    ['do you have the invoice handy', 'closed'],
    ["you've got three sites and one scheduler is that right", 'closed'],
    ["wouldn't you agree our app is the easiest to use", 'leading'],
    ["isn't it obvious this saves you money", 'leading'],
  ])('%s -> %s', (sentence, type) => {
    expect(q(sentence)).toEqual({ isQuestion: true, type });
  });
  it.each(["what i'm going to do is share the pricing", 'we shipped the update last week', 'when you sign up you get a welcome kit', 'When something breaks, you know right away'])('%s is a statement', (s) => {
    expect(q(s).isQuestion).toBe(false);
  });
  it('trusts a full stop in written text, and looks further only in speech-to-text', () => {
    const written = "It'll tell you exactly which step is at risk and what to do.";
    expect(classifyQuestion(tokenize(written), false, written, cues).isQuestion).toBe(false);
    const spoken = 'so before we start what got you looking at this';
    expect(classifyQuestion(tokenize(spoken), false, spoken, cues)).toEqual({ isQuestion: true, type: 'open' });
  });
});

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

describe('roles', () => {
  const t = parseText([
    'Priya: Hello, Priya speaking.',
    'Omar: Hi Priya, this is Omar from Northwind Solar, thanks for taking the time today.',
    'Priya: Sure.',
    'Omar: What got you thinking about panels this year?',
    'Priya: Our bills doubled and we have a new baby at home.',
    'Omar: Our panels come with a twenty five year warranty and our team handles the permits.',
  ].join('\n'));
  it('detects the seller from what they say, even when the buyer speaks first', () => {
    const roles = decideRoles(t.turns);
    expect(roles.find((r) => r.name === 'Omar')).toMatchObject({ role: 'seller', method: 'detected' });
    expect(roles.find((r) => r.name === 'Priya')).toMatchObject({ role: 'buyer' });
  });
  it('uses given names, case-insensitively', () => {
    const roles = decideRoles(t.turns, { sellers: ['priya'] });
    expect(roles.find((r) => r.name === 'Priya')).toMatchObject({ role: 'seller', method: 'given' });
  });
  it('judges no conversation shape in a one-speaker script, even when the seller is named', () => {
    const r = analyze('Coach: Let me walk you through our deck.\n', { sellers: ['Coach'] });
    expect(r.findings.filter((f) => f.scope === 'call').map((f) => f.ruleId)).toEqual([]);
  });
  it('treats a single speaker as a script', () => {
    const r = analyze('Coach: Let me walk you through our deck.\nCoach: It has forty slides.\n');
    expect(r.roles).toEqual([expect.objectContaining({ name: 'Coach', role: 'seller', method: 'script' })]);
    expect(r.findings.some((f) => f.kind === 'seller-centric')).toBe(true);
  });
});

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
