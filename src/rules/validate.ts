/**
 * Checking rule data as it loads: the fields every rule has here, the fields of its kind by the kind's
 * own module, unknown fields, and patterns that compile. Every error names the file, rule and field.
 */
import { JOURNEY_STEPS, type Evidence, type Focus, type Rule, type RuleExample, type RuleKindName, type Severity } from '../types.js';
import type { Lexicon } from '../patterns/compile.js';
import { RuleError } from '../errors.js';
import { KINDS, KIND_NAMES } from '../kinds/index.js';

/** Checks one pattern; returns what is wrong with it, or undefined. Passed in, so that the pattern
 * compiler is loaded only where packs that were not checked at build time are loaded. */
export type PatternCheck = (pattern: string, lexicon: Lexicon) => string | undefined;

const FOCUS: Focus[] = ['seller-centric', 'buyer-ownership'];
const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
/** Fields of every rule, whatever its kind. */
const COMMON_FIELDS = ['id', 'kind', 'focus', 'category', 'severity', 'description', 'message', 'suggestion', 'buyerSuggestion', 'rationale', 'journeyStep', 'patterns', 'exceptions', 'requires', 'evidence', 'weight', 'harm', 'examples'];

type Raw = Record<string, unknown>;

/** Reads one rule object's fields; each method throws a RuleError naming the file, rule and field. */
export class FieldReader {
  constructor(
    readonly raw: Raw,
    private readonly source: string,
    private readonly id: string,
  ) {}

  /** An error about `field`: "file: rule "id", field "field": expected ...". */
  fail(field: string, expected: string): RuleError {
    return new RuleError(`${this.source}: rule "${this.id}", field "${field}": ${expected}`);
  }

  has(field: string): boolean {
    return this.raw[field] !== undefined;
  }

  /** A non-empty string (trimmed); undefined when absent and not required. */
  text(field: string, required: true): string;
  text(field: string, required?: false): string | undefined;
  text(field: string, required = false): string | undefined {
    const v = this.raw[field];
    if (v === undefined && !required) return undefined;
    if (typeof v !== 'string' || v.trim() === '') throw this.fail(field, 'expected a non-empty string');
    return v.trim();
  }

  /** One of `allowed` (or `fallback` when absent). */
  oneOf<T extends string>(field: string, allowed: readonly T[], fallback?: T): T {
    const v = this.raw[field] ?? fallback;
    if (typeof v !== 'string' || !allowed.includes(v as T)) throw this.fail(field, `expected one of ${allowed.join(', ')}`);
    return v as T;
  }

  /** A list of non-empty strings (trimmed); undefined when absent and not required. */
  texts(field: string, required: true): string[];
  texts(field: string, required?: false): string[] | undefined;
  texts(field: string, required = false): string[] | undefined {
    const v = this.raw[field];
    if (v === undefined && !required) return undefined;
    if (!Array.isArray(v) || v.some((s) => typeof s !== 'string' || s.trim() === '')) throw this.fail(field, 'expected a list of non-empty strings');
    return v.map((s: string) => s.trim());
  }

  /** A number in [min, max] (a whole one with `integer`). */
  number(field: string, range: { min: number; max: number; integer?: boolean; above?: boolean }, expected: string): number {
    const v = this.raw[field];
    const ok = typeof v === 'number' && Number.isFinite(v) && (range.above ? v > range.min : v >= range.min) && v <= range.max && (!range.integer || Number.isInteger(v));
    if (!ok) throw this.fail(field, `expected ${expected}`);
    return v as number;
  }
}

/**
 * Validates one rule object. `id` and `category` default to the file name and folder.
 * Throws RuleError naming `source` and the field.
 */
export function validateRule(raw: unknown, source: string, defaults: { id: string; category: string }, lexicon: Lexicon, checkPattern?: PatternCheck): Rule {
  if (!isObject(raw)) throw new RuleError(`${source}: expected a rule object (id, kind, focus, message, ...)`);
  const r = new FieldReader(raw, source, defaults.id);
  const kindName = r.oneOf<RuleKindName>('kind', KIND_NAMES);
  const kind = KINDS[kindName];
  const known = new Set([...COMMON_FIELDS, ...kind.fields]);
  for (const key of Object.keys(raw)) {
    if (known.has(key)) continue;
    const owner = KIND_NAMES.find((k) => KINDS[k].fields.includes(key));
    throw new RuleError(
      owner
        ? `${source}: rule "${defaults.id}" has the field "${key}", which only ${owner} rules take`
        : `${source}: rule "${defaults.id}" has an unknown field "${key}" (known: ${[...COMMON_FIELDS, ...KIND_NAMES.flatMap((k) => KINDS[k].fields)].join(', ')})`,
    );
  }

  const id = r.text('id') ?? defaults.id;
  if (!/^[a-z][a-z0-9-]{1,63}$/.test(id)) throw r.fail('id', `expected lower-case words joined by hyphens, got "${id}"`);
  const rule: Rule = {
    id,
    kind: kindName,
    focus: r.oneOf('focus', FOCUS),
    category: r.text('category') ?? defaults.category,
    severity: r.oneOf('severity', SEVERITIES, 'warning'),
    description: r.text('description', true),
    message: r.text('message', true),
    suggestion: r.text('suggestion', true),
    examples: { flag: [], pass: [] },
    source,
  };
  const rationale = r.text('rationale');
  if (rationale) rule.rationale = rationale;
  const buyerSuggestion = r.text('buyerSuggestion');
  if (buyerSuggestion !== undefined) {
    if (!buyerSuggestion.includes('{buyer}')) throw r.fail('buyerSuggestion', 'expected a suggestion that quotes the buyer as {buyer}');
    rule.buyerSuggestion = buyerSuggestion;
  }
  if (r.has('journeyStep')) rule.journeyStep = r.oneOf('journeyStep', [...JOURNEY_STEPS]);

  for (const field of ['patterns', 'exceptions', 'requires'] as const) {
    const list = r.texts(field);
    if (!list) continue;
    for (const p of checkPattern ? list : []) {
      const problem = checkPattern!(p, lexicon);
      if (problem) throw r.fail(field, `bad pattern "${p}": ${problem}`);
    }
    rule[field] = list;
  }
  Object.assign(rule, kind.validate(r, rule));

  if (r.has('evidence')) rule.evidence = validateEvidence(raw.evidence, r);
  if (r.has('weight')) rule.weight = r.number('weight', { min: 0, max: 10 }, 'a number from 0 to 10');
  if (r.has('harm')) rule.harm = r.number('harm', { min: 1, max: 3, integer: true }, 'a whole number from 1 (least) to 3 (most)');
  rule.examples = validateExamples(r, kind.judges === 'call');
  if (kind.needsExamples && rule.examples.flag.length === 0) throw r.fail('examples.flag', 'give at least one example the rule flags');
  return rule;
}

function validateExamples(r: FieldReader, call: boolean): Rule['examples'] {
  const ex = r.raw.examples;
  if (!isObject(ex)) throw r.fail('examples', 'expected { flag: [...], pass: [...] }');
  for (const key of Object.keys(ex)) if (key !== 'flag' && key !== 'pass') throw r.fail('examples', `unknown key "${key}" (expected flag, pass)`);
  const what = call ? 'transcripts' : 'sentences';
  const pass = ex.pass ?? [];
  if (!Array.isArray(pass) || pass.some((s) => typeof s !== 'string')) throw r.fail('examples.pass', `expected a list of ${what}`);
  const flag = ex.flag ?? [];
  if (!Array.isArray(flag)) throw r.fail('examples.flag', `expected a list of ${what}, each a string or { text, match, message }`);
  return {
    pass: pass as string[],
    flag: flag.map((e, i): RuleExample => {
      if (typeof e === 'string') return { text: e };
      const field = `examples.flag[${i}]`;
      if (!isObject(e) || typeof e.text !== 'string') throw r.fail(field, 'expected a string or { text, match?, message? }');
      for (const key of Object.keys(e)) if (!['text', 'match', 'message'].includes(key)) throw r.fail(field, `unknown key "${key}" (expected text, match, message)`);
      const out: RuleExample = { text: e.text };
      for (const key of ['match', 'message'] as const) {
        if (e[key] === undefined) continue;
        if (typeof e[key] !== 'string') throw r.fail(`${field}.${key}`, 'expected a string');
        out[key] = e[key] as string;
      }
      if (out.match !== undefined && !out.text.includes(out.match)) throw r.fail(`${field}.match`, `expected words that stand in the example's text, got "${out.match}"`);
      return out;
    }),
  };
}

function validateEvidence(v: unknown, r: FieldReader): Evidence[] {
  if (!Array.isArray(v)) throw r.fail('evidence', 'expected a list of { source, claim, url }');
  return v.map((e, i) => {
    if (!isObject(e) || typeof e.source !== 'string' || typeof e.claim !== 'string') throw r.fail(`evidence[${i}]`, 'expected { source, claim, url? }');
    return { source: e.source, claim: e.claim, ...(typeof e.url === 'string' ? { url: e.url } : {}) };
  });
}

export function isObject(v: unknown): v is Raw {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Validates the lexicon: a map of class name to a list of words or phrases. */
export function validateLexicon(raw: ReadonlyMap<string, unknown>, source: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [name, list] of raw) {
    if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new RuleError(`${source}: class "${name}": expected a lower-case name`);
    if (!Array.isArray(list) || list.some((w) => typeof w !== 'string' || !w.trim())) throw new RuleError(`${source}: class "${name}": expected a list of words or phrases`);
    out.set(name, list.map(String));
  }
  return out;
}
