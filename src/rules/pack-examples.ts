/**
 * A user's rule pack gets the same checks as the built-in rules: at load, each of its rules' `flag`
 * examples must fire and each `pass` example must not, judged by the whole configured engine as
 * the data-driven test judges the built-in rules (sentence kinds on "Seller: <example>", call kinds
 * on the example as a transcript). The built-in rules are checked by the test suite, not here.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Rule } from '../types.js';
import { RuleError } from '../errors.js';
import { analyze } from '../analyze.js';
import { KINDS } from '../kinds/index.js';
import { compileRules } from './engine.js';
import { loadRules, type LoadedRules } from './load.js';

function short(text: string): string {
  const one = text.trim().replace(/\s*\n\s*/g, ' / ');
  return one.length > 80 ? `${one.slice(0, 77)}...` : one;
}

/** Where a pack rule's file is, for the error: its pack folder joined with its path in the pack. */
function ruleFile(rule: Rule, packs: readonly string[]): string {
  const source = rule.source ?? rule.id;
  return packs.map((p) => join(p, source)).find((f) => existsSync(f)) ?? source;
}

/** Throws a RuleError naming the rule file and the example when a pack rule's example does not behave. */
export function checkPackExamples(loaded: LoadedRules, packs: readonly string[]): void {
  if (packs.length === 0) return;
  const builtin = new Set(loadRules().rules.map((r) => r.id));
  const own = loaded.rules.filter((r) => !builtin.has(r.id));
  if (own.length === 0) return;
  const engine = compileRules(loaded);
  const fires = (rule: Rule, text: string) => {
    const transcript = KINDS[rule.kind].judges === 'call' ? text : `Seller: ${text}\n`;
    // --sales: an example sentence is judged whatever it reads like, as the rule would be in a call.
    return analyze(transcript, { sellers: ['Seller'], engine, sales: true }).findings.some((f) => f.ruleId === rule.id || f.alsoMatched?.includes(rule.id));
  };
  for (const rule of own) {
    for (const example of rule.examples.flag) {
      if (!fires(rule, example.text)) throw new RuleError(`${ruleFile(rule, packs)}: rule "${rule.id}": the flag example "${short(example.text)}" is not flagged by the rule`);
    }
    for (const text of rule.examples.pass) {
      if (fires(rule, text)) throw new RuleError(`${ruleFile(rule, packs)}: rule "${rule.id}": the pass example "${short(text)}" is flagged by the rule`);
    }
  }
}
