/** The shared data types: transcripts, rules, findings and reports. No logic lives here. */
import type { ErrorCode, Remedy } from './errors.js';

/** Where a piece of a turn's text came from in the original file. */
export interface TextPiece {
  /** Offset into `Turn.text` where this piece starts. */
  at: number;
  /** 1-based line in the original file. */
  line: number;
  /** Start time of the cue/segment in seconds, where the format has times. */
  time?: number;
}

/** One speaker's uninterrupted stretch of talk. */
export interface Turn {
  speaker: string;
  text: string;
  /** 1-based line in the original file where the turn starts. */
  line: number;
  /** Seconds from the start of the recording, where the format has times. */
  start?: number;
  end?: number;
  /** Maps offsets in `text` back to lines (and times) of the original file; sorted by `at`. */
  pieces: TextPiece[];
}

export type InputFormat =
  | 'text'
  | 'markdown'
  | 'vtt'
  | 'srt'
  | 'csv'
  | 'tsv'
  | 'json'
  | 'nlp';

export interface Transcript {
  format: InputFormat;
  /** A finer description of the layout that was recognized, e.g. "aws-transcribe" or "otter". */
  layout?: string;
  turns: Turn[];
  /** Non-fatal notes about the input (encoding guessed, lines skipped...). */
  warnings: string[];
  /** Findings that the author accepted on purpose, by directive; keyed by the line they apply to. */
  suppressions?: Suppression[];
  /** People listed in a header before the conversation ("- Maria (Account Executive)"), where the format has one. */
  participants?: Participant[];
}

export interface Participant {
  name: string;
  /** What the header says about them: a title, a company. */
  description: string;
}

export interface Suppression {
  /** 1-based line the directive applies to. */
  line: number;
  /** Rule ids; empty means every rule. */
  ruleIds: string[];
}

export type FindingKind = 'seller-centric' | 'buyer-ownership';
export type Severity = 'error' | 'warning' | 'info';
export type Role = 'seller' | 'buyer';

/** The fixed set of rule kinds; each is one module in src/kinds/. */
export type RuleKindName = 'phrase' | 'question' | 'metric' | 'classifier' | 'focus';

export interface RuleExamples {
  /** Seller sentences the rule must flag. */
  flag: string[];
  /** Seller sentences the rule must leave alone. */
  pass: string[];
}

export interface Evidence {
  source: string;
  claim: string;
  url?: string;
}

/** A rule as stored in rules/<category>/<id>.yaml, after validation. */
export interface Rule {
  id: string;
  kind: RuleKindName;
  /** seller-centric or buyer-ownership: which way a match tips the call. */
  focus: FindingKind;
  category: string;
  severity: Severity;
  description: string;
  message: string;
  suggestion: string;
  /** Why the rule matters, in the buyer's-side view; shown by `explain`. */
  rationale?: string;
  /** Token patterns (see src/patterns/compile.ts for the syntax). */
  patterns?: string[];
  /** Patterns that, when they match the same sentence, cancel the rule. */
  exceptions?: string[];
  /** Patterns that must each match somewhere in the sentence too (an AND to `patterns`' OR). */
  requires?: string[];
  /** For `focus` rules: whose side the sentence's grammatical subject must be on. */
  subject?: 'seller' | 'buyer';
  /** For `classifier` rules: the least probability of the rule's focus class to report a finding. */
  minConfidence?: number;
  /** A list rule: the sentence must name at least this many items (commas, "and"). */
  minItems?: number;
  /** For `question` rules: which question classes the rule reports. */
  questionTypes?: QuestionType[];
  /** For `metric` rules: which metric is compared with which threshold. */
  metric?: MetricCheck;
  evidence?: Evidence[];
  /** Weight in the score's language component (default 1). */
  weight?: number;
  examples: RuleExamples;
  /** Where the rule was loaded from, for error messages. */
  source?: string;
}

export type QuestionType = 'open' | 'closed' | 'leading';

export interface MetricCheck {
  name: 'sellerTalkShare' | 'longestSellerMonologueWords' | 'longestSellerMonologueSeconds' | 'sellerQuestions' | 'buyerLongestTurnWords';
  /** Reported when the value is above `max` or below `min`. */
  max?: number;
  min?: number;
  /** Per call type overrides, e.g. { demo: { max: 0.7 } }. */
  byCallType?: Record<string, { max?: number; min?: number }>;
}

/** A single thing the analysis noticed. One position encoding: the line in the original file. */
export interface Finding {
  ruleId: string;
  kind: FindingKind;
  category: string;
  severity: Severity;
  speaker: string;
  /** 1-based line in the input file. */
  line: number;
  /** Start time of the cue in seconds, where the format has times. */
  time?: number;
  /** Index of the turn in the transcript. */
  turn: number;
  /** The sentence the finding is about. */
  text: string;
  /** The words that triggered it, exactly as they stand in `text`. */
  match: string;
  /** Offset of `match` in `text`. */
  column: number;
  message: string;
  suggestion: string;
  /** "call" for findings about the conversation's shape rather than particular words. */
  scope?: 'call';
  /** True when an inline directive accepted the finding; it is then not counted in the score. */
  suppressed?: boolean;
  /** Other rules of the same kind that matched the sentence (one finding a sentence). */
  alsoMatched?: string[];
  /** How sure the sentence judge is of the finding's kind, 0..1. */
  confidence?: number;
}

export interface SpeakerStats {
  name: string;
  role: Role;
  words: number;
  talkShare: number;
  turns: number;
  /** Seconds spoken, where the format has times. */
  seconds?: number;
  timeShare?: number;
}

export interface RoleDecision {
  name: string;
  role: Role;
  /** How the role was decided: the caller named the sellers, detected, or the only speaker (a script). */
  method: 'given' | 'detected' | 'script';
  /** With `given`: where the sellers were named, in the caller's words (the command line says "--seller", or the roles or config file's name). */
  from?: string;
  /** 0..1, how sure the detection is. */
  confidence: number;
  /** The cues that decided it, in words. */
  reasons: string[];
}

export interface CallMetrics {
  totalWords: number;
  sellerWords: number;
  buyerWords: number;
  sellerTalkShare: number;
  sellerQuestions: number;
  sellerOpenQuestions: number;
  sellerClosedQuestions: number;
  sellerLeadingQuestions: number;
  longestSellerMonologueWords: number;
  buyerLongestTurnWords: number;
  sellerCentricPer100: number;
  buyerOwnershipPer100: number;
  sellerCentricCount: number;
  buyerOwnershipCount: number;
  suppressedCount: number;
  turns: number;
  /** Time-based metrics, present only where the format has times. */
  durationSeconds?: number;
  sellerTimeShare?: number;
  longestSellerMonologueSeconds?: number;
  /** Speaker switches per minute. */
  interactivity?: number;
  /** The seller's average pause in seconds after a buyer finishes. */
  patienceSeconds?: number;
}

export interface ScoreComponent {
  name: string;
  /** 0..1 value of this component. */
  value: number;
  weight: number;
  /** Points this component contributes to the 0..100 score. */
  points: number;
  detail: string;
}

export type JourneyStepName = 'connect' | 'reasons' | 'explore' | 'decide' | 'own';

export interface JourneyStep {
  step: JourneyStepName;
  /** First and last turn index (0-based) in which the step happened; absent when it never did. */
  firstTurn?: number;
  lastTurn?: number;
  firstLine?: number;
  /** Who drove the step: the role that opened it. */
  drivenBy?: Role;
  turns: number;
}

export interface JourneyJump {
  /** What the seller did ahead of the buyer. */
  type: 'presented-before-reasons' | 'closed-before-decision';
  turn: number;
  line: number;
  message: string;
}

export interface Journey {
  steps: JourneyStep[];
  /** The step of each turn, in order (for the timeline). */
  sequence: JourneyStepName[];
  jumps: JourneyJump[];
}

export interface Tip {
  ruleId: string;
  /** Score points this call would gain if the habit were fixed. */
  gain: number;
  message: string;
  suggestion: string;
  count: number;
}

/** The analysis of one call; plain data, formatted elsewhere. */
export interface CallReport {
  file: string;
  format: InputFormat;
  layout?: string;
  callType?: string;
  score: number;
  scoreComponents: ScoreComponent[];
  speakers: SpeakerStats[];
  roles: RoleDecision[];
  metrics: CallMetrics;
  findings: Finding[];
  journey: Journey;
  tips: Tip[];
  warnings: string[];
  /** Turn-level timeline for charts: speaker role and word count (and times) per turn. */
  timeline: Array<{ role: Role; words: number; start?: number; end?: number }>;
}

export interface InputError {
  file: string;
  line?: number;
  message: string;
  /** Machine-readable code, e.g. E_EMPTY, E_BINARY, E_PARSE, E_READ. */
  code?: ErrorCode;
  /** What the user can do about it, for a caller to put in words (the command line names its flag). */
  remedy?: Remedy;
}

/** Rule metadata carried in the report so that formatters need no lookups. */
export interface RuleMeta {
  id: string;
  kind: RuleKindName;
  focus: FindingKind;
  category: string;
  severity: Severity;
  description: string;
  suggestion: string;
  rationale?: string;
  /** The studies behind a conversation-shape rule's threshold. */
  evidence?: Evidence[];
}

export interface Report {
  tool: { name: string; version: string };
  calls: CallReport[];
  errors: InputError[];
  rules: RuleMeta[];
  /** Quality gates that failed, when any were set. */
  gates?: GateResult[];
}

export interface GateResult {
  file: string;
  gate: string;
  message: string;
}
