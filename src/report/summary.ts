/** Condenses call reports into plain-data tables (per call, per rep, batch totals) while keeping only small per-call aggregates. */
import type { CallReport, Finding, InputError, RuleMeta } from '../types.js';
import { namesAHabit } from './finding.js';

/** The sort keys of the per-call table. Each sorts the row that needs attention first; ties go by file. */
export const SORT_KEYS = ['score', 'file', 'talk', 'questions', 'findings'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export function isSortKey(value: unknown): value is SortKey {
  return typeof value === 'string' && (SORT_KEYS as readonly string[]).includes(value);
}


export interface RuleCount {
  ruleId: string;
  count: number;
}

/** One analysed call, reduced to the numbers the summary tables show. */
export interface CallRow {
  /** Position of the call in the order it was added, so formatters can find the full CallReport again. */
  index: number;
  file: string;
  /** Names of the speakers whose role is seller, in speaking order. */
  sellers: string[];
  /** Null for a call that was not judged (not a sales call, or not in English). */
  score: number | null;
  /** Why the call was not judged; absent for judged calls. */
  notJudged?: string;
  sellerTalkShare: number;
  sellerQuestions: number;
  openQuestions: number;
  longestMonologueWords: number;
  /** Findings that count (suppressed ones excluded). */
  sellerCentric: number;
  buyerOwnership: number;
  suppressed: number;
  /** The most frequent seller-centric rule in the call. */
  topIssue?: RuleCount & { message: string };
}

/** One seller across every call they spoke in. */
export interface RepRow {
  name: string;
  calls: number;
  averageScore: number;
  minScore: number;
  maxScore: number;
  /** Means over the rep's calls: the seller's share of the words (0..1), questions asked, open ones among them (one decimal). */
  averageTalkShare: number;
  averageQuestions: number;
  averageOpenQuestions: number;
  /** Most frequent seller-centric rules (top 3). */
  habits: RuleCount[];
  /** Most frequent buyer-ownership rules (top 3). */
  strengths: RuleCount[];
}

export interface ScoreBucket {
  label: string;
  min: number;
  max: number;
  count: number;
}

export interface SummaryTotals {
  calls: number;
  /** Calls that were read but not judged (not sales calls, or not in English): out of averages and gates. */
  notJudged: number;
  /** Input files that could not be analysed. */
  failed: number;
  /** Mean score over judged calls, one decimal; null when there are none. */
  averageScore: number | null;
  distribution: ScoreBucket[];
}

export interface Summary {
  calls: CallRow[];
  reps: RepRow[];
  totals: SummaryTotals;
  failed: InputError[];
}

export interface SummaryOptions {
  /** One of SORT_KEYS; anything else keeps file order (the CLI validates the choice). */
  sort?: string;
}

/** The rules' metadata (a report's `rules`): which findings name a habit to coach. */
export type SummaryRules = ReadonlyArray<Pick<RuleMeta, 'id' | 'kind'>>;

const TOP = 3;

/** Bucket edges of the score histogram; the last bucket includes 100. */
export const SCORE_BUCKETS: ReadonlyArray<{ label: string; min: number; max: number }> = [
  { label: '0-19', min: 0, max: 19 },
  { label: '20-39', min: 20, max: 39 },
  { label: '40-59', min: 40, max: 59 },
  { label: '60-79', min: 60, max: 79 },
  { label: '80-100', min: 80, max: 100 },
];

function bucketIndex(score: number): number {
  return Math.min(SCORE_BUCKETS.length - 1, Math.max(0, Math.floor(score / 20)));
}

interface RepAggregate {
  name: string;
  calls: number;
  sum: number;
  min: number;
  max: number;
  talk: number;
  questions: number;
  open: number;
  habits: Map<string, number>;
  strengths: Map<string, number>;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function bump(map: Map<string, number>, key: string, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/** Highest counts first; ties by rule id so output never depends on insertion order. */
function topCounts(map: Map<string, number>, n: number): RuleCount[] {
  return [...map]
    .map(([ruleId, count]) => ({ ruleId, count }))
    .sort((a, b) => b.count - a.count || compareText(a.ruleId, b.ruleId))
    .slice(0, n);
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Rep names are matched case-insensitively so "Dana" and "dana" in two transcripts are one rep. */
function repKey(name: string): string {
  return name.trim().toLowerCase();
}

/** Which sellers a finding belongs to: its speaker, or every seller for call-scope findings about the conversation as a whole. */
function ownersOf(finding: Finding, sellers: string[]): string[] {
  const own = finding.speaker === undefined ? [] : sellers.filter((s) => repKey(s) === repKey(finding.speaker!));
  if (own.length > 0) return own;
  return finding.scope === 'call' ? sellers : [];
}

const COMPARATORS: Record<SortKey, (a: CallRow, b: CallRow) => number> = {
  // Calls that were not judged sort after every judged one.
  score: (a, b) => (a.score ?? Infinity) - (b.score ?? Infinity) || (a.score === null ? 1 : 0) - (b.score === null ? 1 : 0),
  file: () => 0,
  talk: (a, b) => b.sellerTalkShare - a.sellerTalkShare,
  questions: (a, b) => a.sellerQuestions - b.sellerQuestions,
  findings: (a, b) => b.sellerCentric - a.sellerCentric,
};

/** Sorts rows without touching the input; stable, ties by file. */
export function sortCallRows(rows: readonly CallRow[], sort?: string): CallRow[] {
  const primary = COMPARATORS[isSortKey(sort) ? sort : 'file'];
  return [...rows].sort((a, b) => primary(a, b) || compareText(a.file, b.file));
}

/**
 * Builds a Summary one call at a time. It keeps a CallRow per call and running per-rep counts, never
 * transcripts or finding lists, so a batch of thousands of calls stays small in memory.
 */
export class SummaryBuilder {
  private readonly rows: CallRow[] = [];
  private readonly errors: InputError[] = [];
  private readonly reps = new Map<string, RepAggregate>();
  /** Rules whose findings count but name no habit (the classifier's). */
  private readonly unnamed: ReadonlySet<string>;

  constructor(rules: SummaryRules = []) {
    this.unnamed = new Set(rules.filter((r) => !namesAHabit(r.kind)).map((r) => r.id));
  }

  add(call: CallReport): this {
    const sellers = call.speakers.filter((s) => s.role === 'seller').map((s) => s.name);
    const issues = new Map<string, number>();
    const messages = new Map<string, string>();
    const perRep = new Map<string, { habits: Map<string, number>; strengths: Map<string, number> }>();
    let sellerCentric = 0;
    let buyerOwnership = 0;
    let suppressed = 0;

    for (const f of call.findings) {
      if (f.suppressed) {
        suppressed++;
        continue;
      }
      // The classifier's backup findings count, but a coach can't coach "the model said so":
      // habits, strengths and the top issue name the rules that describe a habit.
      const named = !this.unnamed.has(f.ruleId);
      if (f.kind === 'seller-centric') {
        sellerCentric++;
        if (named) bump(issues, f.ruleId);
        if (!messages.has(f.ruleId)) messages.set(f.ruleId, f.message);
      } else {
        buyerOwnership++;
      }
      if (!named) continue;
      for (const owner of ownersOf(f, sellers)) {
        const key = repKey(owner);
        const counts = perRep.get(key) ?? { habits: new Map(), strengths: new Map() };
        perRep.set(key, counts);
        bump(f.kind === 'seller-centric' ? counts.habits : counts.strengths, f.ruleId);
      }
    }

    const [top] = topCounts(issues, 1);
    this.rows.push({
      index: this.rows.length,
      file: call.file,
      sellers,
      score: call.score,
      ...(call.score === null ? { notJudged: call.salesCallReasons[0] ?? 'not judged' } : {}),
      sellerTalkShare: call.metrics.sellerTalkShare,
      sellerQuestions: call.metrics.sellerQuestions,
      openQuestions: call.metrics.sellerOpenQuestions,
      longestMonologueWords: call.metrics.longestSellerMonologueWords,
      sellerCentric,
      buyerOwnership,
      suppressed,
      ...(top ? { topIssue: { ...top, message: messages.get(top.ruleId) ?? '' } } : {}),
    });

    // A call that was not judged has no score and no seller to compare.
    if (call.score === null) return this;
    const score = call.score;
    // A rep counts once per call even if the transcript lists them twice.
    const seen = new Set<string>();
    for (const name of sellers) {
      const key = repKey(name);
      if (seen.has(key)) continue;
      seen.add(key);
      const rep = this.reps.get(key) ?? { name, calls: 0, sum: 0, min: Infinity, max: -Infinity, talk: 0, questions: 0, open: 0, habits: new Map(), strengths: new Map() };
      this.reps.set(key, rep);
      rep.calls++;
      rep.sum += score;
      rep.min = Math.min(rep.min, score);
      rep.max = Math.max(rep.max, score);
      rep.talk += call.metrics.sellerTalkShare;
      rep.questions += call.metrics.sellerQuestions;
      rep.open += call.metrics.sellerOpenQuestions;
      const counts = perRep.get(key);
      for (const [id, n] of counts?.habits ?? []) bump(rep.habits, id, n);
      for (const [id, n] of counts?.strengths ?? []) bump(rep.strengths, id, n);
    }
    return this;
  }

  addError(error: InputError): this {
    this.errors.push({ ...error });
    return this;
  }

  /** The summary so far; can be called repeatedly. */
  result(options: SummaryOptions = {}): Summary {
    const calls = sortCallRows(this.rows, options.sort);
    const reps = [...this.reps.values()].map(
      (r): RepRow => ({
        name: r.name,
        calls: r.calls,
        averageScore: round1(r.sum / r.calls),
        minScore: r.min,
        maxScore: r.max,
        averageTalkShare: Math.round((r.talk / r.calls) * 1000) / 1000,
        averageQuestions: round1(r.questions / r.calls),
        averageOpenQuestions: round1(r.open / r.calls),
        habits: topCounts(r.habits, TOP),
        strengths: topCounts(r.strengths, TOP),
      }),
    );
    reps.sort(
      options.sort === 'score'
        ? (a, b) => a.averageScore - b.averageScore || compareText(a.name, b.name)
        : (a, b) => compareText(a.name, b.name),
    );
    const distribution = SCORE_BUCKETS.map((b) => ({ ...b, count: 0 }));
    const judged = this.rows.filter((r): r is CallRow & { score: number } => r.score !== null);
    for (const row of judged) distribution[bucketIndex(row.score)]!.count++;
    const total = judged.reduce((sum, r) => sum + r.score, 0);
    return {
      calls,
      reps,
      totals: {
        calls: this.rows.length,
        notJudged: this.rows.length - judged.length,
        failed: new Set(this.errors.map((e) => e.file)).size,
        averageScore: judged.length > 0 ? round1(total / judged.length) : null,
        distribution,
      },
      failed: this.errors.map((e) => ({ ...e })),
    };
  }
}

/** Summarises a finished batch; the same result as feeding SummaryBuilder call by call. */
export function summarize(calls: readonly CallReport[], errors: readonly InputError[], rules: SummaryRules, options: SummaryOptions = {}): Summary {
  const builder = new SummaryBuilder(rules);
  for (const call of calls) builder.add(call);
  for (const error of errors) builder.addError(error);
  return builder.result(options);
}
