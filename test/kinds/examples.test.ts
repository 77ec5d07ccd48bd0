// One data-driven test for every rule: its own examples must be flagged or left alone as stated.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { loadRules } from '../../src/rules/load.js';

const { rules } = loadRules();

function rulesFiring(sentence: string): string[] {
  const report = analyze(`Seller: ${sentence}\n`, { sellers: ['Seller'] });
  return report.findings.filter((f) => f.scope !== 'call').map((f) => f.ruleId);
}

describe('every rule', () => {
  it('has been loaded', () => {
    expect(rules.length).toBeGreaterThanOrEqual(15);
  });
  for (const rule of rules) {
    describe(rule.id, () => {
      if (rule.kind !== 'metric') {
        it('has at least one example it flags and one it leaves alone', () => {
          expect(rule.examples.flag.length).toBeGreaterThan(0);
          expect(rule.examples.pass.length).toBeGreaterThan(0);
        });
      } else {
        it('carries the evidence or rationale behind its threshold', () => {
          expect(rule.metric).toBeDefined();
          expect(rule.rationale ?? rule.evidence).toBeTruthy();
        });
      }
      for (const sentence of rule.examples.flag) {
        it(`flags: ${sentence}`, () => {
          expect(rulesFiring(sentence)).toContain(rule.id);
        });
      }
      for (const sentence of rule.examples.pass) {
        it(`leaves alone: ${sentence}`, () => {
          expect(rulesFiring(sentence)).not.toContain(rule.id);
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
