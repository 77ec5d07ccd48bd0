/** Checking rule data as it loads: every field's type, unknown fields, patterns that compile. */
import type { Evidence, FindingKind, MetricCheck, QuestionType, Rule, RuleKindName, Severity } from '../types.js';
import type { Lexicon } from '../patterns/compile.js';
import { RuleError } from '../errors.js';

/** Checks one pattern; returns what is wrong with it, or undefined. Passed in, so that listing the
 * built-in rules (already checked at build time) loads no pattern compiler. */
export type PatternCheck = (pattern: string, lexicon: Lexicon) => string | undefined;


const KINDS: RuleKindName[] = ['phrase', 'question', 'metric', 'classifier', 'focus'];
const FOCUS: FindingKind[] = ['seller-centric', 'buyer-ownership'];
const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
const QUESTION_TYPES: QuestionType[] = ['open', 'closed', 'leading'];
const METRICS: MetricCheck['name'][] = ['sellerTalkShare', 'longestSellerMonologueWords', 'longestSellerMonologueSeconds', 'sellerQuestions', 'buyerLongestTurnWords'];
const FIELDS = new Set(['id', 'kind', 'focus', 'category', 'severity', 'description', 'message', 'suggestion', 'rationale', 'patterns', 'exceptions', 'requires', 'minItems', 'minConfidence', 'subject', 'questionTypes', 'metric', 'evidence', 'weight', 'examples']);

type Raw = Record<string, unknown>;

/**
 * Validates one rule object. `id` and `category` default to the file name and folder.
 * Throws RuleError naming `source` and the field.
 */
export function validateRule(raw: unknown, source: string, defaults: { id: string; category: string }, lexicon: Lexicon, checkPattern?: PatternCheck): Rule {
  const where = (field: string) => `${source}: rule "${defaults.id}", field "${field}"`;
  if (!isObject(raw)) throw new RuleError(`${source}: expected a rule object (id, kind, focus, message, ...)`);
  for (const key of Object.keys(raw)) {
    if (!FIELDS.has(key)) throw new RuleError(`${source}: rule "${defaults.id}" has an unknown field "${key}" (known: ${[...FIELDS].join(', ')})`);
  }
  const str = (field: string, required = true): string | undefined => {
    const v = raw[field];
    if (v === undefined && !required) return undefined;
    if (typeof v !== 'string' || v.trim() === '') throw new RuleError(`${where(field)}: expected a non-empty string`);
    return v.trim();
  };
  const oneOf = <T extends string>(field: string, allowed: T[], fallback?: T): T => {
    const v = raw[field] ?? fallback;
    if (typeof v !== 'string' || !allowed.includes(v as T)) throw new RuleError(`${where(field)}: expected one of ${allowed.join(', ')}`);
    return v as T;
  };
  const strings = (field: string, required: boolean): string[] | undefined => {
    const v = raw[field];
    if (v === undefined && !required) return undefined;
    if (!Array.isArray(v) || v.some((s) => typeof s !== 'string' || s.trim() === '')) throw new RuleError(`${where(field)}: expected a list of non-empty strings`);
    return v.map((s: string) => s.trim());
  };

  const id = str('id', false) ?? defaults.id;
  if (!/^[a-z][a-z0-9-]{1,63}$/.test(id)) throw new RuleError(`${where('id')}: expected lower-case words joined by hyphens, got "${id}"`);
  const kind = oneOf('kind', KINDS);
  const rule: Rule = {
    id,
    kind,
    focus: oneOf('focus', FOCUS),
    category: str('category', false) ?? defaults.category,
    severity: oneOf('severity', SEVERITIES, 'warning'),
    description: str('description')!,
    message: str('message')!,
    suggestion: str('suggestion')!,
    examples: { flag: [], pass: [] },
    source,
  };
  const rationale = str('rationale', false);
  if (rationale) rule.rationale = rationale;

  for (const field of ['patterns', 'exceptions', 'requires'] as const) {
    const list = strings(field, false);
    if (!list) continue;
    for (const p of checkPattern ? list : []) {
      const problem = checkPattern!(p, lexicon);
      if (problem) throw new RuleError(`${where(field)}: bad pattern "${p}": ${problem}`);
    }
    rule[field] = list;
  }
  if (kind === 'phrase' && !rule.patterns?.length) throw new RuleError(`${where('patterns')}: a phrase rule needs at least one pattern`);

  if (raw.questionTypes !== undefined) {
    const list = strings('questionTypes', true)!;
    for (const q of list) if (!QUESTION_TYPES.includes(q as QuestionType)) throw new RuleError(`${where('questionTypes')}: expected ${QUESTION_TYPES.join(', ')}, got "${q}"`);
    rule.questionTypes = list as QuestionType[];
  }
  if (kind === 'question' && !rule.questionTypes?.length) throw new RuleError(`${where('questionTypes')}: a question rule needs questionTypes`);

  if (raw.metric !== undefined || kind === 'metric') rule.metric = validateMetric(raw.metric, where('metric'));
  if (raw.evidence !== undefined) rule.evidence = validateEvidence(raw.evidence, where('evidence'));
  if (raw.minItems !== undefined) {
    if (typeof raw.minItems !== 'number' || !Number.isInteger(raw.minItems) || raw.minItems < 2 || raw.minItems > 20) throw new RuleError(`${where('minItems')}: expected a whole number from 2 to 20`);
    rule.minItems = raw.minItems;
  }
  if (raw.subject !== undefined || kind === 'focus') rule.subject = oneOf<'seller' | 'buyer'>('subject', ['seller', 'buyer']);
  if (raw.minConfidence !== undefined || kind === 'classifier') {
    if (typeof raw.minConfidence !== 'number' || !(raw.minConfidence > 0.5 && raw.minConfidence <= 1)) throw new RuleError(`${where('minConfidence')}: expected a probability above 0.5 and at most 1`);
    rule.minConfidence = raw.minConfidence;
  }
  if (raw.weight !== undefined) {
    if (typeof raw.weight !== 'number' || !(raw.weight >= 0 && raw.weight <= 10)) throw new RuleError(`${where('weight')}: expected a number from 0 to 10`);
    rule.weight = raw.weight;
  }
  const ex = raw.examples;
  if (!isObject(ex)) throw new RuleError(`${where('examples')}: expected { flag: [...], pass: [...] }`);
  for (const key of Object.keys(ex)) if (key !== 'flag' && key !== 'pass') throw new RuleError(`${where('examples')}: unknown key "${key}" (expected flag, pass)`);
  const exampleList = (v: unknown, name: string) => {
    if (!Array.isArray(v) || v.some((s) => typeof s !== 'string')) throw new RuleError(`${where(`examples.${name}`)}: expected a list of sentences`);
    return v as string[];
  };
  rule.examples = { flag: exampleList(ex.flag ?? [], 'flag'), pass: exampleList(ex.pass ?? [], 'pass') };
  if (kind !== 'metric' && rule.examples.flag.length === 0) throw new RuleError(`${where('examples.flag')}: give at least one sentence the rule flags`);
  return rule;
}

function validateMetric(v: unknown, where: string): MetricCheck {
  if (!isObject(v)) throw new RuleError(`${where}: expected { name, max or min }`);
  const name = v.name;
  if (typeof name !== 'string' || !METRICS.includes(name as MetricCheck['name'])) throw new RuleError(`${where}.name: expected one of ${METRICS.join(', ')}`);
  const m: MetricCheck = { name: name as MetricCheck['name'] };
  for (const k of ['max', 'min'] as const) {
    if (v[k] === undefined) continue;
    if (typeof v[k] !== 'number' || !Number.isFinite(v[k])) throw new RuleError(`${where}.${k}: expected a number`);
    m[k] = v[k] as number;
  }
  if (m.max === undefined && m.min === undefined) throw new RuleError(`${where}: give max or min`);
  if (v.byCallType !== undefined) {
    if (!isObject(v.byCallType)) throw new RuleError(`${where}.byCallType: expected { callType: { max, min } }`);
    const by: Record<string, { max?: number; min?: number }> = Object.create(null);
    for (const [type, limits] of Object.entries(v.byCallType)) {
      if (!isObject(limits)) throw new RuleError(`${where}.byCallType.${type}: expected { max, min }`);
      const entry: { max?: number; min?: number } = {};
      for (const k of ['max', 'min'] as const) {
        if (limits[k] === undefined) continue;
        if (typeof limits[k] !== 'number') throw new RuleError(`${where}.byCallType.${type}.${k}: expected a number`);
        entry[k] = limits[k] as number;
      }
      by[type] = entry;
    }
    m.byCallType = by;
  }
  for (const key of Object.keys(v)) if (!['name', 'max', 'min', 'byCallType'].includes(key)) throw new RuleError(`${where}: unknown key "${key}"`);
  return m;
}

function validateEvidence(v: unknown, where: string): Evidence[] {
  if (!Array.isArray(v)) throw new RuleError(`${where}: expected a list of { source, claim, url }`);
  return v.map((e, i) => {
    if (!isObject(e) || typeof e.source !== 'string' || typeof e.claim !== 'string') throw new RuleError(`${where}[${i}]: expected { source, claim, url? }`);
    return { source: e.source, claim: e.claim, ...(typeof e.url === 'string' ? { url: e.url } : {}) };
  });
}

export function isObject(v: unknown): v is Raw {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Validates the lexicon: a map of class name to a list of words or phrases. */
export function validateLexicon(raw: unknown, source: string): Map<string, string[]> {
  if (!isObject(raw)) throw new RuleError(`${source}: expected a map of class name to a list of words`);
  const out = new Map<string, string[]>();
  for (const [name, list] of Object.entries(raw)) {
    if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new RuleError(`${source}: class "${name}": expected a lower-case name`);
    if (!Array.isArray(list) || list.some((w) => typeof w !== 'string' || !w.trim())) throw new RuleError(`${source}: class "${name}": expected a list of words or phrases`);
    out.set(name, list.map(String));
  }
  return out;
}
