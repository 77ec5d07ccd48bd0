/**
 * The phrase kind: any of the rule's patterns matches, every `requires` pattern matches, no
 * exception does, the match is not negated, and a list rule's sentence names enough items.
 */
import { findMatch } from '../patterns/match.js';
import { isNegated } from '../language/negation.js';
import type { JudgedSentence, SentenceKind } from './types.js';

export const phrase: SentenceKind = {
  name: 'phrase',
  judges: 'sentence',
  order: 0,
  indexed: true,
  fields: ['minItems'],
  needsExamples: true,
  validate(fields, rule) {
    if (!rule.patterns?.length) throw fields.fail('patterns', 'a phrase rule needs at least one pattern');
    return fields.has('minItems') ? { minItems: fields.number('minItems', { min: 2, max: 20, integer: true }, 'a whole number from 2 to 20') } : {};
  },
  check(compiled, ctx) {
    const { tokens } = ctx.sentence;
    for (const pattern of ctx.candidates.get(compiled) ?? compiled.patterns) {
      // A negated match ("I won't bore you with our history") may be followed by a real one ("but we ...").
      let span = findMatch(pattern, tokens);
      while (span && isNegated(tokens, span.from)) span = findMatch(pattern, tokens, span.from + 1);
      if (!span) continue;
      if (compiled.exceptions.some((e) => findMatch(e, tokens))) return null;
      if (!compiled.requires.every((r) => findMatch(r, tokens))) return null;
      if (compiled.rule.minItems && listItems(ctx.sentence, span.to) < compiled.rule.minItems) return null;
      return span;
    }
    return null;
  },
};

/**
 * Items in a list after the match: commas, "and", "plus". Speech-to-text has no commas, so there
 * a long run of words after the match counts as a list too.
 */
export function listItems(sentence: Pick<JudgedSentence, 'text' | 'tokens'>, after: number): number {
  const rest = sentence.tokens.slice(after);
  if (rest.length === 0) return 0;
  // ", and" is one separator, not two.
  const tail = sentence.text.slice(rest[0]!.start).replace(/[,;]\s*(?:and|plus)\b/gi, ',');
  const separators = (tail.match(/[,;]/g)?.length ?? 0) + (tail.match(/\b(?:and|plus)\b/gi)?.length ?? 0);
  if (!/[,.;]/.test(sentence.text) && rest.length >= 10) return Math.max(separators + 1, 3);
  return separators + 1;
}
