/**
 * The question kind: the sentence is a question of one of the rule's types; if the rule has
 * patterns, one must match too. A buyer-ownership question rule yields when the same sentence
 * is already a pitch (a leading or closing question is not discovery).
 */
import { findMatch } from '../patterns/match.js';
import type { SentenceCheck } from './types.js';

export const checkQuestion: SentenceCheck = (compiled, ctx) => {
  const { question, tokens } = ctx;
  if (!question.isQuestion || !question.type || !compiled.rule.questionTypes?.includes(question.type)) return null;
  if (compiled.rule.focus === 'buyer-ownership' && ctx.sellerCentricPhrase) return null;
  if (compiled.exceptions.some((e) => findMatch(e, tokens))) return null;
  if (compiled.patterns.length === 0) return { from: 0, to: tokens.length };
  for (const pattern of compiled.patterns) {
    if (findMatch(pattern, tokens)) return { from: 0, to: tokens.length };
  }
  return null;
};
