/** The rules' say on a sentence: every rule that matched it, as votes for the sentence model. */
import type { Engine } from '../rules/engine.js';
import type { Token } from '../language/tokens.js';
import type { QuestionInfo } from '../language/questions.js';
import { judgeSentence } from '../analyze.js';
import type { RuleVote } from './features.js';

export interface RuleHit {
  rule: Engine['rules'][number];
  from: number;
  to: number;
}

/** Matches the sentence-level rules (not the model's own rules) and returns hits and votes. */
export function ruleVotes(engine: Engine, text: string, tokens: readonly Token[], question: QuestionInfo, deepParse = false): { hits: RuleHit[]; votes: RuleVote[] } {
  const hits = judgeSentence(engine, text, tokens, question, deepParse).filter((h) => h.rule.kind !== 'classifier');
  return { hits, votes: hits.map((h) => ({ ruleId: h.rule.id, focus: h.rule.focus })) };
}
