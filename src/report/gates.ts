/** Quality gates for CI: each call is checked against the thresholds; a failed gate says which and by how much. */
import { ALL_CALLS, type CallReport, type Finding, type GateResult, type Severity } from '../types.js';

export interface GateSettings {
  /** Any call scoring below this fails. */
  failUnder?: number;
  /** Any call with more counted (non-suppressed) seller-centric findings than this fails. */
  maxSellerCentric?: number;
  /** Any counted seller-centric finding of this severity or worse fails. */
  failOn?: 'error' | 'warning';
  /** With a baseline, only findings new relative to it count for the finding gates, and any new one fails. */
  baseline?: boolean;
  /** ESLint's --max-warnings: the run fails when its counted seller-centric warnings and errors, over all calls, are more than this. */
  maxWarnings?: number;
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** Whether any gate is set at all. */
export function gatesActive(settings: GateSettings): boolean {
  return settings.failUnder !== undefined || settings.maxSellerCentric !== undefined || settings.failOn !== undefined || settings.baseline === true || settings.maxWarnings !== undefined;
}

/** The findings the gates count: seller-centric, not suppressed, and with a baseline only new ones. */
function countedFindings(call: CallReport, settings: GateSettings): Finding[] {
  return call.findings.filter((f) => !f.suppressed && f.kind === 'seller-centric' && (!settings.baseline || f.new === true));
}

/** What --max-warnings counts in one call: its counted findings of severity warning or error. */
export function countWarnings(call: CallReport, settings: GateSettings): number {
  return countedFindings(call, settings).filter((f) => (RANK[f.severity] ?? 0) >= RANK.warning).length;
}

/** The gates about the run as a whole, given what countWarnings counted over every call. */
export function checkRunGates(warnings: number, settings: GateSettings): GateResult[] {
  if (settings.maxWarnings === undefined || warnings <= settings.maxWarnings) return [];
  return [{ file: ALL_CALLS, gate: 'max-warnings', message: `${plural(warnings, 'seller-centric finding')} of severity warning or error in all, ${warnings - settings.maxWarnings} over the limit of ${settings.maxWarnings}` }];
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function where(f: Finding): string {
  return `${f.line !== undefined ? `line ${f.line} ` : ''}[${f.ruleId}]${f.match ? ` "${f.match}"` : ''}`;
}

/**
 * Checks one call. With a baseline, only the findings it marked new count for the finding gates.
 * Returns the failed gates, in a fixed order (fail-under, max-seller-centric, fail-on, baseline).
 */
export function checkGates(call: CallReport, settings: GateSettings): GateResult[] {
  const out: GateResult[] = [];
  const counted = countedFindings(call, settings);
  const scope = settings.baseline ? 'new ' : '';
  // A call that was not judged has no score to gate (and no findings).
  if (settings.failUnder !== undefined && call.score !== null && call.score < settings.failUnder) {
    const by = Math.round((settings.failUnder - call.score) * 10) / 10;
    out.push({ file: call.file, gate: 'fail-under', message: `score ${call.score} is ${by} below the minimum of ${settings.failUnder}` });
  }
  if (settings.maxSellerCentric !== undefined && counted.length > settings.maxSellerCentric) {
    const over = counted.length - settings.maxSellerCentric;
    out.push({ file: call.file, gate: 'max-seller-centric', message: `${plural(counted.length, `${scope}seller-centric finding`)}, ${over} over the limit of ${settings.maxSellerCentric}` });
  }
  if (settings.failOn !== undefined) {
    const min = RANK[settings.failOn];
    const bad = counted.filter((f) => (RANK[f.severity] ?? 0) >= min);
    if (bad.length > 0) {
      const level = settings.failOn === 'error' ? 'error' : 'warning or error';
      out.push({ file: call.file, gate: 'fail-on', message: `${plural(bad.length, `${scope}finding`)} of severity ${level} (first: ${where(bad[0]!)})` });
    }
  }
  if (settings.baseline && settings.maxSellerCentric === undefined && settings.failOn === undefined && counted.length > 0) {
    out.push({ file: call.file, gate: 'baseline', message: `${plural(counted.length, 'new seller-centric finding')} not in the baseline (first: ${where(counted[0]!)})` });
  }
  return out;
}

/** One stderr line per failing file: every gate that failed and by how much. */
export function describeGateFailures(gates: readonly GateResult[]): string[] {
  const byFile = new Map<string, GateResult[]>();
  for (const g of gates) byFile.set(g.file, [...(byFile.get(g.file) ?? []), g]);
  return [...byFile].map(([file, list]) => `${file}: ${list.map((g) => `${g.gate}: ${g.message}`).join('; ')}`);
}
