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

export class StringTable {
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

/**
 * What the dashboard reads of one call, strings still strings: made as the call arrives (and kept as JSON by
 * a streamed report), turned into CallData with the string table once the summary's order is known.
 */
export interface CallFacts {
  file: string;
  score: number | null;
  talk: number;
  questions: number;
  open: number;
  roles: string;
  words: number[];
  /** As FindingData, with the rule, severity, speaker, message and suggestion as strings (null: none). */
  findings: Array<[number, string, number, string, string | null, string, number, string, string, number, number, number, number]>;
}

export function callFacts(call: CallReport): CallFacts {
  return {
    file: call.file,
    score: call.score,
    talk: Math.round(call.metrics.sellerTalkShare * 100),
    questions: call.metrics.sellerQuestions,
    open: call.metrics.sellerOpenQuestions,
    roles: call.timeline.map((t) => (t.role === 'seller' ? 's' : 'b')).join(''),
    words: call.timeline.map((t) => t.words),
    findings: call.findings.map((f) => {
      // The match as a span of its sentence, found as the other formats find it (splitMatch): it is most of a sentence's size again.
      const at = f.match ? f.text.indexOf(f.match) : -1;
      return [f.line ?? 0, f.ruleId, f.kind === 'seller-centric' ? 1 : 0, f.severity, f.speaker ?? null, f.text, at, f.message, f.suggestion, f.suppressed ? 1 : 0, f.turn ?? -1, f.time === undefined ? -1 : Math.round(f.time), at < 0 ? 0 : f.match.length];
    }),
  };
}

/** One call's row; the string table is filled in the order the page has always used (findings, sellers, top issue). */
export function callData(facts: CallFacts, row: Summary['calls'][number], strings: StringTable, gates: string[]): CallData {
  const findings = facts.findings.map(
    (f): FindingData => [f[0], strings.id(f[1]), f[2], strings.id(f[3]), strings.id(f[4] ?? undefined), f[5], f[6], strings.id(f[7]), strings.id(f[8]), f[9], f[10], f[11], f[12]],
  );
  return [
    facts.file,
    row.sellers.map((s) => strings.id(s)),
    facts.score,
    facts.talk,
    facts.questions,
    facts.open,
    row.sellerCentric,
    row.buyerOwnership,
    strings.id(row.topIssue?.ruleId),
    row.topIssue?.count ?? 0,
    facts.roles,
    facts.words,
    findings,
    gates,
    row.notJudged ?? '',
  ];
}

/** The data of every call, in the summary's order. */
export function dashboardData(report: Report, summary: Summary, gatesByFile: Map<string, string[]>): DashboardData {
  const strings = new StringTable();
  const calls = summary.calls.map((row) => callData(callFacts(report.calls[row.index]!), row, strings, gatesByFile.get(row.file) ?? []));
  return { strings: strings.list, calls };
}

/** JSON that is safe inside a <script type="application/json"> element: nothing in it can close the element or open a comment. */
export function embedJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
