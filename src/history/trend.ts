/** Each rep's trend over periods (weeks or months): pure arithmetic over the calls the history holds. */
import type { HistoryCall } from './store.js';
import { repKey } from './store.js';

export type PeriodKind = 'week' | 'month';

export interface TrendPeriod {
  /** First day of the period, YYYY-MM-DD (a Monday for weeks). */
  start: string;
  calls: number;
  /** Calls that were judged (sales calls); only they have a score. */
  judged: number;
  /** Mean score of the judged calls, one decimal; null when none was judged. */
  averageScore: number | null;
  /** Mean seller talk share, 0..1, two decimals. */
  talkShare: number;
  /** Mean open questions the seller asked per call, one decimal. */
  openQuestions: number;
  /** The habit found most often in the period (ties by rule id), with its count. */
  topHabit: { ruleId: string; count: number } | null;
  /** Change since the rep's first period; null in the first period or where either side has no score. */
  change: { averageScore: number | null; talkShare: number; openQuestions: number } | null;
}

export interface RepTrend {
  name: string;
  periods: TrendPeriod[];
}

export interface Trend {
  by: PeriodKind;
  reps: RepTrend[];
}

export interface TrendOptions {
  by?: PeriodKind;
  /** Only this rep (matched case-insensitively). */
  rep?: string;
}

/** The first day of the period a day falls in; weeks start on Monday (ISO 8601). */
export function periodStart(day: string, by: PeriodKind): string {
  if (by === 'month') return `${day.slice(0, 7)}-01`;
  const d = new Date(`${day}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - back);
  return d.toISOString().slice(0, 10);
}

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

interface Bucket {
  calls: number;
  judged: number;
  scoreSum: number;
  talkSum: number;
  openSum: number;
  habits: Map<string, number>;
}

function topHabit(habits: Map<string, number>): TrendPeriod['topHabit'] {
  let best: { ruleId: string; count: number } | null = null;
  for (const [ruleId, count] of habits) if (!best || count > best.count || (count === best.count && ruleId < best.ruleId)) best = { ruleId, count };
  return best;
}

/** Groups the calls by rep and period; reps by name, periods by date. Deterministic for the same calls. */
export function buildTrend(calls: readonly HistoryCall[], options: TrendOptions = {}): Trend {
  const by = options.by ?? 'week';
  const only = options.rep === undefined ? undefined : repKey(options.rep);
  const reps = new Map<string, { name: string; buckets: Map<string, Bucket> }>();
  for (const call of calls) {
    for (const seller of call.sellers) {
      if (only !== undefined && seller.key !== only) continue;
      const rep = reps.get(seller.key) ?? { name: seller.name, buckets: new Map<string, Bucket>() };
      reps.set(seller.key, rep);
      const start = periodStart(call.date, by);
      const b = rep.buckets.get(start) ?? { calls: 0, judged: 0, scoreSum: 0, talkSum: 0, openSum: 0, habits: new Map<string, number>() };
      rep.buckets.set(start, b);
      b.calls++;
      b.talkSum += call.talkShare;
      b.openSum += call.openQuestions;
      if (call.score !== null) {
        b.judged++;
        b.scoreSum += call.score;
      }
      for (const [id, n] of call.habits.get(seller.key) ?? []) b.habits.set(id, (b.habits.get(id) ?? 0) + n);
    }
  }
  const list: RepTrend[] = [...reps.values()].map((rep) => {
    const periods = [...rep.buckets.entries()]
      .sort(([a], [b]) => compare(a, b))
      .map(([start, b]) => ({
        start,
        calls: b.calls,
        judged: b.judged,
        averageScore: b.judged ? round(b.scoreSum / b.judged, 1) : null,
        talkShare: round(b.talkSum / b.calls, 2),
        openQuestions: round(b.openSum / b.calls, 1),
        topHabit: topHabit(b.habits),
        change: null as TrendPeriod['change'],
      }));
    const first = periods[0]!;
    for (const p of periods.slice(1)) {
      p.change = {
        averageScore: p.averageScore !== null && first.averageScore !== null ? round(p.averageScore - first.averageScore, 1) : null,
        talkShare: round(p.talkShare - first.talkShare, 2),
        openQuestions: round(p.openQuestions - first.openQuestions, 1),
      };
    }
    return { name: rep.name, periods };
  });
  list.sort((a, b) => compare(a.name.toLowerCase(), b.name.toLowerCase()) || compare(a.name, b.name));
  return { by, reps: list };
}
