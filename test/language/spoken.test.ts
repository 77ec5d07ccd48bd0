// Unpunctuated speech-to-text turns are cut into sentence-sized pieces by the trained boundary
// model; the pieces keep their offsets into the turn.
import { describe, expect, it } from 'vitest';
import { models } from '../../src/model/bundle.js';
import { isUnpunctuated, splitSpoken } from '../../src/language/spoken.js';

describe('speech boundaries', () => {
  const boundary = models().boundary;
  const turn = "okay so what brings you in today how many miles are on the old one and what do you like about it";

  it('cuts a run-on turn where a writer would end a sentence', () => {
    const pieces = splitSpoken(turn, boundary).map((p) => p.text);
    expect(pieces[0]).toBe('okay so what brings you in today');
    expect(pieces.some((p) => p.startsWith('how many miles'))).toBe(true);
  });

  it('keeps offsets that point back into the turn', () => {
    for (const p of splitSpoken(turn, boundary)) expect(turn.slice(p.start, p.start + p.text.length)).toBe(p.text);
  });

  it('never starts a piece with "but", so a disclaimer stays with its push', () => {
    const pieces = splitSpoken("i don't want to be pushy but this price goes away on friday so what do you think", boundary).map((p) => p.text);
    expect(pieces.some((p) => /^but\b/.test(p))).toBe(false);
  });

  it('tells punctuated text from unpunctuated', () => {
    expect(isUnpunctuated(turn)).toBe(true);
    expect(isUnpunctuated('What brings you in? How many miles.')).toBe(false);
  });
});
