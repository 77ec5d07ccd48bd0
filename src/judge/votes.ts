/** The rules' say on a sentence: every rule that matched it, as votes for the sentence model. */
import type { SentenceContext } from '../kinds/types.js';
import { judgeSentence, type Engine, type RuleHit } from '../rules/engine.js';
import type { RuleVote } from './features.js';

export type { RuleHit };

/** Matches the sentence rules (the model's own rules have nothing to match) and returns hits and votes. */
export function ruleVotes(engine: Engine, context: Omit<SentenceContext, 'earlier' | 'candidates'>): { hits: RuleHit[]; votes: RuleVote[] } {
  const hits = judgeSentence(engine, context).filter((h) => h.rule.kind !== 'model');
  return { hits, votes: hits.map((h) => ({ ruleId: h.rule.id, focus: h.rule.focus })) };
}
