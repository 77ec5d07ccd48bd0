/**
 * The dashboard's data: every call reduced to what its row and its drill-down show, with repeated
 * strings (rule ids, messages, suggestions, names) stored once in a string table. Embedded once as JSON.
 */
import type { CallReport, Report } from '../../types.js';
import type { Summary } from '../../report/summary.js';

/** One finding: [line, rule, kind (1 seller-centric, 0 buyer-ownership), severity, speaker, sentence, where the match starts in it (-1 none), message, suggestion, suppressed (1/0), turn, time, the match's length]. Strings are string-table indexes (-1 none), except the sentence. */
export type FindingData = [number, number, number, number, number, string, number, number, number, number, number, number, number];

/** One call: [file, seller indexes, score (null: not judged), talk share %, questions, open questions, seller-centric, buyer-ownership, top issue, top issue count, turn roles ("s"/"b" each), turn words, findings, gates failed, note]. */
export type CallData = [string, number[], number | null, number, number, number, number, number, number, number, string, number[], FindingData[], string[], string];

export interface DashboardData {
  strings: string[];
  calls: CallData[];
}

class StringTable {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();
  id(value: string | undefined): number {
    if (value === undefined) return -1;
    let i = this.index.get(value);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(value);
      this.index.set(value, i);
    }
    return i;
  }
}

function callData(call: CallReport, row: Summary['calls'][number], strings: StringTable, gates: string[]): CallData {
  const findings = call.findings.map((f): FindingData => {
    // The match as a span of its sentence, found as the other formats find it (splitMatch): it is most of a sentence's size again.
    const at = f.match ? f.text.indexOf(f.match) : -1;
    return [
      f.line ?? 0,
      strings.id(f.ruleId),
      f.kind === 'seller-centric' ? 1 : 0,
      strings.id(f.severity),
      strings.id(f.speaker),
      f.text,
      at,
      strings.id(f.message),
      strings.id(f.suggestion),
      f.suppressed ? 1 : 0,
      f.turn ?? -1,
      f.time === undefined ? -1 : Math.round(f.time),
      at < 0 ? 0 : f.match.length,
    ];
  });
  return [
    call.file,
    row.sellers.map((s) => strings.id(s)),
    call.score,
    Math.round(call.metrics.sellerTalkShare * 100),
    call.metrics.sellerQuestions,
    call.metrics.sellerOpenQuestions,
    row.sellerCentric,
    row.buyerOwnership,
    strings.id(row.topIssue?.ruleId),
    row.topIssue?.count ?? 0,
    call.timeline.map((t) => (t.role === 'seller' ? 's' : 'b')).join(''),
    call.timeline.map((t) => t.words),
    findings,
    gates,
    row.notJudged ?? '',
  ];
}

/** The data of every call, in the summary's order. */
export function dashboardData(report: Report, summary: Summary, gatesByFile: Map<string, string[]>): DashboardData {
  const strings = new StringTable();
  const calls = summary.calls.map((row) => callData(report.calls[row.index]!, row, strings, gatesByFile.get(row.file) ?? []));
  return { strings: strings.list, calls };
}

/** JSON that is safe inside a <script type="application/json"> element: nothing in it can close the element or open a comment. */
export function embedJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
