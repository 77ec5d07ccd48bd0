/**
 * The rules compiled once per process (patterns, an index from stems to the phrase patterns that
 * need them, the word lists the language checks read), and running them: every sentence rule on one
 * seller sentence in its context, every call rule on the finished call.
 */
import type { JourneyStepName, Rule, RuleSetting } from '../types.js';
import type { CallContext, CallHit, CompiledRule, Hit, SentenceContext } from '../kinds/types.js';
import { KINDS } from '../kinds/index.js';
import { loadRules, type LoadedRules } from './load.js';
import { applyRuleSettings } from './settings.js';
import { type CompiledPattern, type Lexicon } from '../patterns/compile.js';
import { compileReady } from './ready.js';
import { tokenize } from '../language/tokens.js';
import { questionCues, type QuestionCues } from '../language/questions.js';

export type { CompiledRule } from '../kinds/types.js';

export interface Engine {
  rules: Rule[];
  lexicon: Lexicon;
  /** Rules of the kinds that judge sentences, in the order they run. */
  sentenceRules: CompiledRule[];
  /** Patterns of indexed kinds that need one of these stems to match, with their rule. */
  index: Map<string, Array<{ rule: CompiledRule; pattern: CompiledPattern }>>;
  /** Sentence rules tried on every sentence (kinds that are not indexed, and patterns with no required word). */
  alwaysTry: ReadonlySet<CompiledRule>;
  /** Rules of the kinds that judge the whole call, in the order they run. */
  callRules: CompiledRule[];
  byId: Map<string, Rule>;
  /** What questions are, from the lexicon (leading-question phrases). */
  questions: QuestionCues;
  /** Stems that place a turn on a journey step, from the lexicon's journey-* classes. */
  journeyCues: Map<string, JourneyStepName[]>;
}

/** Where a batch's rules come from: the built-in pack, extra packs, and the config's settings. */
export interface RuleSource {
  /** Extra rule pack folders, in the order given. */
  packs: string[];
  /** Config rule settings: "off" or a severity per rule id. */
  settings?: Record<string, RuleSetting>;
  /** The config file's name, for errors about settings. */
  configName?: string;
}

/** Loads and validates the packs and applies the settings, before anything is compiled. */
export function loadConfiguredRules(source: RuleSource): LoadedRules {
  return applyRuleSettings(loadRules(source.packs), source.settings, source.configName);
}

/** The rules of a source, compiled: the same steps in the main thread and in each worker. */
export function buildEngine(source: RuleSource): Engine {
  return compileRules(loadConfiguredRules(source));
}

/** Runs before others: the kind's order, then seller-centric before buyer-ownership; rule order otherwise. */
function rank(c: CompiledRule): number {
  return c.kind.order + (c.rule.focus === 'seller-centric' ? 0 : 1);
}

/** Compiles validated rules. Rules turned off by configuration should be filtered out before. */
export function compileRules(loaded: LoadedRules): Engine {
  const sentenceRules: CompiledRule[] = [];
  const callRules: CompiledRule[] = [];
  const index: Engine['index'] = new Map();
  const alwaysTry = new Set<CompiledRule>();
  for (const rule of loaded.rules) {
    const kind = KINDS[rule.kind];
    const compiled: CompiledRule = { ...(kind.compile ?? compilePatterns)(rule, loaded.lexicon), kind };
    if (kind.judges === 'call') {
      callRules.push(compiled);
      continue;
    }
    sentenceRules.push(compiled);
    // Patterns of an indexed kind are tried only where one of their required stems occurs; other
    // kinds (and a pattern with no required word) on every sentence.
    if (!kind.indexed || compiled.patterns.some((p) => p.required === null)) {
      alwaysTry.add(compiled);
      continue;
    }
    for (const pattern of compiled.patterns) {
      for (const stem of new Set(pattern.required!)) {
        const list = index.get(stem);
        if (list) list.push({ rule: compiled, pattern });
        else index.set(stem, [{ rule: compiled, pattern }]);
      }
    }
  }
  sentenceRules.sort((a, b) => rank(a) - rank(b));
  callRules.sort((a, b) => rank(a) - rank(b));
  return {
    rules: loaded.rules,
    lexicon: loaded.lexicon,
    sentenceRules,
    index,
    alwaysTry,
    callRules,
    byId: new Map(loaded.rules.map((r) => [r.id, r])),
    questions: questionCues(loaded.lexicon),
    journeyCues: journeyCueIndex(loaded.lexicon),
  };
}

/** The default compilation: the rule's patterns, exceptions and requires. */
function compilePatterns(rule: Rule, lexicon: Lexicon): Omit<CompiledRule, 'kind'> {
  return {
    rule,
    patterns: (rule.patterns ?? []).map((p, i) => compileReady(p, lexicon, i)),
    exceptions: (rule.exceptions ?? []).map((p) => compileReady(p, lexicon)),
    requires: (rule.requires ?? []).map((p) => compileReady(p, lexicon)),
  };
}

/** A sentence rule that matched, and where. */
export interface RuleHit extends Hit {
  rule: Rule;
}

/**
 * Runs the sentence rules on one seller sentence, in order (phrases first, so that questions can
 * yield to a pitch; the classifier last, for sentences nothing else matched).
 */
export function judgeSentence(engine: Engine, context: Omit<SentenceContext, 'earlier' | 'candidates'>): RuleHit[] {
  const candidates = new Map<CompiledRule, CompiledPattern[]>();
  for (const tok of context.sentence.tokens) {
    for (const { rule, pattern } of engine.index.get(tok.stem) ?? []) {
      const list = candidates.get(rule);
      if (!list) candidates.set(rule, [pattern]);
      else if (!list.includes(pattern)) list.push(pattern);
    }
  }
  for (const list of candidates.values()) list.sort((a, b) => a.order - b.order);
  const ctx: SentenceContext = { ...context, candidates, earlier: { any: false, sellerCentric: false } };
  const hits: RuleHit[] = [];
  for (const compiled of engine.sentenceRules) {
    if (!candidates.has(compiled) && !engine.alwaysTry.has(compiled)) continue;
    if (compiled.kind.judges !== 'sentence') continue;
    const hit = compiled.kind.check(compiled, ctx);
    if (!hit) continue;
    hits.push({ rule: compiled.rule, from: hit.from, to: hit.to });
    ctx.earlier.any = true;
    if (compiled.rule.focus === 'seller-centric') ctx.earlier.sellerCentric = true;
  }
  return hits;
}

/** Runs the call rules (metrics, then sequences) on the finished call. */
export function judgeCall(engine: Engine, ctx: CallContext): Array<CallHit & { rule: Rule }> {
  const hits: Array<CallHit & { rule: Rule }> = [];
  for (const compiled of engine.callRules) {
    if (compiled.kind.judges !== 'call') continue;
    const hit = compiled.kind.check(compiled, ctx);
    if (hit) hits.push({ ...hit, rule: compiled.rule });
  }
  return hits;
}

/** Single words of the lexicon's journey-* classes, by stem, with the steps they cue. */
function journeyCueIndex(lexicon: Lexicon): Map<string, JourneyStepName[]> {
  const index = new Map<string, JourneyStepName[]>();
  for (const step of ['reasons', 'explore', 'decide', 'own'] as const) {
    for (const entry of lexicon.get(`journey-${step}`) ?? []) {
      const toks = tokenize(entry);
      if (toks.length !== 1) continue;
      const list = index.get(toks[0]!.stem) ?? [];
      if (!list.includes(step)) list.push(step);
      index.set(toks[0]!.stem, list);
    }
  }
  return index;
}
