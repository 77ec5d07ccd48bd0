/**
 * One pass over a call's turns that hands each seller turn its situation (what the buyer said so
 * far, the buyer's last turn), so that analysis and training see a sentence's context the same way.
 */
import type { Turn } from '../types.js';
import { tokenize, type Token } from '../language/tokens.js';
import { ConversationSoFar, type CueLists, type SentenceSituation } from './context.js';

export type TurnSituation = Omit<SentenceSituation, 'indexInTurn'>;

/** Like walkCall with no conversation kept: every seller turn, in order, with no situation (judged alone). */
export function walkSellerTurns(
  turns: readonly Turn[],
  isSeller: (turn: Turn, index: number) => boolean,
  onSeller: (turn: Turn, index: number, situation: undefined) => void,
): void {
  turns.forEach((turn, i) => {
    if (isSeller(turn, i)) onSeller(turn, i, undefined);
  });
}

/** Calls `onSeller` for every seller turn, in order; `tokensOf` lets the caller reuse tokens. */
export function walkCall(
  turns: readonly Turn[],
  isSeller: (turn: Turn, index: number) => boolean,
  cues: CueLists,
  onSeller: (turn: Turn, index: number, situation: TurnSituation) => void,
  tokensOf: (turn: Turn, index: number) => readonly Token[] = (t) => tokenize(t.text),
): void {
  const so = new ConversationSoFar(cues);
  turns.forEach((turn, i) => {
    const tokens = tokensOf(turn, i);
    if (!isSeller(turn, i)) {
      so.buyerSaid(turn.text, tokens);
      return;
    }
    onSeller(turn, i, so.situation(tokens, turns.length > 1 ? i / turns.length : 0));
  });
}
