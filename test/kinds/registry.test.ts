// The kind contract: every kind validates its own fields, and a field of another kind is named as such.
import { describe, expect, it } from 'vitest';
import { KINDS } from '../../src/kinds/index.js';
import { validateRule } from '../../src/rules/validate.js';
import { RuleError } from '../../src/errors.js';

const base = { focus: 'seller-centric', description: 'd', message: 'm', suggestion: 's', examples: { flag: [{ text: 'x', match: 'x' }], pass: [] } };
const validate = (raw: object) => validateRule(raw, 'custom/r.yaml', { id: 'my-rule', category: 'custom' }, new Map());
const problem = (raw: object) => {
  try {
    validate(raw);
  } catch (e) {
    if (e instanceof RuleError) return e.message;
    throw e;
  }
  return undefined;
};

describe('the kinds', () => {
  it('each have a distinct order, fields of their own, and say what they judge', () => {
    const kinds = Object.values(KINDS);
    expect(new Set(kinds.map((k) => k.order)).size).toBe(kinds.length);
    const fields = kinds.flatMap((k) => k.fields);
    expect(new Set(fields).size).toBe(fields.length);
    expect(kinds.filter((k) => k.judges === 'call').map((k) => k.name)).toEqual(['metric', 'sequence']);
  });

  it('validate their own fields', () => {
    expect(problem({ ...base, kind: 'phrase' })).toBe('custom/r.yaml: rule "my-rule", field "patterns": a phrase rule needs at least one pattern');
    expect(problem({ ...base, kind: 'question', questionTypes: ['rhetorical'] })).toBe('custom/r.yaml: rule "my-rule", field "questionTypes": expected open, closed, leading, got "rhetorical"');
    expect(problem({ ...base, kind: 'subject' })).toBe('custom/r.yaml: rule "my-rule", field "subject": expected one of seller, buyer');
    // The model kind has no fields of its own: the classifier's old threshold is now unknown.
    expect(problem({ ...base, kind: 'model', minConfidence: 0.5 })).toMatch(/^custom\/r\.yaml: rule "my-rule" has an unknown field "minConfidence"/);
    expect(problem({ ...base, kind: 'metric', metric: { name: 'sellerTalkShare' } })).toBe('custom/r.yaml: rule "my-rule", field "metric": give max or min');
    expect(problem({ ...base, kind: 'sequence', sequence: { categories: ['pressure'], buyerStep: 'later', neverMessage: 'n' } })).toBe('custom/r.yaml: rule "my-rule", field "sequence.buyerStep": expected one of connect, reasons, explore, decide, own');
  });

  it('check a buyerSuggestion quotes the buyer', () => {
    expect(problem({ ...base, kind: 'phrase', patterns: ['we'], buyerSuggestion: 'Ask them instead.' })).toBe('custom/r.yaml: rule "my-rule", field "buyerSuggestion": expected a suggestion that quotes the buyer as {buyer}');
  });

  it('name a field that belongs to another kind', () => {
    expect(problem({ ...base, kind: 'phrase', patterns: ['we'], metric: { name: 'sellerTalkShare', max: 1 } })).toBe('custom/r.yaml: rule "my-rule" has the field "metric", which only metric rules take');
    expect(problem({ ...base, kind: 'focus' })).toBe('custom/r.yaml: rule "my-rule", field "kind": expected one of phrase, question, subject, model, metric, sequence');
  });

  it('read examples with the words they must quote, and check the words stand in the example', () => {
    expect(validate({ ...base, kind: 'phrase', patterns: ['we'], examples: { flag: ['we offer', { text: 'our team', match: 'our' }], pass: ['you'] } }).examples).toEqual({ flag: [{ text: 'we offer' }, { text: 'our team', match: 'our' }], pass: ['you'] });
    expect(problem({ ...base, kind: 'phrase', patterns: ['we'], examples: { flag: [{ text: 'our team', match: 'their' }], pass: [] } })).toBe('custom/r.yaml: rule "my-rule", field "examples.flag[0].match": expected words that stand in the example\'s text, got "their"');
  });
});
