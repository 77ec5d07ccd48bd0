// One data-driven test for every rule, RuleTester-style: each example a rule flags gives exactly one
// finding of that rule, quoting the expected words (or carrying the expected message, for metrics),
// or, where a stronger rule of the same kind matched the same sentence, a finding that lists it (a
// sentence carries one finding); each example it leaves alone gives none. Sentence kinds judge
// "Seller: <example>"; call kinds the example as a whole transcript.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { loadRules } from '../../src/rules/load.js';
import { KINDS } from '../../src/kinds/index.js';
import type { Finding, Rule } from '../../src/types.js';

const { rules } = loadRules();

function allFindings(rule: Rule, example: string): Finding[] {
  const transcript = KINDS[rule.kind].judges === 'call' ? example : `Seller: ${example}\n`;
  return analyze(transcript, { sellers: ['Seller'] }).findings;
}

function findingsOf(rule: Rule, example: string): Finding[] {
  return allFindings(rule, example).filter((f) => f.ruleId === rule.id);
}

const short = (text: string) => (text.length > 70 ? `${text.slice(0, 67).replace(/\n/g, ' / ')}...` : text.replace(/\n/g, ' / '));

describe('every rule', () => {
  it('has been loaded, every kind among them', () => {
    expect(rules.length).toBeGreaterThanOrEqual(15);
    expect(new Set(rules.map((r) => r.kind))).toEqual(new Set(Object.keys(KINDS)));
  });
  for (const rule of rules) {
    describe(rule.id, () => {
      it('has at least one example it flags, each with what it must report, and one it leaves alone', () => {
        expect(rule.examples.flag.length).toBeGreaterThan(0);
        expect(rule.examples.pass.length).toBeGreaterThan(0);
        for (const example of rule.examples.flag) {
          if (rule.kind === 'metric') expect(example.message, 'a metric example gives the message').toBeDefined();
          else expect(example.match, 'an example gives the words it flags').toBeDefined();
        }
      });
      if (rule.kind === 'metric') {
        it('carries the evidence or rationale behind its threshold', () => {
          expect(rule.rationale ?? rule.evidence).toBeTruthy();
        });
      }
      for (const example of rule.examples.flag) {
        it(`flags: ${short(example.text)}`, () => {
          const all = allFindings(rule, example.text);
          const found = all.filter((f) => f.ruleId === rule.id);
          const listed = all.filter((f) => f.alsoMatched?.includes(rule.id));
          expect(found.length + listed.length, `findings of ${rule.id}`).toBe(1);
          if (example.match !== undefined && found.length) expect(found[0]!.match).toBe(example.match);
          if (example.message !== undefined) expect(found[0]!.message).toBe(example.message);
        });
      }
      for (const example of rule.examples.pass) {
        it(`leaves alone: ${short(example)}`, () => {
          expect(findingsOf(rule, example)).toEqual([]);
          expect(allFindings(rule, example).filter((f) => f.alsoMatched?.includes(rule.id))).toEqual([]);
        });
      }
    });
  }
});

describe('#num in patterns', () => {
  it('matches numbers written in digits, not words', async () => {
    const { compilePattern } = await import('../../src/patterns/compile.js');
    const { findMatch } = await import('../../src/patterns/match.js');
    const { tokenize } = await import('../../src/language/tokens.js');
    const p = compilePattern('#num customers', new Map());
    expect(findMatch(p, tokenize('we have 4,000 customers'))).not.toBeNull();
    expect(findMatch(p, tokenize('we have many customers'))).toBeNull();
  });
});
