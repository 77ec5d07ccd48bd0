/** Which findings the annotation formats (SARIF, GitHub workflow commands) turn into alerts. */
import type { CallReport, Finding } from '../types.js';
import type { FormatOptions } from './types.js';

/**
 * The findings worth an alert: seller-centric ones, and buyer-ownership strengths only when asked
 * for (`includeStrengths`); checked against a baseline, only the new ones (old findings were
 * accepted when the baseline was written, and annotating them again buries what changed).
 */
export function annotatedFindings(call: CallReport, options: Pick<FormatOptions, 'includeStrengths' | 'onlyNew'> | undefined): Finding[] {
  return call.findings.filter((f) => (f.kind !== 'buyer-ownership' || options?.includeStrengths === true) && (options?.onlyNew !== true || f.new === true));
}

/** Whether a finding is a strength, shown at note level whatever its rule's severity. */
export function isStrength(f: Finding): boolean {
  return f.kind === 'buyer-ownership';
}
