/** GitHub Actions workflow commands: one annotation line per finding, input error and failed gate. */
import { ALL_CALLS, type Severity } from '../types.js';
import type { Formatter } from './types.js';
import { formatStreamed, type StreamFormatter } from './stream.js';
import { annotatedFindings, isStrength } from './annotations.js';
import { escapeGithubData as data, escapeGithubProperty as prop, portablePath } from './escape.js';

const COMMANDS: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice' };

/** One workflow command; properties and data are escaped by GitHub's rules so hostile text cannot start a new command. */
export function workflowCommand(command: string, properties: Record<string, string | number | undefined>, message: string): string {
  const props = Object.entries(properties)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${prop(v)}`)
    .join(',');
  return `::${command}${props ? ` ${props}` : ''}::${data(message)}`;
}

/**
 * Findings (suppressed ones skipped; strengths only with includeStrengths, as notices; against a
 * baseline only new ones), then input errors, then failed gates; one line each.
 */
export const streamGithub: StreamFormatter = (_rules, options) => ({
  inOrder: true,
  part(call) {
    const file = portablePath(call.file);
    let out = '';
    for (const f of annotatedFindings(call, options)) {
      if (f.suppressed) continue;
      const message = f.suggestion ? `${f.message} ${f.suggestion}` : f.message;
      const where = f.line === undefined ? {} : { line: f.line, col: f.column, endLine: f.endLine, endColumn: f.endColumn };
      out += `${workflowCommand(isStrength(f) ? 'notice' : (COMMANDS[f.severity] ?? 'warning'), { file, ...where, title: `buyerside ${f.ruleId}` }, message)}\n`;
    }
    return out;
  },
  end(out, report) {
    for (const e of report.errors) {
      out.write(`${workflowCommand('error', { file: portablePath(e.file), line: e.line, title: `buyerside ${e.code ?? 'input error'}` }, e.message)}\n`);
    }
    for (const g of report.gates ?? []) {
      out.write(`${workflowCommand('error', { ...(g.file === ALL_CALLS ? {} : { file: portablePath(g.file) }), title: `buyerside gate ${g.gate}` }, g.message)}\n`);
    }
  },
});

export const formatGithub: Formatter = (report, options) => formatStreamed(streamGithub, report, options);
