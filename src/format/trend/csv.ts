/** One CSV row per rep and period, for a spreadsheet. */
import type { Trend } from '../../history/trend.js';
import { csvRow } from '../escape.js';

export function formatTrendCsv(trend: Trend): string {
  const rows = [csvRow(['rep', `${trend.by}_start`, 'calls', 'judged', 'average_score', 'talk_share', 'open_questions', 'top_habit', 'top_habit_count', 'score_change', 'talk_share_change', 'open_questions_change'])];
  for (const rep of trend.reps) {
    for (const p of rep.periods) {
      rows.push(csvRow([rep.name, p.start, p.calls, p.judged, p.averageScore, p.talkShare, p.openQuestions, p.topHabit?.ruleId, p.topHabit?.count, p.change?.averageScore, p.change?.talkShare, p.change?.openQuestions]));
    }
  }
  return rows.join('');
}
