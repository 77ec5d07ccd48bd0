/** Self-contained HTML (inline CSS and SVG, no network): a call's page with its charts, timeline, journey and findings; a batch's dashboard (dashboard/). */
import type { CallReport, Finding, JourneyStepName, Report, Role, RuleMeta } from '../types.js';
import { digestCall, type CallDigest, type FindingGroup, type Quote } from './digest.js';
import type { Formatter } from './types.js';
import { isJourneyJump } from '../report/finding.js';
import { summarize, type RepRow, type RuleCount, type ScoreBucket, type Summary } from '../report/summary.js';
import { escapeHtml as h, formatTime, percent, round, splitMatch } from './escape.js';
import { formatDashboard, streamDashboard } from './dashboard/page.js';
import { singleOrBatch, type StreamFormatter } from './stream.js';

/** No scripts, fonts or remote images may load even if escaping ever failed: defence in depth. */
export const HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const STEPS: JourneyStepName[] = ['connect', 'reasons', 'explore', 'decide', 'own'];
const STEP_COLORS: Record<JourneyStepName, string> = {
  connect: '#8e7cc3',
  reasons: '#3d85c6',
  explore: '#6aa84f',
  decide: '#e69138',
  own: '#c27ba0',
};
const ROLE_COLORS: Record<Role, string> = { seller: '#d9603b', buyer: '#2a7ab0' };

export const CSS = `
*{box-sizing:border-box}
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d2329;background:#f6f7f9}
main{max-width:1100px;margin:0 auto;padding:24px}
h1{margin:0 0 4px;font-size:26px}h2{margin:0 0 12px;font-size:20px}h3{margin:18px 0 8px;font-size:16px}
section{background:#fff;border:1px solid #dde1e6;border-radius:8px;padding:18px 20px;margin:18px 0}
.muted{color:#5f6b76}.charts{display:flex;flex-wrap:wrap;gap:24px}.charts figure{margin:0;flex:1 1 420px}
figcaption{font-weight:600;margin-bottom:6px}
table{border-collapse:collapse;width:100%;margin:6px 0}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #e6e9ed;vertical-align:top}
th{background:#f0f2f5;font-weight:600}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.score{display:inline-block;min-width:64px;text-align:center;font-size:28px;font-weight:700;border-radius:8px;padding:4px 10px;color:#fff}
.s0{background:#b33a3a}.s1{background:#d0672c}.s2{background:#c99a16}.s3{background:#6aa84f}.s4{background:#2e8b57}
.pill{display:inline-block;border-radius:10px;padding:0 8px;font-size:12px;font-weight:600;white-space:nowrap}
.seller-centric{background:#fbe3da;color:#8a2f10}.buyer-ownership{background:#dcecf7;color:#164e75}
.sev-error{color:#b33a3a;font-weight:600}.sev-warning{color:#a86400;font-weight:600}.sev-info{color:#2a6f97}
mark{background:#ffe58a;padding:0 2px;border-radius:2px}
tr.suppressed td{color:#8a939c;text-decoration:line-through}tr.suppressed td.note{text-decoration:none}
.bar{height:10px;background:#e6e9ed;border-radius:5px;min-width:80px}.bar>span{display:block;height:10px;border-radius:5px;background:#3d85c6}
.legend span{display:inline-block;margin-right:14px}.swatch{display:inline-block;width:11px;height:11px;border-radius:2px;margin-right:4px;vertical-align:-1px}
ul.errors li,ul.jumps li{margin:4px 0}.jumps{color:#8a2f10}
svg{max-width:100%;height:auto;display:block}svg text{font:12px system-ui,sans-serif;fill:#1d2329}
.facts{display:flex;flex-wrap:wrap;gap:8px 22px;margin:10px 0}.facts div b{display:block;font-size:18px}
a{color:#1f5f99}
.group{border-left:3px solid #e6e9ed;padding:2px 0 2px 12px;margin:10px 0}.group h4{margin:0 0 4px;font-size:15px}.group p{margin:4px 0}ul.quotes{margin:4px 0;padding-left:18px}ol.changes li{margin:8px 0}
`;

export function scoreClass(score: number): string {
  return `score s${Math.min(4, Math.max(0, Math.floor(score / 20)))}`;
}

export function counts(list: RuleCount[]): string {
  return list.length === 0 ? '<span class="muted">—</span>' : list.map((c) => `${h(c.ruleId)}&nbsp;(${c.count})`).join(', ');
}

/** A bar chart of how many calls fall in each score bucket. */
export function histogram(buckets: ScoreBucket[]): string {
  const width = 420;
  const height = 190;
  const top = 20;
  const bottom = 30;
  const max = Math.max(1, ...buckets.map((b) => b.count));
  const slot = (width - 20) / buckets.length;
  const bars = buckets.map((b, i) => {
    const barHeight = ((height - top - bottom) * b.count) / max;
    const x = 10 + i * slot + slot * 0.15;
    const y = height - bottom - barHeight;
    const w = slot * 0.7;
    return (
      `<rect x="${round(x)}" y="${round(y)}" width="${round(w)}" height="${round(barHeight)}" fill="#3d85c6"><title>${h(b.label)}: ${b.count}</title></rect>` +
      `<text x="${round(x + w / 2)}" y="${round(y - 5)}" text-anchor="middle">${b.count}</text>` +
      `<text x="${round(x + w / 2)}" y="${height - 10}" text-anchor="middle">${h(b.label)}</text>`
    );
  });
  return (
    `<svg class="chart histogram" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="Score distribution">` +
    `<line x1="10" y1="${height - bottom}" x2="${width - 10}" y2="${height - bottom}" stroke="#9aa5b1"/>${bars.join('')}</svg>`
  );
}

/** One horizontal bar per rep: their average score out of 100. */
export function repChart(reps: RepRow[]): string {
  const width = 420;
  const row = 26;
  const label = 130;
  const height = Math.max(1, reps.length) * row + 10;
  const span = width - label - 50;
  const bars = reps.map((r, i) => {
    const y = 5 + i * row;
    const w = (span * Math.min(100, Math.max(0, r.averageScore))) / 100;
    const name = r.name.length > 18 ? `${r.name.slice(0, 17)}…` : r.name;
    return (
      `<text x="${label - 8}" y="${y + 16}" text-anchor="end">${h(name)}</text>` +
      `<rect x="${label}" y="${y + 4}" width="${span}" height="16" fill="#eef1f4"/>` +
      `<rect x="${label}" y="${y + 4}" width="${round(w)}" height="16" fill="#6aa84f"><title>${h(r.name)}: average ${r.averageScore} over ${r.calls} call(s)</title></rect>` +
      `<text x="${round(label + w + 6)}" y="${y + 16}">${r.averageScore}</text>`
    );
  });
  return `<svg class="chart reps" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="Average score per rep">${bars.join('')}</svg>`;
}

/** Who talked when: blocks proportional to time when every turn has times, otherwise to words. */
function timeline(call: CallReport): string {
  const turns = call.timeline;
  if (turns.length === 0) return '<p class="muted">No turns.</p>';
  // Time is used only when every turn has it and the call lasts a while; otherwise words keep the chart meaningful.
  const timed =
    turns.every((t) => t.start !== undefined && t.end !== undefined && t.end >= t.start) &&
    Math.max(...turns.map((t) => t.end!)) > Math.min(...turns.map((t) => t.start!));
  const origin = timed ? Math.min(...turns.map((t) => t.start!)) : 0;
  const spans = timed ? turns.map((t) => ({ at: t.start! - origin, size: t.end! - t.start! })) : [];
  if (!timed) {
    let at = 0;
    for (const t of turns) {
      spans.push({ at, size: t.words });
      at += t.words;
    }
  }
  const total = Math.max(1e-9, ...spans.map((s) => s.at + s.size));
  const width = 1000;
  const blocks = turns.map((t, i) => {
    const s = spans[i]!;
    const what = timed ? `${formatTime(t.start)}–${formatTime(t.end)}, ${t.words} words` : `${t.words} words`;
    return `<rect x="${round((width * s.at) / total)}" y="0" width="${round((width * s.size) / total)}" height="28" fill="${ROLE_COLORS[t.role]}"><title>Turn ${i + 1}: ${t.role}, ${h(what)}</title></rect>`;
  });
  const basis = timed ? `by time (${formatTime(total)})` : 'by words';
  return (
    `<div class="legend muted"><span><i class="swatch" style="background:${ROLE_COLORS.seller}"></i>seller</span>` +
    `<span><i class="swatch" style="background:${ROLE_COLORS.buyer}"></i>buyer</span><span>${basis}</span></div>` +
    `<svg class="chart timeline" viewBox="0 0 ${width} 28" width="${width}" height="28" preserveAspectRatio="none" role="img" aria-label="Talk-time timeline ${basis}">${blocks.join('')}</svg>`
  );
}

/** Swimlanes, one per journey step, with a cell for every turn and a red marker where the seller jumped ahead. */
function journeyMap(call: CallReport): string {
  const { sequence, steps } = call.journey;
  const jumps = call.findings.filter(isJourneyJump);
  const label = 80;
  const lane = 20;
  const width = 1000;
  const height = STEPS.length * lane + 16;
  const cell = (width - label) / Math.max(1, sequence.length);
  const lanes = STEPS.map(
    (step, i) =>
      `<text x="${label - 8}" y="${i * lane + 14}" text-anchor="end">${step}</text>` +
      `<rect x="${label}" y="${i * lane + 2}" width="${width - label}" height="${lane - 4}" fill="#f0f2f5"/>`,
  );
  const cells = sequence.map((step, t) => {
    const lanePos = STEPS.indexOf(step);
    if (lanePos < 0) return '';
    return `<rect x="${round(label + t * cell)}" y="${lanePos * lane + 2}" width="${round(Math.max(1, cell - 1))}" height="${lane - 4}" fill="${STEP_COLORS[step]}"><title>Turn ${t + 1}: ${step}</title></rect>`;
  });
  const marks = jumps.map((j) => {
    const x = round(label + (j.turn ?? 0) * cell + cell / 2);
    return `<line x1="${x}" y1="0" x2="${x}" y2="${STEPS.length * lane}" stroke="#b33a3a" stroke-width="2" stroke-dasharray="4 3"><title>${h(j.message)}</title></line><path d="M${x - 6} ${height} L${x + 6} ${height} L${x} ${height - 10} Z" fill="#b33a3a"><title>${h(j.message)}</title></path>`;
  });
  const svg = `<svg class="chart journey" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="Journey map">${lanes.join('')}${cells.join('')}${marks.join('')}</svg>`;
  const rows = STEPS.map((name) => {
    const s = steps.find((x) => x.step === name);
    const happened = s && s.firstTurn !== undefined;
    return `<tr><td><i class="swatch" style="background:${STEP_COLORS[name]}"></i>${name}</td><td class="num">${s?.turns ?? 0}</td><td class="num">${happened ? (s.firstLine ?? '') : '—'}</td><td>${happened && s.drivenBy ? s.drivenBy : '<span class="muted">never happened</span>'}</td></tr>`;
  });
  const jumpList = jumps.length
    ? `<ul class="jumps">${jumps.map((j) => `<li>Line ${j.line}: ${h(j.message)}</li>`).join('')}</ul>`
    : '<p class="muted">The seller never jumped ahead of the buyer.</p>';
  return `${svg}<table class="steps"><thead><tr><th>Step</th><th class="num">Turns</th><th class="num">First line</th><th>Driven by</th></tr></thead><tbody>${rows.join('')}</tbody></table>${jumpList}`;
}

/** The sentence with its trigger in <mark>; each piece escaped separately so the markup is ours alone. */
function quote(f: Finding): string {
  const { before, match, after } = splitMatch(f);
  return match ? `${h(before)}<mark>${h(match)}</mark>${h(after)}` : h(before);
}

function findingsTable(call: CallReport): string {
  if (call.findings.length === 0) return '<p class="muted">No findings.</p>';
  const rows = call.findings.map((f) => {
    const where = f.line === undefined ? 'call' : `${f.line}${f.time !== undefined ? `<br><span class="muted">${formatTime(f.time)}</span>` : ''}`;
    return (
      `<tr${f.suppressed ? ' class="suppressed"' : ''}><td class="num">${where}</td><td>${h(f.speaker)}</td>` +
      `<td><code>${h(f.ruleId)}</code><br><span class="pill ${f.kind === 'seller-centric' ? 'seller-centric' : 'buyer-ownership'}">${h(f.kind)}</span> <span class="sev-${h(f.severity)}">${h(f.severity)}</span></td>` +
      `<td class="quote">${quote(f)}</td><td>${h(f.message)}</td><td class="note">${h(f.suggestion)}${f.suppressed ? '<br><span class="muted">(suppressed)</span>' : ''}</td></tr>`
    );
  });
  return `<table class="findings"><thead><tr><th class="num">Line</th><th>Speaker</th><th>Rule</th><th>Quote</th><th>Message</th><th>Suggestion</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function quoteHtml(q: Quote): string {
  const { before, match, after } = splitMatch(q);
  const where = q.line === undefined ? '' : `<span class="muted">line ${q.line}${q.at ? `, ${h(q.at)}` : ''}${q.speaker ? `, ${h(q.speaker)}` : ''}:</span> `;
  return `<li>${where}“${match ? `${h(before)}<mark>${h(match)}</mark>${h(after)}` : h(before)}”</li>`;
}

function groupHtml(g: FindingGroup): string {
  const quotes = g.quotes.length ? `<ul class="quotes">${g.quotes.map(quoteHtml).join('')}</ul>` : '';
  const more = g.more > 0 ? `<p class="muted">and ${g.more} more</p>` : '';
  const suggestion = g.change ? `<p class="muted">See change ${g.change} above.</p>` : `<p><b>Try:</b> ${h(g.suggestion)}</p>`;
  return `<div class="group"><h4><code>${h(g.ruleId)}</code> <span class="sev-${h(g.severity)}">${h(g.severity)}</span> ×${g.count}</h4><p>${h(g.message)}</p>${quotes}${more}${g.focus === 'seller-centric' ? suggestion : ''}</div>`;
}

/** What a rep reads first, in the order of the terminal report (format/digest.ts): changes, habits worst first, strengths, shape, journey in words. */
function digestHtml(d: CallDigest): string {
  if (d.score === null) return '';
  const changes = d.changes.length
    ? `<h3>What to change first</h3><ol class="changes">${d.changes.map((c) => `<li><b>${h(c.worth)}</b> ${h(c.message)} <b>Try:</b> ${h(c.suggestion)}${c.quote ? `<ul class="quotes">${quoteHtml(c.quote)}</ul>` : ''}</li>`).join('')}</ol>`
    : '';
  const habits = d.habits.length ? `<h3>Habits</h3>${d.habits.map(groupHtml).join('')}` : '';
  const strengths = d.strengths.length ? `<h3>Strengths</h3>${d.strengths.map(groupHtml).join('')}` : '';
  const shape = d.shape.length
    ? `<h3>Shape of the conversation</h3><ul class="shape">${d.shape.map((l) => `<li>${h(l.label)}: <b>${h(l.value)}</b>${l.flag ? ` <span class="sev-${h(l.flag.severity)}">${h(l.flag.message)}</span>` : ''}</li>`).join('')}</ul>`
    : '';
  const journey = d.journey.sentence ? `<h3>The buyer's journey</h3><p>${h(d.journey.sentence)}</p>` : '';
  return changes + habits + strengths + shape + journey;
}

function callSection(call: CallReport, id: string, gates: string[], rules: RuleMeta[]): string {
  const m = call.metrics;
  const facts: Array<[string, string]> = [
    ['Seller talk', percent(m.sellerTalkShare)],
    ['Seller questions', `${m.sellerQuestions} (${m.sellerOpenQuestions} open)`],
    ['Longest monologue', `${m.longestSellerMonologueWords} words`],
    ['Seller-centric', String(m.sellerCentricCount)],
    ['Buyer-ownership', String(m.buyerOwnershipCount)],
  ];
  if (m.durationSeconds !== undefined) facts.push(['Duration', formatTime(m.durationSeconds)]);
  const sellers = call.speakers.filter((s) => s.role === 'seller').map((s) => s.name);
  const components = call.scoreComponents.map(
    (c) =>
      `<tr><td>${h(c.name)}</td><td><div class="bar"><span style="width:${round(Math.min(1, Math.max(0, c.value)) * 100, 1)}%"></span></div></td><td class="num">${round(c.value)}</td><td class="num">${c.weight}</td><td class="num">${round(c.points, 1)}</td><td>${h(c.detail)}</td></tr>`,
  );
  const tips = call.tips.length
    ? `<h3>Tips</h3><ul>${call.tips.map((t) => `<li><b>+${round(t.gain, 1)}</b> ${h(t.message)} ${h(t.suggestion)} <span class="muted">(${h(t.ruleId)}, ${t.count}×)</span></li>`).join('')}</ul>`
    : '';
  const warnings = call.warnings.length ? `<ul class="muted">${call.warnings.map((w) => `<li>${h(w)}</li>`).join('')}</ul>` : '';
  const gateList = gates.length ? `<ul class="errors sev-error">${gates.map((g) => `<li>Gate failed: ${h(g)}</li>`).join('')}</ul>` : '';
  return (
    `<section class="call" id="${id}"><h2>${call.score === null ? `<span class="muted">not judged</span>` : `<span class="${scoreClass(call.score)}">${call.score}</span>`} ${h(call.file)}</h2>` +
    (call.score === null ? `<p class="muted">${h(call.salesCallReasons.join('; '))}</p>` : '') +
    `<p class="muted">${h(call.format)}${call.layout ? ` (${h(call.layout)})` : ''}${call.callType ? ` · ${h(call.callType)} call` : ''} · sellers: ${h(sellers.join(', ') || '—')}</p>` +
    gateList +
    `<div class="facts">${facts.map(([k, v]) => `<div><span class="muted">${k}</span><b>${h(v)}</b></div>`).join('')}</div>` +
    digestHtml(digestCall(call, rules)) +
    `<h3>Score components</h3><table class="components"><thead><tr><th>Component</th><th></th><th class="num">Value</th><th class="num">Weight</th><th class="num">Points</th><th>Detail</th></tr></thead><tbody>${components.join('')}</tbody></table>` +
    `<h3>Talk time</h3>${timeline(call)}` +
    `<h3>Journey</h3>${journeyMap(call)}` +
    `<h3>Every finding</h3>${findingsTable(call)}${tips}${warnings}</section>`
  );
}

/** The calls and reps tables of the static page (the dashboard draws its calls with a script and compares reps on more). */
function staticTables(summary: Summary): string {
  const rows = summary.calls.map(
    (r) =>
      `<tr><td><a href="#call-${r.index + 1}">${h(r.file)}</a></td><td>${h(r.sellers.join(', '))}</td><td class="num"><span class="pill" style="background:#eef1f4">${r.score ?? 'not judged'}</span></td>` +
      `<td class="num">${percent(r.sellerTalkShare)}</td><td class="num">${r.sellerQuestions} (${r.openQuestions})</td><td class="num">${r.sellerCentric}</td><td class="num">${r.buyerOwnership}</td>` +
      `<td>${r.topIssue ? `<code>${h(r.topIssue.ruleId)}</code> ×${r.topIssue.count}` : '<span class="muted">—</span>'}</td></tr>`,
  );
  const reps = summary.reps.map(
    (r) =>
      `<tr><td>${h(r.name)}</td><td class="num">${r.calls}</td><td class="num">${r.averageScore}</td><td class="num">${r.minScore}</td><td class="num">${r.maxScore}</td><td>${counts(r.habits)}</td><td>${counts(r.strengths)}</td></tr>`,
  );
  return (
    (rows.length
      ? `<section><h2>Calls</h2><table class="summary"><thead><tr><th>File</th><th>Sellers</th><th class="num">Score</th><th class="num">Seller talk</th><th class="num">Questions (open)</th><th class="num">Seller-centric</th><th class="num">Buyer-ownership</th><th>Top issue</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`
      : '') +
    (reps.length
      ? `<section><h2>Reps</h2><table class="reps"><thead><tr><th>Rep</th><th class="num">Calls</th><th class="num">Average</th><th class="num">Min</th><th class="num">Max</th><th>Habits</th><th>Strengths</th></tr></thead><tbody>${reps.join('')}</tbody></table></section>`
      : '')
  );
}

/**
 * A batch's overview, shared by the static page and the dashboard: the header with the totals, the score
 * charts, then `tables` (each page's own calls and reps tables), then the failed files and the failed gates.
 */
export function overviewHtml(report: Report, summary: Summary, tables: string): string {
  const t = summary.totals;
  const failed = summary.failed.length
    ? `<section class="failed"><h2>Failed files</h2><ul class="errors">${summary.failed.map((e) => `<li><b>${h(e.file)}${e.line ? `:${e.line}` : ''}</b>: ${h(e.message)}${e.code ? ` <span class="muted">(${h(e.code)})</span>` : ''}</li>`).join('')}</ul></section>`
    : '';
  const gates = report.gates?.length
    ? `<section class="gates"><h2>Failed gates</h2><ul class="errors">${report.gates.map((g) => `<li><b>${h(g.file)}</b>: ${h(g.gate)}: ${h(g.message)}</li>`).join('')}</ul></section>`
    : '';
  return (
    `<header><h1>${h(report.tool.name)} report</h1><p class="muted">${t.calls} call(s) analysed, ${t.failed} failed${t.notJudged ? `, ${t.notJudged} not judged` : ''}${t.averageScore === null ? '' : `, average score <b>${t.averageScore}</b>`} · ${h(report.tool.name)} ${h(report.tool.version)}</p></header>` +
    `<section class="overview"><div class="charts"><figure><figcaption>Score distribution</figcaption>${histogram(t.distribution)}</figure>` +
    `<figure><figcaption>Average score per rep</figcaption>${summary.reps.length ? repChart(summary.reps) : '<p class="muted">No sellers identified.</p>'}</figure></div></section>` +
    tables +
    failed +
    gates
  );
}

/**
 * The HTML report: one call (an --out-dir page, a one-file run) is a static page; a batch is the
 * dashboard, whose data is embedded once and drawn by a small script, so 10,000 calls still open.
 */
export const formatHtml: Formatter = (report, options) =>
  report.calls.length <= 1 ? formatStaticHtml(report, options) : formatDashboard(report, options);

/** The full static page, every call drawn in full; deterministic (no dates) so it can be diffed and golden-tested. */
export const formatStaticHtml: Formatter = (report, options) => {
  const summary = summarize(report.calls, report.errors, report.rules, { sort: options.sort });
  const gatesByFile = new Map<string, string[]>();
  for (const g of report.gates ?? []) gatesByFile.set(g.file, [...(gatesByFile.get(g.file) ?? []), `${g.gate}: ${g.message}`]);
  const sections = summary.calls.map((r) => callSection(report.calls[r.index]!, `call-${r.index + 1}`, gatesByFile.get(r.file) ?? [], report.rules));
  return (
    '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n' +
    `<meta http-equiv="Content-Security-Policy" content="${HTML_CSP}">\n` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    `<meta name="referrer" content="no-referrer">\n<title>${h(report.tool.name)} report</title>\n<style>${CSS}</style>\n</head>\n<body>\n<main>\n` +
    overviewHtml(report, summary, staticTables(summary)) +
    '\n' +
    sections.join('\n') +
    '\n</main>\n</body>\n</html>\n'
  );
};

/** The HTML report streamed: a batch's dashboard call by call, one call's static page (see singleOrBatch). */
export const streamHtml: StreamFormatter = singleOrBatch(streamDashboard, formatStaticHtml, (calls) => calls > 1, true);
