/** GitHub-flavoured Markdown for wikis and PR comments: summary tables, then one section per call in the terminal report's order (src/format/digest.ts). */
import type { CallReport, Report, RuleMeta } from '../types.js';
import { formatStreamed, OneTrailingNewline, StreamSummary, writeLines, type StreamFormatter } from './stream.js';
import type { Formatter } from './types.js';
import { digestCall, DEFAULT_QUOTES, type FindingGroup, type Quote } from './digest.js';
import type { RuleCount, Summary } from '../report/summary.js';
import { escapeMarkdown as md, formatTime, percent, round, splitMatch } from './escape.js';

/** Quotes each habit lists by default (the maxFindings option changes it), as in the terminal report. */
export const MARKDOWN_QUOTES = DEFAULT_QUOTES;

function table(head: string[], rows: string[][]): string[] {
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

function counts(list: RuleCount[]): string {
  return list.length === 0 ? '—' : list.map((c) => `${md(c.ruleId)} (${c.count})`).join(', ');
}

/** Quote with the trigger in bold; each piece is escaped on its own so the bold markers stay ours. */
function quote(f: Pick<Quote, 'text' | 'match'>): string {
  const { before, match, after } = splitMatch(f);
  return match ? `“${md(before)}**${md(match)}**${md(after)}”` : `“${md(before)}”`;
}

/** Where a quote stands: its line, and the cue time where the format has times. */
function where(q: Pick<Quote, 'line' | 'at'>): string {
  return [q.line !== undefined ? `line ${q.line}` : '', q.at ? `(${q.at})` : ''].filter(Boolean).join(' ');
}

/** A quote with where it stands and who said it. */
function said(q: Quote): string {
  const who = [where(q), q.speaker !== undefined ? md(q.speaker) : ''].filter(Boolean).join(' ');
  return who ? `${who}: ${quote(q)}` : quote(q);
}

function code(id: string): string {
  return `\`${id.replace(/`/g, '')}\``;
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

/** One call in the order of the terminal report: header, what to change first, habits, strengths, the conversation, the journey. */
function callSection(call: CallReport, rules: readonly RuleMeta[], maxQuotes: number | undefined): string[] {
  const d = digestCall(call, rules, maxQuotes !== undefined ? { maxQuotes } : {});
  const m = call.metrics;
  const out = [`## ${md(call.file)}`, ''];
  if (d.score === null) {
    out.push(`Not judged: ${md(call.salesCallReasons.join('; '))}`, '');
    return out;
  }
  out.push(`Score **${d.score}**/100: ${md(d.verdict)}.` + (m.durationSeconds !== undefined ? ` Duration ${formatTime(m.durationSeconds)}.` : ''), '');
  if (d.roles.length) out.push(d.roles.map((r) => `${r.role === 'seller' ? 'Seller' : 'Buyer'} ${md(r.name)} (${md(r.how)})`).join('; ') + '.', '');
  const n = d.counts;
  out.push(`${n.sellerCentric} seller-focused findings (habits), ${n.buyerOwnership} buyer-focused (strengths)` + (n.suppressed ? `; ${n.suppressed} accepted by a directive, not counted` : '') + '.', '');
  if (call.scoreComponents.length > 0) {
    out.push(
      ...table(
        ['Component', 'Value', 'Weight', 'Points', 'Detail'],
        call.scoreComponents.map((c) => [md(c.name), String(round(c.value)), String(c.weight), String(round(c.points, 1)), md(c.detail)]),
      ),
      '',
    );
  }
  out.push('### What to change first', '');
  if (d.changes.length === 0) out.push('Nothing costs this call points.', '');
  d.changes.forEach((ch, i) => {
    out.push(`${i + 1}. **${ch.worth}**: ${md(ch.suggestion)} (${code(ch.ruleId)})`);
    if (ch.quote) out.push(`   ${said(ch.quote)}`);
  });
  if (d.changes.length) out.push('');
  if (d.habits.length) {
    out.push('### Habits (seller-focused), worst first', '');
    for (const g of d.habits) out.push(...group(g, true));
    out.push('');
  }
  if (d.strengths.length) {
    out.push('### Strengths (buyer-focused)', '');
    for (const g of d.strengths) out.push(...group(g, false));
    out.push('');
  }
  out.push('### Conversation', '');
  for (const s of d.shape) {
    out.push(`- ${md(s.label)}: ${md(s.value)}` + (s.flag ? ` — **${s.flag.severity}** ${code(s.flag.ruleId)}: ${md(s.flag.message)}` : ''));
  }
  out.push('', "### The buyer's journey", '', md(d.journey.sentence), '');
  for (const j of d.journey.jumps) out.push(`> **${j.severity}** ${code(j.ruleId)}${where(j) ? ` at ${where(j)}` : ''}: ${md(j.message.replace(/\.$/, ''))}. Try: ${md(j.suggestion)}`, '');
  return out;
}

/** A habit or strength: the message once, its quotes, and (for a habit that is not a change above) the suggestion. */
function group(g: FindingGroup, habit: boolean): string[] {
  const out = [`- ${habit ? `**${g.severity}** ` : ''}${code(g.ruleId)} ×${g.count}: ${md(g.message)}` + (g.change ? ` (change ${g.change} above)` : '')];
  for (const q of g.quotes) out.push(`  - ${said(q)}`);
  if (g.more > 0) out.push(`  - …and ${g.more} more.`);
  if (habit && !g.change) out.push(`  - Try: ${md(g.suggestion)}`);
  return out;
}

/**
 * The whole report as Markdown; tables escape every transcript-derived string. Each call's section is made
 * as the call arrives and kept; the summary tables come first, then the sections in the summary's order,
 * so the page reads top to bottom like the table.
 */
export const streamMarkdown: StreamFormatter = (rules, options) => {
  const rows = new StreamSummary(rules, options.sort);
  return {
    inOrder: false,
    part: (call) => callSection(call, rules, options.maxFindings).map((line) => `${line}\n`).join(''),
    taken: (call) => rows.add(call),
    end(out, report, parts) {
      const summary = rows.result(report.errors);
      // The page ends with one newline however its last section ends.
      const page = new OneTrailingNewline(out);
      writeLines(page, overview(report, summary));
      for (const row of summary.calls) parts.writeTo(row.index, page);
      page.close();
    },
  };
};

export const formatMarkdown: Formatter = (report, options) => formatStreamed(streamMarkdown, report, options);
