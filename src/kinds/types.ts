/** The contract every sentence-level rule kind implements. */
import type { Token } from '../language/tokens.js';
import type { QuestionInfo } from '../language/questions.js';
import type { CompiledRule } from '../rules/engine.js';
import type { CompiledPattern } from '../patterns/compile.js';

export interface SentenceContext {
  /** For indexed phrase rules: only the patterns whose required words occur in the sentence. */
  candidates?: ReadonlyMap<CompiledRule, readonly CompiledPattern[]>;
  /** Whether the focus kind may parse with compromise when the opening words don't settle it. */
  deepParse?: boolean;
  /** The sentence as written (for list counting). */
  text: string;
  tokens: readonly Token[];
  question: QuestionInfo;
  /** Whether any rule already matched this sentence (the classifier only judges the rest). */
  anyHit: boolean;
  /** Whether a seller-centric phrase rule already matched this sentence. */
  sellerCentricPhrase: boolean;
}

/** A rule's hit: the token span that triggered it. */
export interface Hit {
  from: number;
  to: number;
}

export type SentenceCheck = (rule: CompiledRule, ctx: SentenceContext) => Hit | null;
