/**
 * Findings: the one function that builds a Finding, whatever the rule's kind, and the rules for
 * which findings count where (the score, the metrics, the journey, coaching).
 */
import type { Finding, Rule, RuleKindName, Suppression } from '../types.js';
import type { SourceRange } from '../transcript/position.js';

/** Where a finding's words stand: in the conversation, and in the input file. */
export interface FindingPlace {
  speaker: string;
  /** Index of the turn in the transcript. */
  turn: number;
  /** The sentence, and the words in it that triggered the rule. */
  text: string;
  match: string;
  /** The line of the piece of the turn that holds the words (used where `range` is unknown). */
  line: number;
  /** Where the words stand in the file, when they were found there again. */
  range?: SourceRange;
  time?: number;
}

export interface FindingInput {
  rule: Rule;
  /** Where; absent for findings about the call as a whole. */
  place?: FindingPlace;
  /** Or: where another finding stands (a jump in the journey points at the words that made it). */
  at?: Finding;
  /** The message; the rule's own by default (metric and sequence rules state what they measured). */
  message?: string;
  /** A conversation-shape finding (a metric, or a jump in the journey). */
  scope?: 'call';
  suppressed?: boolean;
  /** Other rules of the same kind that matched the sentence (a sentence carries one finding). */
  alsoMatched?: string[];
  /** How sure the sentence judge is of the finding's kind. */
  confidence?: number;
  /** The buyer's own words about why they are looking, said before the finding, for the rule's buyerSuggestion. */
  buyerWords?: string;
}

/** Builds a finding. A suggestion may quote the matched words as {match}, so that it speaks to this sentence. */
export function createFinding({ rule, at, message, scope, suppressed, alsoMatched, confidence, buyerWords, ...input }: FindingInput): Finding {
  const place = input.place ?? (at ? placeOf(at) : undefined);
  const match = place?.match ?? '';
  const finding: Finding = {
    ruleId: rule.id,
    kind: rule.focus,
    category: rule.category,
    severity: rule.severity,
    ...(place
      ? {
          speaker: place.speaker,
          line: place.range?.line ?? place.line,
          ...(place.range ? { column: place.range.column, endLine: place.range.endLine, endColumn: place.range.endColumn } : {}),
          ...(place.time !== undefined ? { time: place.time } : {}),
          turn: place.turn,
        }
      : {}),
    text: place?.text ?? '',
    match,
    message: message ?? rule.message,
    suggestion: suggestionFor(rule, match, buyerWords),
    ...(scope ? { scope } : {}),
    ...(suppressed ? { suppressed: true } : {}),
    ...(alsoMatched?.length ? { alsoMatched } : {}),
    ...(confidence !== undefined ? { confidence } : {}),
  };
  return finding;
}

/**
 * The rule's suggestion for this finding: built on the buyer's own words where the rule has a way to
 * quote them and the buyer said something to quote; the matched words fill {match}.
 */
function suggestionFor(rule: Rule, match: string, buyerWords: string | undefined): string {
  const template = rule.buyerSuggestion && buyerWords ? rule.buyerSuggestion.split('{buyer}').join(buyerWords) : rule.suggestion;
  return template.includes('{match}') ? template.split('{match}').join(match) : template;
}

/** Where a finding stands, for another finding to point at it; undefined for findings about the whole call. */
function placeOf(f: Finding): FindingPlace | undefined {
  if (f.speaker === undefined || f.turn === undefined || f.line === undefined) return undefined;
  const range = f.column !== undefined && f.endLine !== undefined && f.endColumn !== undefined ? { line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn } : undefined;
  return { speaker: f.speaker, turn: f.turn, text: f.text, match: f.match, line: f.line, ...(range ? { range } : {}), ...(f.time !== undefined ? { time: f.time } : {}) };
}

/** Whether an inline directive accepts a finding of `ruleId` on `line`. */
export function isSuppressed(suppressions: readonly Suppression[] | undefined, ruleId: string, line: number | undefined): boolean {
  if (!suppressions?.length || line === undefined) return false;
  return suppressions.some((s) => s.line === line && (s.ruleIds.length === 0 || s.ruleIds.includes(ruleId)));
}

/** Findings about particular words that count: in the score's language components, the metrics and the journey. */
export function countsInLanguage(f: Finding): boolean {
  return !f.suppressed && f.scope !== 'call';
}

/**
 * The one count of a call's findings that every view shows (terminal, metrics, JSON, CSV, summary,
 * HTML, Markdown, the --max-seller-centric gate): every finding of the focus an inline directive did
 * not accept, whether about words, the call's shape or a jump in the journey.
 */
export function countFindings(findings: readonly Finding[]): { sellerCentric: number; buyerOwnership: number; suppressed: number } {
  let sellerCentric = 0;
  let buyerOwnership = 0;
  let suppressed = 0;
  for (const f of findings) {
    if (f.suppressed) suppressed++;
    else if (f.kind === 'seller-centric') sellerCentric++;
    else buyerOwnership++;
  }
  return { sellerCentric, buyerOwnership, suppressed };
}

/** How much a rule's habit hurts the buyer, 1 to 3: the rule's own `harm`, else 1 for a metric rule and 2 for any other. */
export function harmOf(rule: { kind: RuleKindName; harm?: number }): number {
  return rule.harm ?? (rule.kind === 'metric' ? 1 : 2);
}

/**
 * Whether a habit of this harm (pressure, a brushed-off concern: harm 3) hurts the buyer enough to be
 * coached even where fixing it adds no point to the score. Tips keep such habits and the digest heads
 * them "harms the buyer"; one predicate so the two cannot drift apart.
 */
export function harmsTheBuyer(harm: number): boolean {
  return harm > 2;
}

/** A jump in the buyer's journey (a `sequence` rule's finding): about the conversation's shape, but at one place. */
export function isJourneyJump(f: Finding): boolean {
  return f.scope === 'call' && f.line !== undefined;
}

/**
 * Whether a rule's findings name a habit a coach can talk about. The model rules' findings count in
 * the score but say only "the sentence judge read it so", so tips, habits and the top issue leave them out.
 */
export function namesAHabit(kind: RuleKindName): boolean {
  return kind !== 'model';
}
