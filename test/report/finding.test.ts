// One function builds every finding: words with their place in the file, or the call as a whole with none.
import { describe, expect, it } from 'vitest';
import { createFinding, countsInLanguage, isJourneyJump, isSuppressed, namesAHabit } from '../../src/report/finding.js';
import type { Rule } from '../../src/types.js';

const rule: Rule = {
  id: 'deadline-pressure',
  kind: 'phrase',
  focus: 'seller-centric',
  category: 'pressure',
  severity: 'error',
  description: 'd',
  message: 'Deadlines serve the seller.',
  suggestion: 'Take the clock out of "{match}".',
  examples: { flag: [], pass: [] },
};

describe('createFinding', () => {
  it('places words in the file, quotes them in the suggestion, and keeps one key order', () => {
    const f = createFinding({
      rule,
      place: { speaker: 'Trevor', turn: 4, text: 'Sign by Friday.', match: 'Sign by Friday', line: 9, range: { line: 9, column: 10, endLine: 9, endColumn: 24 }, time: 12.5 },
    });
    expect(f).toEqual({
      ruleId: 'deadline-pressure',
      kind: 'seller-centric',
      category: 'pressure',
      severity: 'error',
      speaker: 'Trevor',
      line: 9,
      column: 10,
      endLine: 9,
      endColumn: 24,
      time: 12.5,
      turn: 4,
      text: 'Sign by Friday.',
      match: 'Sign by Friday',
      message: 'Deadlines serve the seller.',
      suggestion: 'Take the clock out of "Sign by Friday".',
    });
    expect(Object.keys(f)).toEqual(['ruleId', 'kind', 'category', 'severity', 'speaker', 'line', 'column', 'endLine', 'endColumn', 'time', 'turn', 'text', 'match', 'message', 'suggestion']);
  });

  it('gives a finding about the whole call no speaker, turn or position', () => {
    const f = createFinding({ rule: { ...rule, kind: 'metric' }, message: 'The seller talked most (82% is above the limit of 65%)', scope: 'call' });
    expect(f).toEqual({ ruleId: 'deadline-pressure', kind: 'seller-centric', category: 'pressure', severity: 'error', text: '', match: '', message: 'The seller talked most (82% is above the limit of 65%)', suggestion: 'Take the clock out of "".', scope: 'call' });
    expect(countsInLanguage(f)).toBe(false);
    expect(isJourneyJump(f)).toBe(false);
  });

  it('points a journey jump at the finding that made it', () => {
    const at = createFinding({ rule, place: { speaker: 'Trevor', turn: 4, text: 'Sign by Friday.', match: 'Sign by Friday', line: 9, range: { line: 9, column: 10, endLine: 9, endColumn: 24 } } });
    const jump = createFinding({ rule: { ...rule, id: 'closed-before-decision', kind: 'sequence' }, at, message: 'the seller pushed to close', scope: 'call' });
    expect([jump.line, jump.column, jump.endColumn, jump.turn, jump.speaker, jump.match]).toEqual([9, 10, 24, 4, 'Trevor', 'Sign by Friday']);
    expect(isJourneyJump(jump)).toBe(true);
    expect(countsInLanguage(jump)).toBe(false);
  });

  it('marks what a directive accepts, which then does not count', () => {
    const suppressions = [{ line: 9, ruleIds: ['deadline-pressure'] }, { line: 12, ruleIds: [] }];
    expect([isSuppressed(suppressions, 'deadline-pressure', 9), isSuppressed(suppressions, 'other', 9), isSuppressed(suppressions, 'other', 12), isSuppressed(suppressions, 'x', undefined)]).toEqual([true, false, true, false]);
    const f = createFinding({ rule, place: { speaker: 'T', turn: 0, text: 'a', match: 'a', line: 9 }, suppressed: true });
    expect([f.suppressed, f.column, countsInLanguage(f)]).toEqual([true, undefined, false]);
  });

  it('leaves the classifier out of coaching, by kind', () => {
    expect(namesAHabit('model')).toBe(false);
    expect(namesAHabit('phrase')).toBe(true);
  });
});
