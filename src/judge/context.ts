/**
 * The conversation around a seller sentence: what the buyer said just before it and what the
 * buyer has said so far. Built in one pass over the turns, so that each sentence is judged with
 * the context a coach reading the call would have at that point.
 */
import type { Token } from '../language/tokens.js';
import { tokenize } from '../language/tokens.js';
import { classifyQuestion, type QuestionCues } from '../language/questions.js';
import type { PhraseList } from './phrases.js';

/** Short and very common words that say nothing about a topic. */
const STOP = new Set(
  'a an the and or but so to of in on at for with is are was were be been am i you we they he she it that this these those my your our their me us them do does did have has had will would can could should just like um uh yeah okay ok oh well really very not no yes what how why when where who which there here if then than as about from up out get got go going know think mean right'.split(' '),
);

/** Stems of the words that carry content (not stop words, longer than two letters). */
export function contentStems(tokens: readonly Token[]): string[] {
  const out: string[] = [];
  for (const t of tokens) if (t.word.length > 2 && !STOP.has(t.word)) out.push(t.stem);
  return out;
}

export interface BuyerTurnInfo {
  text: string;
  stems: ReadonlySet<string>;
  /** The buyer asked something (a question mark, or a question found without one). */
  question: boolean;
  /** The buyer asked about price, cost or terms. */
  price: boolean;
  /** The buyer objected, declined or voiced a worry. */
  objection: boolean;
}

/** What a sentence is judged with beside its own words. */
export interface SentenceSituation {
  /** The last buyer turn before this seller turn; undefined before the buyer has spoken. */
  lastBuyer?: BuyerTurnInfo;
  /** Content stems the buyers have said so far. */
  buyerStems: ReadonlySet<string>;
  buyerWords: number;
  /** Words in this seller turn. */
  turnWords: number;
  /** Share of the turn's content words that the buyers have used so far, and that they used in a worry or objection. */
  turnOverlap: number;
  turnConcernOverlap: number;
  /** Where the turn falls in the call, 0 (start) to 1 (end). */
  callPosition: number;
  /** 0 for the turn's first sentence. */
  indexInTurn: number;
}

export interface CueLists {
  objection: PhraseList;
  price: PhraseList;
  questions: QuestionCues;
}

/** Walks a call turn by turn, keeping what the buyer has said. */
export class ConversationSoFar {
  private readonly stems = new Set<string>();
  private readonly concerns = new Set<string>();
  private words = 0;
  private last?: BuyerTurnInfo;

  constructor(private readonly cues: CueLists) {}

  /** Records a buyer turn (its tokens, when the caller has them already). */
  buyerSaid(text: string, tokens: readonly Token[] = tokenize(text)): void {
    const stems = new Set(contentStems(tokens));
    for (const s of stems) this.stems.add(s);
    this.words += tokens.length;
    const question = text.includes('?') || (tokens.length > 0 && classifyQuestion(tokens, false, text, this.cues.questions).isQuestion);
    const words = tokens.map((t) => t.word);
    this.last = { text, stems, question, price: question && this.cues.price.matches(words), objection: this.cues.objection.matches(words) };
    if (this.last.objection) for (const s of stems) this.concerns.add(s);
  }

  /** The situation of a seller turn's sentences; `indexInTurn` is filled per sentence. */
  situation(turnTokens: readonly Token[], callPosition: number): Omit<SentenceSituation, 'indexInTurn'> {
    const mine = contentStems(turnTokens);
    const share = (set: ReadonlySet<string>) => (mine.length ? mine.filter((s) => set.has(s)).length / mine.length : 0);
    return {
      ...(this.last ? { lastBuyer: this.last } : {}),
      // The live set, not a copy: every caller reads a situation before the next buyer turn is recorded.
      buyerStems: this.stems,
      buyerWords: this.words,
      turnWords: turnTokens.length,
      turnOverlap: share(this.stems),
      turnConcernOverlap: share(this.concerns),
      callPosition,
    };
  }
}
