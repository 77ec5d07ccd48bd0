/**
 * The question kind: the sentence is a question of one of the rule's types; if the rule has
 * patterns, one must match too. A buyer-ownership question rule yields when the same sentence
 * is already a pitch (a leading or closing question is not discovery).
 */
import { findMatch } from '../patterns/match.js';
import type { QuestionType } from '../types.js';
import type { SentenceKind } from './types.js';

const QUESTION_TYPES: QuestionType[] = ['open', 'closed', 'leading'];

export const question: SentenceKind = {
  name: 'question',
  judges: 'sentence',
  order: 2,
  indexed: false,
  fields: ['questionTypes'],
  needsExamples: true,
  validate(fields) {
    const list = fields.texts('questionTypes');
    if (!list?.length) throw fields.fail('questionTypes', 'a question rule needs questionTypes');
    for (const q of list) if (!QUESTION_TYPES.includes(q as QuestionType)) throw fields.fail('questionTypes', `expected ${QUESTION_TYPES.join(', ')}, got "${q}"`);
    return { questionTypes: list as QuestionType[] };
  },
  check(compiled, ctx) {
    const { question: q, tokens } = ctx.sentence;
    if (!q.isQuestion || !q.type || !compiled.rule.questionTypes?.includes(q.type)) return null;
    if (compiled.rule.focus === 'buyer-ownership' && ctx.earlier.sellerCentric) return null;
    if (compiled.exceptions.some((e) => findMatch(e, tokens))) return null;
    const whole = { from: 0, to: tokens.length };
    if (compiled.patterns.length === 0) return whole;
    return compiled.patterns.some((p) => findMatch(p, tokens)) ? whole : null;
  },
};
