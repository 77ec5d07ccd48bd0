/** The history as one page: every rep's score line on one chart, then one chart and table per rep (inline SVG, no script, no network). */
import type { RepTrend, Trend } from '../../history/trend.js';
import { escapeHtml as h, round } from '../escape.js';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22'];

const CSS = `
*{box-sizing:border-box}body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#1d2329;background:#f6f7f9}
main{max-width:1000px;margin:0 auto;padding:16px}section{background:#fff;border:1px solid #dde1e6;border-radius:8px;padding:14px 16px;margin:14px 0;overflow-x:auto}
h1{font-size:24px;margin:4px 0}h2{font-size:18px;margin:0 0 8px}.muted{color:#5f6b76}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:4px 6px;border-bottom:1px solid #e6e9ed}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.up{color:#1e7a3c}.down{color:#b33a3a}svg{max-width:100%;height:auto;display:block}svg text{font:12px system-ui,sans-serif;fill:#1d2329}
.legend span{display:inline-block;margin-right:14px}.swatch{display:inline-block;width:11px;height:11px;border-radius:2px;margin-right:4px;vertical-align:-1px}
`;

interface Axis {
  starts: string[];
  x: (start: string) => number;
}

const W = 640;
const H = 220;
const PAD = { left: 40, right: 16, top: 12, bottom: 34 };

function axis(reps: readonly RepTrend[]): Axis {
  const starts = [...new Set(reps.flatMap((r) => r.periods.map((p) => p.start)))].sort();
  const span = W - PAD.left - PAD.right;
  const at = new Map(starts.map((s, i) => [s, PAD.left + (starts.length === 1 ? span / 2 : (span * i) / (starts.length - 1))]));
  return { starts, x: (s) => at.get(s)! };
}

const y = (score: number) => PAD.top + ((H - PAD.top - PAD.bottom) * (100 - Math.max(0, Math.min(100, score)))) / 100;

function grid(ax: Axis): string {
  const lines = [0, 25, 50, 75, 100].map((v) => `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${round(y(v))}" y2="${round(y(v))}" stroke="#e6e9ed"/><text x="${PAD.left - 6}" y="${round(y(v) + 4)}" text-anchor="end">${v}</text>`);
  const step = Math.max(1, Math.ceil(ax.starts.length / 8));
  const labels = ax.starts.filter((_, i) => i % step === 0).map((s) => `<text x="${round(ax.x(s))}" y="${H - 12}" text-anchor="middle">${h(s.slice(5))}</text>`);
  return lines.join('') + labels.join('');
}

function line(rep: RepTrend, ax: Axis, color: string): string {
  const points = rep.periods.filter((p) => p.averageScore !== null).map((p) => ({ x: round(ax.x(p.start)), y: round(y(p.averageScore!)), p }));
  const path = points.length > 1 ? `<polyline fill="none" stroke="${color}" stroke-width="2.5" points="${points.map((q) => `${q.x},${q.y}`).join(' ')}"/>` : '';
  const dots = points.map((q) => `<circle cx="${q.x}" cy="${q.y}" r="4" fill="${color}"><title>${h(rep.name)}, ${h(q.p.start)}: ${q.p.averageScore} over ${q.p.judged} call(s)</title></circle>`);
  return path + dots.join('');
}

function chart(reps: readonly RepTrend[], label: string, colors: readonly string[]): string {
  const ax = axis(reps);
  return `<svg class="trend" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${h(label)}">${grid(ax)}${reps.map((r, i) => line(r, ax, colors[i % colors.length]!)).join('')}</svg>`;
}

function change(value: number | null | undefined, suffix = '', better: 'up' | 'down' = 'up'): string {
  if (value === null || value === undefined) return '';
  if (value === 0) return `±0${suffix}`;
  const good = better === 'up' ? value > 0 : value < 0;
  return `<span class="${good ? 'up' : 'down'}">${value > 0 ? '+' : '−'}${Math.abs(value)}${suffix}</span>`;
}

function repSection(rep: RepTrend, index: number, by: Trend['by']): string {
  const color = COLORS[index % COLORS.length]!;
  const last = rep.periods[rep.periods.length - 1]!;
  const rows = rep.periods.map(
    (p) =>
      `<tr><td>${h(by === 'week' ? p.start : p.start.slice(0, 7))}</td><td class="num">${p.calls}</td><td class="num">${p.averageScore ?? '—'}</td><td class="num">${change(p.change?.averageScore)}</td>` +
      `<td class="num">${Math.round(p.talkShare * 100)}%</td><td class="num">${p.openQuestions}</td><td>${p.topHabit ? `<code>${h(p.topHabit.ruleId)}</code> ×${p.topHabit.count}` : '—'}</td></tr>`,
  );
  const summary = rep.periods.length > 1 ? ` · score ${change(last.change?.averageScore)} since ${h(rep.periods[0]!.start)}` : '';
  return (
    `<section class="rep" id="rep-${index + 1}"><h2><i class="swatch" style="background:${color}"></i>${h(rep.name)}</h2>` +
    `<p class="muted">${rep.periods.length} ${by}(s)${summary}</p>${chart([rep], `Average score per ${by} for ${rep.name}`, [color])}` +
    `<table><thead><tr><th>${by === 'week' ? 'Week of' : 'Month'}</th><th class="num">Calls</th><th class="num">Score</th><th class="num">Change</th><th class="num">Talk</th><th class="num">Open q.</th><th>Top habit</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`
  );
}

export function formatTrendHtml(trend: Trend): string {
  const legend = trend.reps.map((r, i) => `<span><i class="swatch" style="background:${COLORS[i % COLORS.length]}"></i><a href="#rep-${i + 1}">${h(r.name)}</a></span>`).join('');
  const body = trend.reps.length
    ? `<section class="all"><h2>Average score per ${trend.by}</h2><div class="legend">${legend}</div>${chart(trend.reps, `Average score per ${trend.by}, every rep`, COLORS)}</section>${trend.reps.map((r, i) => repSection(r, i, trend.by)).join('')}`
    : '<section><p class="muted">No calls in the history for these reps and dates.</p></section>';
  return (
    '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n' +
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="referrer" content="no-referrer">\n` +
    `<title>buyerside trends</title>\n<style>${CSS}</style>\n</head>\n<body>\n<main>\n<h1>Trends per rep</h1>\n${body}\n</main>\n</body>\n</html>\n`
  );
}
