/**
 * The batch dashboard: the overview (totals, score histogram, reps compared on score, talk share,
 * questions and habits) as static HTML, then every call as embedded JSON drawn by one small script that
 * sorts, filters and opens a call's findings. Nothing loads from anywhere; the CSP allows only that script.
 */
import { createHash } from 'node:crypto';
import type { Report } from '../../types.js';
import type { Formatter } from '../types.js';
import { summarize, type Summary } from '../../report/summary.js';
import { escapeHtml as h, percent, round } from '../escape.js';
import { counts, CSS, overviewHtml } from '../html.js';
import { callData, callFacts, dashboardData, embedJson, StringTable, type CallFacts } from './data.js';
import { StreamSummary, type StreamFormatter, type TextSink } from '../stream.js';
import { DASHBOARD_SCRIPT } from './script.js';

const SCRIPT_HASH = createHash('sha256').update(DASHBOARD_SCRIPT).digest('base64');

/** The dashboard's policy: the page's own styles, and the one script by its hash; nothing else, from anywhere. */
export const DASHBOARD_CSP = `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-${SCRIPT_HASH}'; base-uri 'none'; form-action 'none'`;

const DASHBOARD_CSS = `
main{padding:16px}.scroll{overflow-x:auto;max-width:100%}
.tools{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:center;margin:0 0 10px}
.tools input{font:inherit;padding:6px 8px;border:1px solid #c5ccd3;border-radius:6px;min-width:0;flex:1 1 200px;max-width:360px}
button.sort{all:unset;cursor:pointer;font-weight:600}button.sort[aria-sort=ascending]::after{content:" ▲"}button.sort[aria-sort=descending]::after{content:" ▼"}
button.more,#rep-filter button{font:inherit;padding:4px 10px;border:1px solid #c5ccd3;border-radius:6px;background:#fff;cursor:pointer}
.turns{display:flex;flex-wrap:wrap;gap:4px;margin-top:6px}.turn{flex:1 1 120px;font-size:12px;padding:4px 6px;border-radius:4px;border-left:4px solid #2a7ab0;background:#f3f7fb}
.turn.seller{border-color:#d9603b;background:#fbf3f0}.turn.here{outline:2px solid #c99a16}.turn q{display:block;color:#5f6b76;margin-top:2px}
#detail{scroll-margin-top:8px}
@media (max-width:640px){main{padding:8px}section{padding:12px 10px}.charts figure{flex-basis:100%}.c-bo,.c-sc,table.summary td:nth-child(6),table.summary td:nth-child(7){display:none}th,td{padding:4px 5px}}
`;

interface RepCompare {
  key: string;
  talk: number;
  questions: number;
  open: number;
  calls: number;
}

/** Talk share and questions per rep (the summary's rep rows have score and habits): means over the rep's judged calls. */
function repComparison(summary: Summary): Map<string, RepCompare> {
  const out = new Map<string, RepCompare>();
  for (const row of summary.calls) {
    if (row.score === null) continue;
    for (const key of new Set(row.sellers.map((s) => s.trim().toLowerCase()))) {
      const r = out.get(key) ?? { key, talk: 0, questions: 0, open: 0, calls: 0 };
      out.set(key, r);
      r.calls++;
      r.talk += row.sellerTalkShare;
      r.questions += row.sellerQuestions;
      r.open += row.openQuestions;
    }
  }
  return out;
}

/** The overview (html.ts's), with the reps compared on score, talk share, questions and habits, each name opening the rep's calls. */
export function overview(report: Report, summary: Summary): string {
  const compare = repComparison(summary);
  const reps = summary.reps.map((r) => {
    const key = r.name.trim().toLowerCase();
    const c = compare.get(key);
    const mean = (v: number | undefined) => (c && c.calls ? round((v ?? 0) / c.calls, 1) : 0);
    return (
      `<tr><td><a href="#rep=${h(encodeURIComponent(key))}">${h(r.name)}</a></td><td class="num">${r.calls}</td><td class="num">${r.averageScore}</td><td class="num">${r.minScore}–${r.maxScore}</td>` +
      `<td class="num">${c ? percent(c.talk / c.calls) : '—'}</td><td class="num">${mean(c?.questions)} (${mean(c?.open)})</td><td>${counts(r.habits)}</td><td>${counts(r.strengths)}</td></tr>`
    );
  });
  const tables = reps.length
    ? `<section><h2>Reps</h2><p class="muted">Means over each rep's judged calls; a name opens the rep's calls.</p><div class="scroll"><table class="reps"><thead><tr><th>Rep</th><th class="num">Calls</th><th class="num">Average</th><th class="num">Range</th><th class="num">Seller talk</th><th class="num">Questions (open)</th><th>Habits</th><th>Strengths</th></tr></thead><tbody>${reps.join('')}</tbody></table></div></section>`
    : '';
  return overviewHtml(report, summary, tables);
}

const CALLS_SECTION =
  '<section id="calls" hidden><h2>Calls</h2><div class="tools"><input id="filter" type="search" placeholder="Filter by file, seller or issue" aria-label="Filter calls">' +
  '<span id="call-count" class="muted"></span><span id="rep-filter" hidden>Rep: <b></b> <button type="button">show every rep</button></span></div>' +
  '<div class="scroll"><table class="summary"><thead><tr id="call-head"></tr></thead><tbody id="call-rows"></tbody></table></div>' +
  '<p><button type="button" id="more" class="more" hidden></button></p></section><section id="detail" hidden></section>' +
  '<noscript><section><p class="muted">The calls table needs JavaScript; the overview above does not.</p></section></noscript>';

/** Failed gates by the file they name, as the page lists them. */
function gatesByFile(report: Report): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const g of report.gates ?? []) out.set(g.file, [...(out.get(g.file) ?? []), `${g.gate}: ${g.message}`]);
  return out;
}

/** The page up to its embedded data: the overview is static HTML, the calls are drawn from the data. */
function pageHead(report: Report, summary: Summary): string {
  return (
    '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n' +
    `<meta http-equiv="Content-Security-Policy" content="${DASHBOARD_CSP}">\n` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    `<meta name="referrer" content="no-referrer">\n<title>${h(report.tool.name)} report</title>\n<style>${CSS}${DASHBOARD_CSS}</style>\n</head>\n<body>\n<main>\n` +
    overview(report, summary) +
    CALLS_SECTION +
    '\n</main>\n<script type="application/json" id="data">'
  );
}

const PAGE_TAIL = `</script>\n<script>${DASHBOARD_SCRIPT}</script>\n</body>\n</html>\n`;

export const formatDashboard: Formatter = (report, options) => {
  const summary = summarize(report.calls, report.errors, report.rules, { sort: options.sort });
  return pageHead(report, summary) + embedJson(dashboardData(report, summary, gatesByFile(report))) + PAGE_TAIL;
};

/**
 * The same page streamed: each call's facts are kept as JSON when it arrives; at the end the string table is
 * filled in the summary's order, so the data is written as `{"strings":[...],"calls":[...]}` with each call
 * embedded on its own (embedJson escapes character by character, so the pieces join to the whole).
 */
export const streamDashboard: StreamFormatter = (rules, options) => {
  const rows = new StreamSummary(rules, options.sort);
  return {
    inOrder: false,
    part: (call) => JSON.stringify(callFacts(call)),
    taken: (call) => rows.add(call),
    end(out: TextSink, report, parts) {
      const summary = rows.result(report.errors);
      const gates = gatesByFile(report);
      const strings = new StringTable();
      // Held as embedded text (a few KB a call), since the string table they fill goes before them.
      const calls = summary.calls.map((row) => embedJson(callData(JSON.parse(parts.read(row.index)) as CallFacts, row, strings, gates.get(row.file) ?? [])));
      out.write(pageHead(report, summary));
      out.write(`{"strings":${embedJson(strings.list)},"calls":[`);
      calls.forEach((c, i) => out.write(i ? `,${c}` : c));
      out.write(']}');
      out.write(PAGE_TAIL);
    },
  };
};
