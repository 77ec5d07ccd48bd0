/**
 * The terminal report for a rep, read top to bottom in about one screen: the header (score, verdict,
 * who was taken as seller and buyer), what to change first, the habits grouped by rule worst first,
 * the strengths, the conversation's shape, and the journey in words. Every line fits the width.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import type { CallReport, Report, Severity } from '../types.js';
import type { FormatOptions, Formatter } from './types.js';
import { digestCall, stepWords, type CallDigest, type FindingGroup, type Quote } from './digest.js';
import { clip, firstLine, visibleWidth, wrap } from './wrap.js';

/** The width when neither the terminal nor COLUMNS says (the CLI decides; see cli/options.ts). */
export const DEFAULT_WIDTH = 80;
/** Narrower than this, nothing reads: lines are laid out for at least this width. */
const MIN_WIDTH = 40;
/** The default report's budget: about one and a half screens. */
const SCREEN_LINES = 70;
/** The layouts the default report tries in turn, until one fits SCREEN_LINES (the last is taken anyway). */
const LEANER: ReadonlyArray<Pick<Layout, 'habits' | 'strengths' | 'quotes' | 'quoteLines'>> = [
  { habits: 4, strengths: 3, quotes: 3, quoteLines: 1 },
  { habits: 4, strengths: 2, quotes: 2, quoteLines: 1 },
  { habits: 3, strengths: 2, quotes: 2, quoteLines: 1 },
  { habits: 3, strengths: 1, quotes: 1, quoteLines: 1 },
  { habits: 2, strengths: 1, quotes: 1, quoteLines: 1 },
];
/** Lines a change's quote may take before it is cut. */
const CHANGE_QUOTE_LINES = 2;

/** How the report is laid out: the width, and how much of each section it shows. */
interface Layout {
  c: ChalkInstance;
  width: number;
  /** Habits and strengths in full; the rest are named on one line. */
  habits: number;
  strengths: number;
  /** Quotes per habit (strengths get one, or as many with the maxFindings option). */
  quotes: number;
  /** Lines per quote of a habit or strength. */
  quoteLines: number;
}

export const formatTerminal: Formatter = (report, options) => {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const width = Math.max(MIN_WIDTH, options.width ?? DEFAULT_WIDTH);
  const parts = report.calls.map((call) => formatCall(call, report, options, c, width));
  if (report.calls.length > 1) parts.push(batchLine(report, c, width));
  for (const e of report.errors) parts.push(wrap(`error: ${e.file}${e.line ? `:${e.line}` : ''}: ${e.message}`, width, '', '  ').map((l) => c.red(l)).join('\n'));
  if (report.gates?.length) parts.push([c.bold('failed gates'), ...report.gates.flatMap((g) => wrap(`${g.file}: ${g.gate}: ${g.message}`, width, '  ', '    ').map((l) => c.red(l)))].join('\n'));
  return parts.join('\n\n') + '\n';
};

function severityWord(c: ChalkInstance, s: Severity): string {
  return s === 'error' ? c.red(s) : s === 'warning' ? c.yellow(s) : c.dim(s);
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function formatCall(call: CallReport, report: Report, options: FormatOptions, c: ChalkInstance, width: number): string {
  const maxQuotes = options.maxFindings;
  // Asking for more quotes asks for the whole of every habit too, however long.
  if (maxQuotes !== undefined) {
    return render(call, report, options, { c, width, habits: Infinity, strengths: Infinity, quotes: maxQuotes, quoteLines: Infinity });
  }
  // Otherwise the richest layout that fits the screen budget, each step leaner than the one before.
  let text = '';
  for (const lean of LEANER) {
    text = render(call, report, options, { c, width, ...lean });
    if (text.split('\n').length <= SCREEN_LINES) break;
  }
  return text;
}

function render(call: CallReport, report: Report, options: FormatOptions, layout: Layout): string {
  const { c, width } = layout;
  const d = digestCall(call, report.rules, { maxQuotes: layout.quotes });
  const out: string[] = [...header(d, call, c, width)];
  if (d.score === null) return out.join('\n');
  out.push('', ...changes(d, c, width));
  if (options.brief) return out.join('\n');
  if (d.habits.length) out.push('', ...habits(d, layout));
  if (d.strengths.length) out.push('', ...strengths(d, layout));
  out.push('', ...shape(d, c, width));
  out.push('', ...journey(d, c, width));
  return out.join('\n');
}

function header(d: CallDigest, call: CallReport, c: ChalkInstance, width: number): string[] {
  const out = wrap(d.file, width).map((l) => c.bold(l));
  if (d.score === null) {
    out.push(...wrap(d.verdict, width, '  ', '  ').map((l) => c.dim(l)));
    return out;
  }
  const colour = d.score >= 70 ? c.green : d.score >= 45 ? c.yellow : c.red;
  out.push(...wrap(`${colour.bold(`buyer focus ${d.score}/100`)}: ${d.verdict}`, width, '  ', '    '));
  const who = d.roles.map((r) => `${r.role} ${r.name} (${r.how})`).join('; ');
  out.push(...wrap(who, width, '  ', '    '));
  const points = call.scoreComponents.map((x) => `${x.name} ${Math.round(x.points)}/${Math.round((x.weight * 100) / call.scoreComponents.reduce((s, y) => s + y.weight, 0))}`).join(', ');
  out.push(...wrap(`points: ${points}`, width, '  ', '    ').map((l) => c.dim(l)));
  const n = d.counts;
  const counted = `${plural(n.sellerCentric, 'seller-focused finding')} (habits), ${plural(n.buyerOwnership, 'buyer-focused finding')} (strengths)` + (n.suppressed ? `; ${n.suppressed} accepted by a directive, not counted` : '');
  out.push(...wrap(counted, width, '  ', '    '));
  for (const w of d.warnings) out.push(...wrap(`warning: ${w}`, width, '  ', '    ').map((l) => c.yellow(l)));
  return out;
}

/** Where a quote stands: its line and, where the format has times, the cue time a rep would scrub to. */
function place(q: Pick<Quote, 'line' | 'at'>): string {
  return [q.line !== undefined ? `line ${q.line}` : '', q.at].filter(Boolean).join(' ');
}

/**
 * A quote in at most QUOTE_LINES lines, the trigger highlighted. When the trigger stands late in a long
 * sentence, the start is cut so the trigger stays in view.
 */
function quote(q: Quote, c: ChalkInstance, width: number, indent: string, maxLines: number): string[] {
  const lead = `${indent}${place(q)}${q.speaker !== undefined ? ` ${q.speaker}` : ''}: `;
  let text = q.text.replace(/\s+/g, ' ').trim();
  const room = Math.min(maxLines, 1000) * (width - indent.length - 2) - (lead.length - indent.length) - 2;
  const at = q.match ? text.indexOf(q.match) : -1;
  if (at > 0 && at + q.match.length > room) {
    const from = text.lastIndexOf(' ', Math.max(0, at - 20));
    text = '…' + text.slice(from + 1);
  }
  const lines = wrap(`"${text}"`, width, lead, indent + '  ');
  if (lines.length > maxLines) {
    lines.length = maxLines;
    const last = lines[maxLines - 1]!;
    lines[maxLines - 1] = visibleWidth(last) + 2 <= width ? `${last} …` : clip(last, width);
  }
  return highlight(lines, q.match, c);
}

/** Underlines the trigger words where they stand whole on one line of the quote. */
function highlight(lines: string[], match: string, c: ChalkInstance): string[] {
  if (!match || c.level === 0) return lines;
  let done = false;
  return lines.map((l) => {
    if (done) return l;
    const i = l.indexOf(match);
    if (i < 0) return l;
    done = true;
    return l.slice(0, i) + c.bold.underline(match) + l.slice(i + match.length);
  });
}

function changes(d: CallDigest, c: ChalkInstance, width: number): string[] {
  if (d.changes.length === 0) return [c.bold('What to change first'), ...wrap('Nothing costs this call points; the notes below are for polish.', width, '  ', '  ')];
  const out = [c.bold('What to change first')];
  d.changes.forEach((ch, i) => {
    const head = `${i + 1}. ${ch.worth}: ${ch.suggestion}`;
    // The habit's message is said once, in its group below; here the change, and the quote that shows it.
    out.push(...wrap(head + c.dim(` [${ch.ruleId}]`), width, '  ', '     '));
    if (ch.quote) out.push(...quote(ch.quote, c, width, '     ', CHANGE_QUOTE_LINES));
  });
  return out;
}

function groupHead(g: FindingGroup, c: ChalkInstance): string {
  return `${severityWord(c, g.severity)} ${c.bold(g.ruleId)} ${g.count}x` + (g.change ? c.dim(` (change ${g.change} above)`) : '');
}

function habits(d: CallDigest, { c, width, habits: full, quoteLines }: Layout): string[] {
  const out = [c.bold('Habits (seller-focused), worst first')];
  const shown = d.habits.slice(0, full);
  for (const g of shown) {
    out.push(...wrap(`${groupHead(g, c)}: ${g.message}`, width, '  ', '     '));
    for (const q of g.quotes) out.push(...quote(q, c, width, '     ', quoteLines));
    if (g.more > 0) out.push(c.dim(clip(`     and ${g.more} more`, width)));
    if (!g.change) out.push(...wrap(`${c.green('try:')} ${g.suggestion}`, width, '     ', '       '));
  }
  const rest = d.habits.slice(full);
  if (rest.length) {
    out.push(...wrap(`also: ${rest.map((g) => `${g.ruleId} ${g.count}x (${g.severity})`).join(', ')}`, width, '  ', '    ').map((l) => c.dim(l)));
  }
  return out;
}

/** Strengths are shorter: the message on one line, one quote, no suggestion. */
function strengths(d: CallDigest, { c, width, strengths: full, quoteLines }: Layout): string[] {
  const out = [c.bold('Strengths (buyer-focused)')];
  for (const g of d.strengths.slice(0, full)) {
    const head = `${g.ruleId} ${g.count}x: ${g.message}`;
    out.push(...(quoteLines === Infinity ? wrap(head, width, '  ', '     ') : [firstLine(head, width, '  ')]).map((l) => l.replace(g.ruleId, c.green(g.ruleId))));
    for (const q of g.quotes) out.push(...quote(q, c, width, '     ', quoteLines));
  }
  const rest = d.strengths.slice(full);
  if (rest.length) out.push(...wrap(`also: ${rest.map((g) => `${g.ruleId} ${g.count}x`).join(', ')}`, width, '  ', '    ').map((l) => c.dim(l)));
  return out;
}

function shape(d: CallDigest, c: ChalkInstance, width: number): string[] {
  const out = [c.bold('Conversation')];
  const label = Math.max(...d.shape.map((s) => s.label.length));
  // Side by side only when the label column leaves room for the value; otherwise the value wraps under it.
  const indent = width >= 60 ? ' '.repeat(label + 4) : '    ';
  for (const s of d.shape) {
    out.push(...wrap(s.value, width, `  ${s.label.padEnd(label)}  `, indent));
    if (!s.flag) continue;
    // A flag that is one of the changes has its suggestion up there already.
    const isChange = d.changes.some((ch) => ch.ruleId === s.flag!.ruleId);
    out.push(...wrap(`${severityWord(c, s.flag.severity)} ${s.flag.ruleId}: ${s.flag.message}` + (isChange ? c.dim(' (a change above)') : ''), width, '    ', '      '));
    if (!isChange && s.flag.severity !== 'info') out.push(...wrap(`${c.green('try:')} ${s.flag.suggestion}`, width, '      ', '        '));
  }
  return out;
}

function journey(d: CallDigest, c: ChalkInstance, width: number): string[] {
  const out = [c.bold("The buyer's journey")];
  out.push(...wrap(d.journey.sentence, width, '  ', '  '));
  for (const j of d.journey.jumps) {
    const where = place(j);
    out.push(...wrap(`${severityWord(c, j.severity)} ${j.ruleId}${where ? ` at ${where}` : ''}: ${j.message}`, width, '  ', '     '));
    out.push(...wrap(`${c.green('try:')} ${j.suggestion}`, width, '     ', '       '));
  }
  const unreached = d.journey.steps.filter((s) => !s.reached).length;
  if (unreached === d.journey.steps.length && d.journey.steps.length) out.push(...wrap(`(no turn reached ${stepWords('reasons')} or later)`, width, '  ', '  '));
  return out;
}

function batchLine(report: Report, c: ChalkInstance, width: number): string {
  const scores = report.calls.flatMap((x) => (x.score === null ? [] : [x.score]));
  const avg = scores.length ? Math.round(scores.reduce((a, b) => a + b, 0) / scores.length) : 0;
  const notJudged = report.calls.length - scores.length;
  const text = `${report.calls.length} calls analyzed, average buyer focus ${avg}/100` + (notJudged ? `, ${notJudged} not judged` : '') + (report.errors.length ? `, ${report.errors.length} failed` : '');
  return wrap(text, width).map((l) => c.bold(l)).join('\n');
}
