/** The batch summary for the terminal: the per-call table, the per-rep table, totals and failed files. */
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import type { Formatter } from './types.js';
import { summarize } from '../report/summary.js';

function pct(share: number): string {
  return `${Math.round(share * 100)}%`;
}

export const formatSummary: Formatter = (report, options) => {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const summary = summarize(report.calls, report.errors, report.rules, { sort: options.sort });
  const style = { head: options.color ? ['bold'] : [], border: [] as string[] };
  const gated = new Set((report.gates ?? []).map((g) => g.file));
  const out: string[] = [];

  if (summary.calls.length > 0) {
    const calls = new Table({ head: ['file', 'sellers', 'score', 'seller talk', 'questions (open)', 'seller-centric', 'buyer-ownership', 'top issue'], style });
    for (const r of summary.calls) {
      const score = r.score === null ? c.dim('not judged') : r.score >= 70 ? c.green(String(r.score)) : r.score >= 45 ? c.yellow(String(r.score)) : c.red(String(r.score));
      calls.push([
        gated.has(r.file) ? `${r.file} ${c.red('(gate failed)')}` : r.file,
        r.sellers.join(', '),
        score,
        pct(r.sellerTalkShare),
        `${r.sellerQuestions} (${r.openQuestions})`,
        String(r.sellerCentric) + (r.suppressed ? c.dim(` +${r.suppressed} accepted`) : ''),
        String(r.buyerOwnership),
        r.topIssue ? `${r.topIssue.ruleId} x${r.topIssue.count}` : '',
      ]);
    }
    out.push(c.bold('calls'), calls.toString());
  }

  if (summary.reps.length > 0) {
    const reps = new Table({ head: ['rep', 'calls', 'average', 'min', 'max', 'habits', 'strengths'], style });
    for (const r of summary.reps) {
      reps.push([
        r.name,
        String(r.calls),
        String(r.averageScore),
        String(r.minScore),
        String(r.maxScore),
        r.habits.map((h) => `${h.ruleId} x${h.count}`).join(', '),
        r.strengths.map((h) => `${h.ruleId} x${h.count}`).join(', '),
      ]);
    }
    out.push(c.bold('reps'), reps.toString());
  }

  const t = summary.totals;
  const dist = t.distribution.map((b) => `${b.label}: ${b.count}`).join(', ');
  out.push(
    c.bold(`${t.calls} call${t.calls === 1 ? '' : 's'} analyzed`) +
      (t.averageScore !== null ? `, average buyer focus ${t.averageScore}/100` : '') +
      (t.notJudged > 0 ? `, ${t.notJudged} not judged` : '') +
      (t.failed > 0 ? c.red(`, ${t.failed} failed`) : '') +
      (t.calls > 0 ? c.dim(` (scores ${dist})`) : ''),
  );

  if (summary.failed.length > 0) {
    out.push(c.bold('failed files'));
    for (const e of summary.failed) out.push(c.red(`  ${e.file}${e.line ? `:${e.line}` : ''}: ${e.message}`));
  }
  if (report.gates && report.gates.length > 0) {
    out.push(c.bold('failed gates'));
    for (const g of report.gates) out.push(c.red(`  ${g.file}: ${g.gate}: ${g.message}`));
  }
  return out.join('\n') + '\n';
};
