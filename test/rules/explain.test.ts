// `buyerside explain`: a rule's purpose, threshold, evidence, examples (with the words each flags) and better phrasing.
import { describe, expect, it } from 'vitest';
import { builtinEngine } from '../../src/analyze.js';
import { explainRule } from '../../src/rules/explain.js';

const rule = (id: string) => builtinEngine().byId.get(id)!;

describe('explainRule', () => {
  it('lists each example it flags with the words it flags', () => {
    const text = explainRule(rule('deadline-pressure'));
    expect(text).toContain('Flags\n  - This pricing is only good until Friday, so I would get the paperwork in today.\n    (the words it flags: "paperwork in today")\n');
    expect(text).toContain('Leaves alone\n  - There is no rush at all; decide when it feels right for your family.\n');
    expect(text).not.toContain('[object Object]');
  });

  it('shows a metric rule its threshold, and its transcripts indented with the message they give', () => {
    const text = explainRule(rule('seller-talk-share'));
    expect(text).toContain('Threshold\n  sellerTalkShare: at most 0.65\n');
    expect(text).toContain('\n    Buyer: Okay.\n    (it says: "The seller talked for most of the call (96% is above the limit of 65%)")\n');
  });
});

describe('explain placeholders', () => {
  it('prints no raw {match} or {buyer} for any built-in rule, and fills {match} from the first example', async () => {
    const { loadRules } = await import('../../src/rules/load.js');
    const { explainRule } = await import('../../src/rules/explain.js');
    const rules = loadRules().rules;
    const templated = rules.filter((r) => /\{match\}/.test(r.suggestion));
    expect(templated.length).toBeGreaterThan(0);
    for (const rule of rules) expect(explainRule(rule), rule.id).not.toMatch(/\{(match|buyer)\}/);
    const rule = templated[0]!;
    const match = rule.examples.flag.find((e) => e.match)!.match!;
    expect(explainRule(rule)).toContain(rule.suggestion.split('{match}').join(match));
  });
});
