/** The hover over a finding: what the rule saw, why it matters, and the better phrasing. */
import type { Position, Range } from 'vscode-languageserver';
import type { Engine } from '../rules/engine.js';
import type { Shown } from './diagnostics.js';

/** A finding from issue #18's judgement may name the other rules its sentence matched. */
type WithAlso = { alsoMatched?: string[] };

/** The hover text for the findings under `position` (Markdown, or plain text), or undefined when there are none. */
export function hoverText(shown: readonly Shown[], position: Position, engine: Engine, markdown: boolean): string | undefined {
  const here = shown.filter((s) => contains(s.range, position));
  if (here.length === 0) return undefined;
  const md = (s: string) => (markdown ? s.replace(/([\\`*_{}[\]<>#|])/g, '\\$1') : s);
  const bold = (s: string) => (markdown ? `**${s}**` : s);
  const code = (s: string) => (markdown ? `\`${s}\`` : s);
  const parts = here.map(({ finding: f }) => {
    const rule = engine.byId.get(f.ruleId);
    const lines = [`${bold('buyerside')} ${code(f.ruleId)} (${f.kind}, ${f.severity})`, '', md(f.message)];
    if (rule?.rationale) lines.push('', `${bold('Why:')} ${md(rule.rationale)}`);
    if (f.suggestion) lines.push('', `${bold(f.kind === 'buyer-ownership' ? 'Keep going:' : 'Better:')} ${md(f.suggestion)}`);
    const also = (f as typeof f & WithAlso).alsoMatched;
    if (also?.length) lines.push('', `Also matched: ${also.map(code).join(', ')}`);
    return lines.join('\n');
  });
  return parts.join(markdown ? '\n\n---\n\n' : '\n\n');
}

export function contains(range: Range, p: Position): boolean {
  const afterStart = p.line > range.start.line || (p.line === range.start.line && p.character >= range.start.character);
  const beforeEnd = p.line < range.end.line || (p.line === range.end.line && p.character <= range.end.character);
  return afterStart && beforeEnd;
}
