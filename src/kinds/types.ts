/**
 * The contract every rule kind implements: its name, its place in the order rules run, the fields
 * it adds to rule data (validated by the kind itself), how a rule of the kind compiles, and its check.
 * A kind judges either one seller sentence in the context of the conversation, or the whole call.
 */
import type { CallMetrics, Finding, JourneyStepName, Role, Rule, Turn } from '../types.js';
import type { Token } from '../language/tokens.js';
import type { QuestionInfo } from '../language/questions.js';
import type { CompiledPattern, Lexicon } from '../patterns/compile.js';
import type { FieldReader } from '../rules/validate.js';

/** A rule ready to run: its data, its kind, and its patterns compiled. */
export interface CompiledRule {
  rule: Rule;
  kind: RuleKind;
  patterns: CompiledPattern[];
  exceptions: CompiledPattern[];
  requires: CompiledPattern[];
}

/** The conversation around a sentence: every turn with its speaker's role. */
export interface Conversation {
  turns: readonly Turn[];
  roles: readonly Role[];
}

/** A seller sentence as the checks see it. */
export interface JudgedSentence {
  /** The sentence as written. */
  text: string;
  /** Offset of the sentence in its turn's text. */
  start: number;
  tokens: readonly Token[];
  question: QuestionInfo;
}

/** Everything a sentence check may look at: the sentence, its turn, the conversation so far. */
export interface SentenceContext {
  sentence: JudgedSentence;
  /** Index of the sentence's turn in `conversation.turns`. */
  turn: number;
  /** The whole conversation; a check reads the turns before `turn` (the buyer's last turn, what the buyer said so far). */
  conversation: Conversation;
  /** Index of the buyer's last turn before this one, or -1. */
  previousBuyerTurn: number;
  /** What rules that ran earlier on this sentence found. */
  earlier: {
    /** Any rule matched. */
    any: boolean;
    /** A seller-centric rule matched. */
    sellerCentric: boolean;
  };
  /** For indexed kinds: only the patterns whose required words occur in the sentence, per rule. */
  candidates: ReadonlyMap<CompiledRule, readonly CompiledPattern[]>;
  /** Whether the subject kind may parse with compromise when the opening words don't settle it. */
  deepParse: boolean;
}

/** A sentence rule's hit: the token span that triggered it. */
export interface Hit {
  from: number;
  to: number;
}

/** One turn of the journey: whose it is and which steps it shows. */
export interface JourneyTurn {
  role: Role;
  line: number;
  /** Steps whose cue words occur in the turn (from the lexicon's journey-* classes). */
  cues: ReadonlySet<JourneyStepName>;
  /** Steps with at least two different cue words in the turn: enough to move the journey on words alone. */
  strong: ReadonlySet<JourneyStepName>;
  /** A buyer turn that objects, declines or voices a worry (the lexicon's buyer-objection phrases). */
  objection?: boolean;
}

/** Everything a call check may look at. */
export interface CallContext {
  metrics: CallMetrics;
  callType?: string;
  /** One speaker: a script, with no conversation shape to judge. */
  script: boolean;
  /** The journey so far: each turn's role and cues, and the step of each turn. */
  journey: { turns: readonly JourneyTurn[]; sequence: readonly JourneyStepName[] };
  /** The sentence findings, suppressions applied. */
  findings: readonly Finding[];
}

/** A call rule's hit: its message, and the finding it points at where it happened at one place. */
export interface CallHit {
  message: string;
  at?: Finding;
}

interface KindBase {
  name: Rule['kind'];
  /** Rules run in this order of their kinds (seller-centric before buyer-ownership within a kind). */
  order: number;
  /** The fields rule data of this kind may have besides the common ones. */
  fields: readonly string[];
  /** Whether a rule of this kind must give at least one example it flags. */
  needsExamples: boolean;
  /** Checks and reads this kind's fields (and any it requires of the common ones); returns what to add to the rule. */
  validate(fields: FieldReader, rule: Readonly<Rule>): Partial<Rule>;
  /** Compiles a rule of this kind; the default compiles its patterns, exceptions and requires. */
  compile?(rule: Rule, lexicon: Lexicon): Omit<CompiledRule, 'kind'>;
}

/** A kind that judges one seller sentence at a time. */
export interface SentenceKind extends KindBase {
  judges: 'sentence';
  /** Whether its patterns are tried only on sentences that hold one of their required words. */
  indexed: boolean;
  check(rule: CompiledRule, ctx: SentenceContext): Hit | null;
}

/** A kind that judges the whole call, after every sentence has been judged. */
export interface CallKind extends KindBase {
  judges: 'call';
  check(rule: CompiledRule, ctx: CallContext): CallHit | null;
}

export type RuleKind = SentenceKind | CallKind;
