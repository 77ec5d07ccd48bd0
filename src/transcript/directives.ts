/** Inline `buyerside-disable-next-line` directives in text and Markdown, turned into suppressions. */
import type { Suppression } from '../types.js';

const HTML = /^\s*<!--\s*buyerside-disable-next-line\b([^>]*?)\s*-->\s*$/i;
const BRACKET = /^\s*\[\s*buyerside-disable-next-line\b([^\]]*)\]\s*$/i;

/** The rule ids of a directive line (empty = every rule), or undefined when the line is not one. */
export function directiveRules(line: string): string[] | undefined {
  const m = HTML.exec(line) ?? BRACKET.exec(line);
  if (!m) return undefined;
  return m[1]!.split(/[\s,]+/).filter(Boolean);
}

/** Holds directives until the parser reaches the next turn line, which they then apply to. */
export class DirectiveTracker {
  private pending: string[][] = [];
  readonly list: Suppression[] = [];

  /** Records the directive on `line` if there is one; true when the line was a directive. */
  take(line: string): boolean {
    const rules = directiveRules(line);
    if (!rules) return false;
    this.pending.push(rules);
    return true;
  }

  /** Call for every line that became (part of) a turn. */
  reached(line: number): void {
    if (this.pending.length === 0) return;
    const all = this.pending.some((r) => r.length === 0);
    const ruleIds = all ? [] : [...new Set(this.pending.flat())];
    this.list.push({ line, ruleIds });
    this.pending = [];
  }
}
