/** ESLint's --quiet as a pure step on a call's report: only its error-severity findings stay. */
import type { CallReport } from '../types.js';

/** The call with only its error-severity findings; the same object when nothing is left out. */
export function errorsOnly(call: CallReport): CallReport {
  const findings = call.findings.filter((f) => f.severity === 'error');
  return findings.length === call.findings.length ? call : { ...call, findings };
}
