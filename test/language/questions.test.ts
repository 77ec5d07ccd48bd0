// Questions without punctuation: wh-words, inversion, requests and tags; leading questions from the lexicon's phrases.
import { describe, expect, it } from 'vitest';
import { builtinEngine } from '../../src/analyze.js';
import { classifyQuestion, questionCues } from '../../src/language/questions.js';
import { tokenize } from '../../src/language/tokens.js';

const cues = builtinEngine().questions;
const q = (s: string) => classifyQuestion(tokenize(s), s.trim().endsWith('?'), s, cues);

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

describe('leading-question phrases are rule data', () => {
  it('reads them from the lexicon, contractions expanded as the tokenizer does', () => {
    const own = questionCues(new Map([['leading-question', ["isn't it great", 'you agree']]]));
    expect(own.leading).toEqual([['is', 'not', 'it', 'great'], ['you', 'agree']]);
    const sentence = 'you agree this is the best option for the team';
    expect(classifyQuestion(tokenize(sentence), false, sentence, own)).toEqual({ isQuestion: true, type: 'leading' });
    expect(classifyQuestion(tokenize(sentence), false, sentence, { leading: [] })).toEqual({ isQuestion: false });
  });

  it('finds a phrase anywhere in the sentence, among phrases sharing its first word', () => {
    const own = questionCues(new Map([['leading-question', ['you agree with me', 'you agree', 'you would say']]]));
    const later = 'so for the team this is the best option you would say';
    expect(classifyQuestion(tokenize(later), false, later, own)).toEqual({ isQuestion: true, type: 'leading' });
    const near = 'so you would not say that';
    expect(classifyQuestion(tokenize(near), false, near, own).type).not.toBe('leading');
  });
});
