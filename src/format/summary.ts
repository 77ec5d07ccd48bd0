/**
 * The batch summary for the terminal: the calls table, the reps compared, totals and failed files.
 * Every table fits the width: it keeps the columns that fit and drops the rest in a stated order
 * (CALL_COLUMNS_DROP_ORDER), and says which it dropped. The top option lists only the N lowest and N highest calls.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import type { Formatter } from './types.js';
import { sortCallRows, type CallRow, type RepRow, type Summary } from '../report/summary.js';
import { DEFAULT_WIDTH } from './terminal.js';
import { fitTable, type Column } from './table.js';
import { wrap } from './wrap.js';
import { percent } from './escape.js';
import { formatStreamed, StreamSummary, writeLines, type StreamFormatter } from './stream.js';
import type { Report } from '../types.js';
import type { FormatOptions } from './types.js';

/** The calls table's columns in the order they go when the table is too wide: the file and the score always stay. */
export const CALL_COLUMNS_DROP_ORDER = ['buyer-focused', 'sellers', 'questions (open)', 'seller talk', 'top habit', 'seller-focused'] as const;
/** The reps table's, likewise: the rep and the average score stay. */
export const REP_COLUMNS_DROP_ORDER = ['range', 'calls', 'questions (open)', 'talk', 'top habit'] as const;

const MIN_WIDTH = 40;

function scoreColour(c: ChalkInstance, score: number | null): (t: string) => string {
  return score === null ? c.dim : score >= 70 ? c.green : score >= 45 ? c.yellow : c.red;
}

function drop(order: readonly string[], head: string): number | undefined {
  const i = order.indexOf(head);
  return i < 0 ? undefined : i;
}

function callsTable(rows: readonly CallRow[], gated: ReadonlySet<string>, c: ChalkInstance, width: number): string[] {
  const col = (head: string, cells: string[], extra: Partial<Column> = {}): Column => ({ head, cells, drop: drop(CALL_COLUMNS_DROP_ORDER, head), ...extra });
  const columns: Column[] = [
    col('file', rows.map((r) => (gated.has(r.file) ? `${r.file} (gate failed)` : r.file)), { min: 24, cutLeft: true, paint: (t, i) => (gated.has(rows[i]!.file) ? t.replace('(gate failed)', c.red('(gate failed)')) : t) }),
    col('sellers', rows.map((r) => r.sellers.join(', ')), { min: 8 }),
    col('score', rows.map((r) => (r.score === null ? 'not judged' : String(r.score))), { align: 'right', paint: (t, i) => scoreColour(c, rows[i]!.score)(t) }),
    col('seller talk', rows.map((r) => percent(r.sellerTalkShare)), { align: 'right' }),
    col('questions (open)', rows.map((r) => `${r.sellerQuestions} (${r.openQuestions})`), { align: 'right' }),
    // The one count every view shows (findings that count: words, the call's shape, the journey).
    col('seller-focused', rows.map((r) => String(r.sellerCentric) + (r.suppressed ? ` +${r.suppressed} accepted` : '')), { align: 'right' }),
    col('buyer-focused', rows.map((r) => String(r.buyerOwnership)), { align: 'right' }),
    col('top habit', rows.map((r) => (r.topIssue ? `${r.topIssue.ruleId} x${r.topIssue.count}` : '')), { min: 16 }),
  ];
  return fitted(columns, c, width);
}

function repsTable(reps: readonly RepRow[], c: ChalkInstance, width: number): string[] {
  const col = (head: string, cells: string[], extra: Partial<Column> = {}): Column => ({ head, cells, drop: drop(REP_COLUMNS_DROP_ORDER, head), ...extra });
  const columns: Column[] = [
    col('rep', reps.map((r) => r.name), { min: 8 }),
    col('calls', reps.map((r) => String(r.calls)), { align: 'right' }),
    col('score', reps.map((r) => String(r.averageScore)), { align: 'right', paint: (t, i) => scoreColour(c, reps[i]!.averageScore)(t) }),
    col('range', reps.map((r) => `${r.minScore}-${r.maxScore}`), { align: 'right' }),
    col('talk', reps.map((r) => percent(r.averageTalkShare)), { align: 'right' }),
    col('questions (open)', reps.map((r) => `${r.averageQuestions} (${r.averageOpenQuestions})`), { align: 'right' }),
    col('top habit', reps.map((r) => (r.habits[0] ? `${r.habits[0].ruleId} x${r.habits[0].count}` : '')), { min: 10 }),
  ];
  return fitted(columns, c, width);
}

function fitted(columns: Column[], c: ChalkInstance, width: number): string[] {
  const table = fitTable(columns, width);
  const [head, ...body] = table.lines;
  const out = [c.bold(head ?? ''), ...body];
  if (table.dropped.length) out.push(...wrap(`(left out to fit ${width} columns: ${table.dropped.join(', ')})`, width).map((l) => c.dim(l)));
  return out;
}

/** With the top option (N): the N lowest and N highest scoring calls, each list worst first and best first. */
function topRows(rows: readonly CallRow[], n: number): { low: CallRow[]; high: CallRow[]; between: number; notJudged: number } {
  const judged = sortCallRows(rows.filter((r) => r.score !== null), 'score');
  const notJudged = rows.length - judged.length;
  if (judged.length <= 2 * n) return { low: judged, high: [], between: 0, notJudged };
  return { low: judged.slice(0, n), high: judged.slice(-n).reverse(), between: judged.length - 2 * n, notJudged };
}

/** The summary's lines (the summary tables read only what batch/pipeline.ts's summary views keep). */
function summaryLines(report: Report, summary: Summary, options: FormatOptions): string[] {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const width = Math.max(MIN_WIDTH, options.width ?? DEFAULT_WIDTH);
  const gated = new Set((report.gates ?? []).map((g) => g.file));
  const out: string[] = [];

  if (summary.calls.length > 0) {
    if (options.top !== undefined) {
      const top = topRows(summary.calls, options.top);
      if (top.high.length === 0) out.push(c.bold('calls, lowest score first'), ...callsTable(top.low, gated, c, width));
      else {
        out.push(c.bold(`the ${top.low.length} lowest-scoring calls`), ...callsTable(top.low, gated, c, width));
        out.push(c.bold(`the ${top.high.length} highest-scoring calls`), ...callsTable(top.high, gated, c, width));
        out.push(c.dim(`(${top.between} call${top.between === 1 ? '' : 's'} in between not listed)`));
      }
      if (top.notJudged) out.push(c.dim(`(${top.notJudged} not judged, not listed)`));
    } else out.push(c.bold('calls'), ...callsTable(summary.calls, gated, c, width));
  }

  if (summary.reps.length > 0) out.push(c.bold('reps compared (means over their calls)'), ...repsTable(summary.reps, c, width));

  const t = summary.totals;
  const dist = t.distribution.map((b) => `${b.label}: ${b.count}`).join(', ');
  const totals =
    `${t.calls} call${t.calls === 1 ? '' : 's'} analyzed` +
    (t.averageScore !== null ? `, average buyer focus ${t.averageScore}/100` : '') +
    (t.notJudged > 0 ? `, ${t.notJudged} not judged` : '') +
    (t.failed > 0 ? `, ${t.failed} failed` : '') +
    (t.calls > 0 ? ` (scores ${dist})` : '');
  out.push(...wrap(totals, width, '', '  ').map((l) => c.bold(l)));

  if (summary.failed.length > 0) {
    out.push(c.bold('failed files'));
    for (const e of summary.failed) out.push(...wrap(`${e.file}${e.line ? `:${e.line}` : ''}: ${e.message}`, width, '  ', '    ').map((l) => c.red(l)));
  }
  if (report.gates && report.gates.length > 0) {
    out.push(c.bold('failed gates'));
    for (const g of report.gates) out.push(...wrap(`${g.file}: ${g.gate}: ${g.message}`, width, '  ', '    ').map((l) => c.red(l)));
  }
  return out;
}

export const streamSummary: StreamFormatter = (rules, options) => {
  const rows = new StreamSummary(rules, options.sort);
  return {
    inOrder: false,
    part: () => '',
    taken: (call) => rows.add(call),
    end: (out, report) => writeLines(out, summaryLines(report, rows.result(report.errors), options)),
  };
};

export const formatSummary: Formatter = (report, options) => formatStreamed(streamSummary, report, options);
