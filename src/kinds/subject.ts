/**
 * The subject kind: the sentence's grammatical subject is on the rule's side (read from its opening
 * words, or parsed by compromise), one of the rule's patterns matches (what the sentence is about),
 * and no exception does. The parse runs only on sentences no other rule matched and whose words could qualify.
 */
import { findMatch } from '../patterns/match.js';
import { openingSide, subjectSide } from '../language/subject.js';
import { declines } from '../language/negation.js';
import type { SentenceKind } from './types.js';

const SELLER_WORDS = new Set(['we', 'our', 'us', 'ours']);
const BUYER_WORDS = new Set(['you', 'your', 'yours']);

export const subject: SentenceKind = {
  name: 'subject',
  judges: 'sentence',
  order: 4,
  indexed: false,
  fields: ['subject'],
  needsExamples: true,
  validate(fields) {
    return { subject: fields.oneOf<'seller' | 'buyer'>('subject', ['seller', 'buyer']) };
  },
  check(compiled, ctx) {
    const { tokens, text, question } = ctx.sentence;
    if (ctx.earlier.any || question.isQuestion || tokens.length < 4 || declines(tokens)) return null;
    const side = compiled.rule.subject === 'buyer' ? BUYER_WORDS : SELLER_WORDS;
    if (!tokens.slice(0, 6).some((t) => side.has(t.word))) return null;
    // Cheap checks first: the opening word usually settles the subject without a parse.
    const words = tokens.map((t) => t.word);
    const opening = openingSide(words);
    if (opening !== undefined && opening !== compiled.rule.subject) return null;
    const span = compiled.patterns.map((p) => findMatch(p, tokens)).find((s) => s !== null);
    if (compiled.patterns.length > 0 && !span) return null;
    if (compiled.exceptions.some((e) => findMatch(e, tokens))) return null;
    if (opening === undefined && subjectSide(text, words, ctx.deepParse) !== compiled.rule.subject) return null;
    return span ?? { from: 0, to: tokens.length };
  },
};
