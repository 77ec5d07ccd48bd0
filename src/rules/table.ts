/** The README's rule table, generated from the rules so that the documentation cannot drift. */
import type { Rule } from '../types.js';

export const TABLE_START = '<!-- rules-table:start -->';
export const TABLE_END = '<!-- rules-table:end -->';

export function rulesTable(rules: readonly Rule[]): string {
  const sorted = [...rules].sort((a, b) => (a.category + a.id < b.category + b.id ? -1 : 1));
  const rows = sorted.map((r) => `| \`${r.id}\` | ${r.focus} | ${r.category} | ${r.severity} | ${r.description.replace(/\|/g, '\\|')} |`);
  return ['| rule | kind | category | severity | what it looks for |', '|---|---|---|---|---|', ...rows].join('\n');
}

/** Replaces the table between the markers in a README's text. */
export function withRulesTable(readme: string, rules: readonly Rule[]): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) return readme;
  return `${readme.slice(0, start + TABLE_START.length)}\n${rulesTable(rules)}\n${readme.slice(end)}`;
}
