/** The shared data types: transcripts, rules, findings and reports (and the journey's steps). No logic lives here. */
import type { ErrorCode, Remedy } from './errors.js';

/** Where a piece of a turn's text came from in the original file. */
export interface TextPiece {
  /** Offset into `Turn.text` where this piece starts. */
  at: number;
  /** 1-based line in the original file. */
  line: number;
  /** Offset in the file's text at or before which the piece's text starts, where the format knows it (JSON); else its line's start. */
  offset?: number;
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
  /** The file's text as decoded (without a byte-order mark): findings give their positions in it. */
  source?: string;
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

/** Which way a finding tips the call: toward the seller's side or the buyer's. */
export type Focus = 'seller-centric' | 'buyer-ownership';
export type Severity = 'error' | 'warning' | 'info';
/** A config's setting for one rule: off, or the severity it is reported with. */
export type RuleSetting = 'off' | Severity;
export type Role = 'seller' | 'buyer';

/** The fixed set of rule kinds: the keys of the registry in src/kinds/index.ts, one module each. */
export type RuleKindName = import('./kinds/index.js').KindName;

/**
 * An example of a rule's: a seller sentence (for kinds that judge sentences) or a whole transcript
 * (for kinds that judge the call), with what the rule must report, RuleTester-style.
 */
export interface RuleExample {
  text: string;
  /** The words the finding must quote (sentence and sequence kinds). */
  match?: string;
  /** The message the finding must carry (metric kinds, whose message states the measured value). */
  message?: string;
}

export interface RuleExamples {
  /** Examples the rule must flag, each with what it must report. */
  flag: RuleExample[];
  /** Examples the rule must leave alone. */
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
  focus: Focus;
  category: string;
  severity: Severity;
  description: string;
  message: string;
  suggestion: string;
  /**
   * The suggestion when the buyer has already said why they are looking: it quotes the buyer's own
   * words as {buyer}, so the advice builds on this call rather than on a made-up example.
   */
  buyerSuggestion?: string;
  /** Why the rule matters, in the buyer's-side view; shown by `explain`. */
  rationale?: string;
  /** The step of the buyer's journey a finding of this rule places its turn on. */
  journeyStep?: JourneyStepName;
  /** Token patterns (see src/patterns/compile.ts for the syntax). */
  patterns?: string[];
  /** Patterns that, when they match the same sentence, cancel the rule. */
  exceptions?: string[];
  /** Patterns that must each match somewhere in the sentence too (an AND to `patterns`' OR). */
  requires?: string[];
  /** For `subject` rules: whose side the sentence's grammatical subject must be on. */
  subject?: 'seller' | 'buyer';
  /** For `phrase` rules, a list rule: the sentence must name at least this many items (commas, "and"). */
  minItems?: number;
  /** For `question` rules: which question classes the rule reports. */
  questionTypes?: QuestionType[];
  /** For `metric` rules: which metric is compared with which threshold. */
  metric?: MetricCheck;
  /** For `sequence` rules: which move of the seller's comes before which step of the buyer's. */
  sequence?: SequenceCheck;
  evidence?: Evidence[];
  /** Weight in the score's language component (default 1). */
  weight?: number;
  /** How much the habit hurts the buyer, 1 to 3: tips rank by it before points (pressure and brushed-off concerns come first). Default 2, and 1 for metric rules. */
  harm?: number;
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

export interface SequenceCheck {
  /** Seller-centric findings of these categories are the seller's move. */
  categories: string[];
  /** The step of the journey the buyer should reach before the seller moves (or `after`). */
  buyerStep?: JourneyStepName;
  /** The message when the buyer never reaches that step (the rule's message says the buyer reached it later). */
  neverMessage?: string;
  /** Instead of a step: the move counts when it comes in the seller's turn right after a buyer's objection or "no". */
  after?: 'objection';
}

/**
 * A single thing the analysis noticed; every one is built by src/report/finding.ts. One position
 * encoding: where the matched words stand in the input file. Findings about the call as a whole
 * (talk share, monologues) have no position; a journey jump points at the words that made it.
 */
export interface Finding {
  ruleId: string;
  /** The rule's focus: seller-centric or buyer-ownership. */
  kind: Focus;
  category: string;
  severity: Severity;
  /** Who said it; absent for findings about the call as a whole. */
  speaker?: string;
  /** 1-based line and column (UTF-16 code units) in the input file where the matched words start. */
  line?: number;
  column?: number;
  /** Where they end: the line and column just after the last character, as in SARIF regions. */
  endLine?: number;
  endColumn?: number;
  /** Start time of the cue in seconds, where the format has times. */
  time?: number;
  /** Index of the turn in the transcript. */
  turn?: number;
  /** The sentence the finding is about ('' for findings about the call as a whole). */
  text: string;
  /** The words that triggered it, exactly as they stand in `text`. */
  match: string;
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
  /** Set in reports checked against a baseline: true for findings the baseline does not have. */
  new?: boolean;
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
  /** Findings about words (sentences) per 100 seller words; the call's shape and journey are not words. */
  sellerCentricPer100: number;
  buyerOwnershipPer100: number;
  /** The one count every view shows: findings of the focus that count (not accepted by a directive), about words, the call's shape or the journey. */
  sellerCentricCount: number;
  buyerOwnershipCount: number;
  /** Findings an inline directive accepted: in the report, not counted. */
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

/** The steps of a sale seen from the buyer's side, in order. */
export const JOURNEY_STEPS = ['connect', 'reasons', 'explore', 'decide', 'own'] as const;
export type JourneyStepName = (typeof JOURNEY_STEPS)[number];

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

/** The buyer's journey; where the seller jumped ahead of the buyer is a finding of a `sequence` rule. */
export interface Journey {
  steps: JourneyStep[];
  /** The step of each turn, in order (for the timeline). */
  sequence: JourneyStepName[];
}

export interface Tip {
  ruleId: string;
  /** Score points this call would gain if the habit were fixed. */
  gain: number;
  /** How much the habit hurts the buyer, 1 to 3 (the rule's harm); tips are ranked by it first. */
  harm: number;
  message: string;
  suggestion: string;
  count: number;
}

/** The analysis of one call; plain data, formatted elsewhere, never changed once built. */
export interface CallReport {
  file: string;
  format: InputFormat;
  layout?: string;
  callType?: string;
  /**
   * Whether the transcript was judged as a sales call. Meetings, interviews, support calls and
   * transcripts not in English are not: they have no findings, no tips and a null score.
   */
  salesCall: boolean;
  /** Why it was (or was not) judged as a sales call, in words. */
  salesCallReasons: string[];
  /** The transcript's language, ISO 639-1 ("en"; "und" when it cannot be told). */
  language: string;
  /** 0-100, higher is more about the buyer; null when the call was not judged. */
  score: number | null;
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
  focus: Focus;
  category: string;
  severity: Severity;
  /** How much the rule's habit hurts the buyer, 1 to 3 (the rule's harm, or its default; absent in reports written before it was carried): views rank habits by severity, then by it. */
  harm?: number;
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

/** The `file` of a gate about the run as a whole (--max-warnings), not one call. */
export const ALL_CALLS = '(all calls)';

/** A quality gate that a call (or the run, file ALL_CALLS) failed: which gate, and by how much. */
export interface GateResult {
  file: string;
  gate: string;
  message: string;
}
