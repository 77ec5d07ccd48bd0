/** `buyerside explain RULE-ID`: a rule's purpose, evidence, examples and better phrasing, as text. */
import type { Rule } from '../types.js';

export function explainRule(rule: Rule): string {
  const lines = [`${rule.id} (${rule.focus}, ${rule.category}, ${rule.kind}, severity ${rule.severity})`, '', rule.description, ''];
  if (rule.rationale) lines.push('Why it matters', `  ${rule.rationale}`, '');
  if (rule.metric) {
    const m = rule.metric;
    const limits = [m.max !== undefined ? `at most ${m.max}` : '', m.min !== undefined ? `at least ${m.min}` : ''].filter(Boolean).join(', ');
    lines.push('Threshold', `  ${m.name}: ${limits}`);
    for (const [type, l] of Object.entries(m.byCallType ?? {})) lines.push(`  for ${type} calls: ${[l.max !== undefined ? `at most ${l.max}` : '', l.min !== undefined ? `at least ${l.min}` : ''].filter(Boolean).join(', ')}`);
    lines.push('');
  }
  if (rule.evidence?.length) {
    lines.push('Evidence');
    for (const e of rule.evidence) lines.push(`  ${e.source}: ${e.claim}${e.url ? ` (${e.url})` : ''}`);
    lines.push('');
  }
  if (rule.examples.flag.length) {
    lines.push('Flags');
    for (const e of rule.examples.flag) {
      lines.push(...example(e.text));
      if (e.match) lines.push(`    (the words it flags: "${e.match}")`);
      if (e.message) lines.push(`    (it says: "${e.message}")`);
    }
    lines.push('');
  }
  if (rule.examples.pass.length) lines.push('Leaves alone', ...rule.examples.pass.flatMap(example), '');
  lines.push('Better', `  ${fill(rule.suggestion, rule)}`);
  if (rule.buyerSuggestion) lines.push('  When the buyer has said why they are looking:', `  ${fill(rule.buyerSuggestion, rule)}`);
  if (/\{(match|buyer)\}/.test(rule.suggestion + (rule.buyerSuggestion ?? ''))) lines.push(`  (${placeholderNote(rule)})`);
  lines.push('');
  return lines.join('\n');
}

/**
 * A report fills {match} with the flagged words and {buyer} with the buyer's latest words about
 * their reasons; explain has no call, so it fills {match} from the rule's first example and
 * describes {buyer}, rather than print the raw placeholder.
 */
function fill(template: string, rule: Rule): string {
  const match = rule.examples.flag.find((e) => e.match)?.match;
  return template.split('{match}').join(match ?? '<the flagged words>').split('{buyer}').join("<the buyer's own words>");
}

function placeholderNote(rule: Rule): string {
  const match = rule.examples.flag.find((e) => e.match)?.match;
  return [
    rule.suggestion.includes('{match}') || rule.buyerSuggestion?.includes('{match}') ? (match ? `in a report, the words it flagged stand where this says "${match}"` : 'in a report, the words it flagged stand in their place') : '',
    (rule.buyerSuggestion ?? '').includes('{buyer}') || rule.suggestion.includes('{buyer}') ? "the buyer's own words are quoted from the call" : '',
  ].filter(Boolean).join('; ');
}

/** An example as a list item; a transcript's further lines are indented under it. */
function example(text: string): string[] {
  return text.trimEnd().split('\n').map((line, i) => (i === 0 ? `  - ${line}` : `    ${line}`));
}
