/** GitHub-flavoured Markdown for wikis and PR comments: summary tables, then one section per call. */
import type { CallReport, Finding, Report, Severity } from '../types.js';
import type { Formatter } from './types.js';
import { isJourneyJump } from '../report/finding.js';
import { summarize, type RuleCount, type Summary } from '../report/summary.js';
import { escapeMarkdown as md, formatTime, percent, round, splitMatch } from './escape.js';

/** How many findings each call section lists; the rest are counted, so a PR comment stays readable. */
export const MARKDOWN_TOP_FINDINGS = 10;

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function table(head: string[], rows: string[][]): string[] {
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

function counts(list: RuleCount[]): string {
  return list.length === 0 ? '—' : list.map((c) => `${md(c.ruleId)} (${c.count})`).join(', ');
}

/** Quote with the trigger in bold; each piece is escaped on its own so the bold markers stay ours. */
function quote(f: Finding): string {
  const { before, match, after } = splitMatch(f);
  return match ? `“${md(before)}**${md(match)}**${md(after)}”` : `“${md(before)}”`;
}

/** Seller-centric first (what to fix), then by severity, then by line. */
function topFindings(call: CallReport): Finding[] {
  return call.findings
    .filter((f) => !f.suppressed && !isJourneyJump(f))
    .map((f, i) => ({ f, i }))
    .sort(
      (a, b) =>
        (a.f.kind === b.f.kind ? 0 : a.f.kind === 'seller-centric' ? -1 : 1) ||
        SEVERITY_RANK[a.f.severity] - SEVERITY_RANK[b.f.severity] ||
        (a.f.line ?? 0) - (b.f.line ?? 0) ||
        a.i - b.i,
    )
    .map(({ f }) => f);
}

function overview(report: Report, summary: Summary): string[] {
  const t = summary.totals;
  const out = [
    `# ${md(report.tool.name)} report`,
    '',
    `${t.calls} call${t.calls === 1 ? '' : 's'} analysed, ${t.failed} failed` +
      (t.notJudged ? `, ${t.notJudged} not judged` : '') +
      (t.averageScore === null ? '.' : `, average score **${t.averageScore}**.`),
    '',
    `Score distribution: ${t.distribution.map((b) => `${b.label}: ${b.count}`).join(' · ')}`,
    '',
  ];
  if (summary.calls.length > 0) {
    out.push('## Calls', '');
    out.push(
      ...table(
        ['File', 'Sellers', 'Score', 'Seller talk', 'Questions (open)', 'Seller-centric', 'Buyer-ownership', 'Top issue'],
        summary.calls.map((r) => [
          md(r.file),
          md(r.sellers.join(', ')) || '—',
          r.score === null ? 'not judged' : String(r.score),
          percent(r.sellerTalkShare),
          `${r.sellerQuestions} (${r.openQuestions})`,
          String(r.sellerCentric),
          String(r.buyerOwnership),
          r.topIssue ? `${md(r.topIssue.ruleId)} ×${r.topIssue.count}: ${md(r.topIssue.message)}` : '—',
        ]),
      ),
      '',
    );
  }
  if (summary.reps.length > 0) {
    out.push('## Reps', '');
    out.push(
      ...table(
        ['Rep', 'Calls', 'Average', 'Min', 'Max', 'Habits', 'Strengths'],
        summary.reps.map((r) => [
          md(r.name),
          String(r.calls),
          String(r.averageScore),
          String(r.minScore),
          String(r.maxScore),
          counts(r.habits),
          counts(r.strengths),
        ]),
      ),
      '',
    );
  }
  if (summary.failed.length > 0) {
    out.push('## Failed files', '');
    for (const e of summary.failed) {
      out.push(`- ${md(e.file)}${e.line ? `:${e.line}` : ''}: ${md(e.message)}${e.code ? ` (${md(e.code)})` : ''}`);
    }
    out.push('');
  }
  if (report.gates && report.gates.length > 0) {
    out.push('## Failed gates', '');
    for (const g of report.gates) out.push(`- ${md(g.file)}: ${md(g.gate)}: ${md(g.message)}`);
    out.push('');
  }
  return out;
}

function callSection(call: CallReport): string[] {
  const m = call.metrics;
  const out = [`## ${md(call.file)}`, ''];
  const facts = [
    call.score === null ? `Not judged: ${md(call.salesCallReasons.join('; '))}` : `Score **${call.score}**/100`,
    `seller talk ${percent(m.sellerTalkShare)}`,
    `${m.sellerQuestions} seller questions (${m.sellerOpenQuestions} open)`,
    `longest monologue ${m.longestSellerMonologueWords} words`,
  ];
  if (m.durationSeconds !== undefined) facts.push(`duration ${formatTime(m.durationSeconds)}`);
  out.push(facts.join(' · '), '');
  if (call.scoreComponents.length > 0) {
    out.push(
      ...table(
        ['Component', 'Value', 'Weight', 'Points', 'Detail'],
        call.scoreComponents.map((c) => [md(c.name), String(round(c.value)), String(c.weight), String(round(c.points, 1)), md(c.detail)]),
      ),
      '',
    );
  }
  for (const jump of call.findings.filter(isJourneyJump)) out.push(`> **Journey:** line ${jump.line}: ${md(jump.message)}`, '');
  const findings = topFindings(call);
  if (findings.length === 0) {
    out.push('No findings.', '');
    return out;
  }
  const shown = findings.slice(0, MARKDOWN_TOP_FINDINGS);
  out.push(
    '### Top findings',
    '',
    ...table(
      ['Line', 'Rule', 'Quote', 'Suggestion'],
      shown.map((f) => [
        f.line === undefined ? 'call' : String(f.line) + (f.time !== undefined ? ` (${formatTime(f.time)})` : ''),
        `${f.kind === 'seller-centric' ? '🔸' : '🔹'} \`${f.ruleId.replace(/`/g, '')}\``,
        quote(f),
        md(f.suggestion),
      ]),
    ),
    '',
  );
  if (findings.length > shown.length) out.push(`…and ${findings.length - shown.length} more.`, '');
  return out;
}

/** The whole report as Markdown; tables escape every transcript-derived string. */
export const formatMarkdown: Formatter = (report, options) => {
  const summary = summarize(report.calls, report.errors, report.rules, { sort: options.sort });
  const lines = overview(report, summary);
  // Sections follow the summary's order so the page reads top to bottom like the table.
  for (const row of summary.calls) lines.push(...callSection(report.calls[row.index]!));
  return lines.join('\n').replace(/\n+$/, '') + '\n';
};
