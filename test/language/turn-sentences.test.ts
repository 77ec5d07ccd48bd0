/**
 * A turn's sentences are tokenized once and shared by the speech models, the sentence judge and the
 * buyer's quotable words: what they read must be what each got by tokenizing for itself.
 */
import { describe, expect, it } from 'vitest';
import { tokenizedSentences } from '../../src/language/turn-sentences.js';
import { splitSentences } from '../../src/language/sentences.js';
import { tokenize } from '../../src/language/tokens.js';
import { chunkFeatures, speechChunks, speechFeatures, turnSpeechChunks } from '../../src/roles/speech.js';
import type { Turn } from '../../src/types.js';

const turn = (text: string): Turn => ({ speaker: 'Dana', text, line: 1, pieces: [{ at: 0, line: 1 }] }) as Turn;

const LONG = Array.from({ length: 47 }, (_, i) => ['so', 'like', 'we', "we're", 'um', 'platform', 'your', 'team'][i % 8]).join(' ');
const TEXTS = [
  "We're the leading platform. What's driving that for you? Um, like, I'd say it's like that.",
  `${LONG}. And then, you know, how does your team handle it?`,
  'Dr. Amato said 4,000 seats; e.g. the $500 plan… right?',
  '',
];

describe('tokenizedSentences', () => {
  it('gives splitSentences with each sentence tokenized', () => {
    for (const text of TEXTS) {
      const want = splitSentences(text).map((s) => ({ ...s, tokens: tokenize(s.text) }));
      expect(tokenizedSentences(turn(text))).toEqual(want);
    }
  });

  it('reads a turn again when its text changed', () => {
    const t = turn('We sell. You buy.');
    expect(tokenizedSentences(t).map((s) => s.text)).toEqual(['We sell.', 'You buy.']);
    t.text = 'Our platform wins?';
    expect(tokenizedSentences(t).map((s) => s.text)).toEqual(['Our platform wins?']);
  });
});

describe('turnSpeechChunks', () => {
  it('reads the stretches the speech model was trained on (speechChunks and speechFeatures)', () => {
    for (const text of TEXTS) {
      const want = speechChunks(text).map((c) => ({ features: speechFeatures(c), words: c.split(/\s+/).length }));
      // A chunk keeps its words; the features the models read are made from them.
      expect(turnSpeechChunks(turn(text)).map((c) => ({ features: chunkFeatures(c), words: c.words }))).toEqual(want);
    }
  });
});
