/**
 * The terminal report for a rep: score and roles first, a metrics table, the journey timeline,
 * the findings with their quotes highlighted and a better phrasing, then the top coaching tips.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import type { CallReport, Evidence, Finding, JourneyStepName, Report } from '../types.js';
import type { Formatter } from './types.js';
import { isJourneyJump } from '../report/finding.js';
import { splitMatch } from './escape.js';

const STEP_LETTER: Record<JourneyStepName, string> = { connect: 'c', reasons: 'R', explore: 'E', decide: 'D', own: 'O' };

export const formatTerminal: Formatter = (report, options) => {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const evidence = new Map(report.rules.map((r) => [r.id, r.evidence ?? []]));
  const parts = report.calls.map((call) => formatCall(call, c, options.width ?? 100, evidence));
  if (report.calls.length > 1) parts.push(formatBatchLine(report, c));
  for (const e of report.errors) parts.push(c.red(`error: ${e.file}${e.line ? `:${e.line}` : ''}: ${e.message}`));
  if (report.gates?.length) parts.push([c.bold('failed gates'), ...report.gates.map((g) => c.red(`  ${g.file}: ${g.gate}: ${g.message}`))].join('\n'));
  return parts.join('\n\n') + '\n';
};

function formatCall(call: CallReport, c: ChalkInstance, width: number, evidence: ReadonlyMap<string, Evidence[]>): string {
  const out: string[] = [];
  if (call.score === null) {
    out.push(`${c.bold(call.file)}  ${c.dim(`not judged: ${call.salesCallReasons[0] ?? 'not a sales call'}`)}`);
    return out.join('\n');
  }
  const colour = call.score >= 70 ? c.green : call.score >= 45 ? c.yellow : c.red;
  out.push(`${c.bold(call.file)}  ${colour.bold(`buyer focus ${call.score}/100`)}`);
  for (const r of call.roles) {
    const how =
      r.method === 'detected' ? `detected, ${Math.round(r.confidence * 100)}% sure: ${r.reasons.slice(0, 2).join('; ')}` : r.method === 'given' ? `${r.role === 'seller' ? '' : 'not '}named with ${r.from ?? 'the caller'}` : r.reasons[0];
    out.push(`  ${r.role === 'seller' ? c.magenta('seller') : c.cyan('buyer ')} ${r.name} ${c.dim(`(${how})`)}`);
  }
  for (const w of call.warnings) out.push(c.yellow(`  warning: ${w}`));

  const table = new Table({ head: ['score component', 'value', 'points', 'why'], style: { head: options(c), border: [] }, colWidths: [24, 8, 10, Math.max(30, width - 48)], wordWrap: true });
  const weights = call.scoreComponents.reduce((s, x) => s + x.weight, 0);
  for (const comp of call.scoreComponents) table.push([comp.name, comp.value.toFixed(2), `${Math.round(comp.points)} of ${Math.round((comp.weight * 100) / weights)}`, comp.detail]);
  out.push(table.toString());

  const m = call.metrics;
  const metrics = new Table({ style: { head: options(c), border: [] } });
  metrics.push(
    { 'seller talk share': `${Math.round(m.sellerTalkShare * 100)}% of ${m.totalWords} words` + (m.sellerTimeShare !== undefined ? `, ${Math.round(m.sellerTimeShare * 100)}% of the time` : '') },
    { 'seller questions': `${m.sellerQuestions} (${m.sellerOpenQuestions} open, ${m.sellerClosedQuestions} closed, ${m.sellerLeadingQuestions} leading)` },
    { 'longest seller turn': `${m.longestSellerMonologueWords} words` + (m.longestSellerMonologueSeconds !== undefined ? `, ${m.longestSellerMonologueSeconds} s` : '') },
    { 'findings per 100 seller words': `${m.sellerCentricPer100} seller-centric, ${m.buyerOwnershipPer100} buyer-ownership` },
  );
  if (m.interactivity !== undefined) metrics.push({ interactivity: `${m.interactivity} speaker switches a minute` });
  if (m.patienceSeconds !== undefined) metrics.push({ patience: `${m.patienceSeconds} s before the seller answers` });
  out.push(metrics.toString());

  out.push(c.bold('journey ') + c.dim('(c connect, R reasons, E explore, D decide, O own; one letter a turn)'));
  out.push('  ' + call.journey.sequence.map((s) => STEP_LETTER[s]).join(''));
  for (const j of call.findings.filter(isJourneyJump)) out.push(c.yellow(`  line ${j.line}: ${j.message}`));

  const shown = call.findings.filter((f) => f.scope !== 'call');
  const shape = call.findings.filter((f) => f.scope === 'call' && !isJourneyJump(f));
  if (shown.length) out.push(c.bold(`findings (${shown.length})`));
  for (const f of shown) out.push(formatFinding(f, c));
  for (const f of shape) {
    out.push(`  ${c.yellow('call')}  ${f.message} ${c.dim(`[${f.ruleId}]`)}\n        ${c.green('try:')} ${f.suggestion}`);
    for (const e of evidence.get(f.ruleId) ?? []) out.push(c.dim(`        evidence: ${e.source}: ${e.claim}`));
  }

  if (call.tips.length) {
    out.push(c.bold('top tips'));
    call.tips.forEach((t, i) => out.push(`  ${i + 1}. ${t.suggestion} ${c.dim(`(+${t.gain} points; ${t.count}x ${t.ruleId})`)}`));
  }
  return out.join('\n');
}

function formatFinding(f: Finding, c: ChalkInstance): string {
  const mark = f.kind === 'seller-centric' ? c.red('seller') : c.green('buyer ');
  const { before, match, after } = splitMatch(f);
  const quote = match ? before + c.bold.underline(match) + after : before;
  const lines = [`  ${c.dim(`line ${String(f.line).padStart(4)}`)} ${mark} ${c.dim(`[${f.ruleId}]`)}${f.suppressed ? c.dim(' (accepted by a directive)') : ''} ${f.speaker}: "${quote}"`];
  if (f.kind === 'seller-centric') lines.push(`        ${f.message}`, `        ${c.green('try:')} ${f.suggestion}`);
  return lines.join('\n');
}

function formatBatchLine(report: Report, c: ChalkInstance): string {
  const scores = report.calls.flatMap((x) => (x.score === null ? [] : [x.score]));
  const avg = scores.length ? Math.round(scores.reduce((a, b) => a + b, 0) / scores.length) : 0;
  const notJudged = report.calls.length - scores.length;
  return c.bold(`${report.calls.length} calls analyzed, average buyer focus ${avg}/100` + (notJudged ? `, ${notJudged} not judged` : '') + (report.errors.length ? `, ${report.errors.length} failed` : ''));
}

function options(c: ChalkInstance): string[] {
  return c.level > 0 ? ['bold'] : [];
}
