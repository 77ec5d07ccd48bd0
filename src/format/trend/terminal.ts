/** A compact table per rep with a sparkline of the score, for a coach at a terminal. */
import type { RepTrend, Trend, TrendPeriod } from '../../history/trend.js';

const BARS = '▁▂▃▄▅▆▇█';

// Control and bidi characters in a recorded speaker name must not reach the terminal.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const plain = (text: string) => text.replace(UNSAFE, '�');

/** One block per period on a fixed 0..100 scale, so two reps' lines compare; a dot where no call was judged. */
export function sparkline(periods: readonly Pick<TrendPeriod, 'averageScore'>[]): string {
  return periods.map((p) => (p.averageScore === null ? '·' : BARS[Math.min(BARS.length - 1, Math.floor((Math.max(0, p.averageScore) / 100) * BARS.length))]!)).join('');
}

function signed(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined) return '';
  const text = value.toFixed(digits);
  return value > 0 ? `+${text}` : text;
}

function pad(text: string, width: number, right = false): string {
  const room = Math.max(0, width - [...text].length);
  return right ? ' '.repeat(room) + text : text + ' '.repeat(room);
}

function repBlock(rep: RepTrend, by: Trend['by']): string {
  const first = rep.periods[0]!;
  const last = rep.periods[rep.periods.length - 1]!;
  const calls = rep.periods.reduce((n, p) => n + p.calls, 0);
  const change = last.change?.averageScore;
  const score = (v: number | null) => (v === null ? '—' : v.toFixed(1));
  const head =
    `${plain(rep.name)}  ${sparkline(rep.periods)}  ${rep.periods.length} ${by}(s), ${calls} call(s), score ${score(first.averageScore)}` +
    (rep.periods.length > 1 ? ` → ${score(last.averageScore)}${change === null || change === undefined ? '' : ` (${signed(change)})`}` : '');
  const header = ['  ' + pad(by === 'week' ? 'week of' : 'month', 12), pad('calls', 5, true), pad('score', 6, true), pad('change', 7, true), pad('talk', 5, true), pad('open q', 7, true), '  top habit'].join(' ');
  const lines = rep.periods.map((p) =>
    [
      '  ' + pad(by === 'week' ? p.start : p.start.slice(0, 7), 12),
      pad(String(p.calls), 5, true),
      pad(score(p.averageScore), 6, true),
      pad(signed(p.change?.averageScore), 7, true),
      pad(`${Math.round(p.talkShare * 100)}%`, 5, true),
      pad(p.openQuestions.toFixed(1), 7, true),
      '  ' + (p.topHabit ? `${plain(p.topHabit.ruleId)} ×${p.topHabit.count}` : '—'),
    ].join(' '),
  );
  return [head, header, ...lines].join('\n');
}

export function formatTrendTerminal(trend: Trend): string {
  if (trend.reps.length === 0) return 'No calls in the history for these reps and dates.\n';
  return `${trend.reps.map((r) => repBlock(r, trend.by)).join('\n\n')}\n`;
}
