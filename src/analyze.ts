/** The analysis of one call: transcript and rules in, a CallReport out. No printing, no I/O. */
import type { CallReport, Finding, InputFormat, JourneyStepName, Role, Rule, Transcript } from './types.js';
import { parseText, type ParseOptions } from './transcript/index.js';
import { decideRoles, GIVEN_BY_DEFAULT } from './roles/detect.js';
import { tokenize, countWords, type Token } from './language/tokens.js';
import { classifyQuestion } from './language/questions.js';
import { callMetrics, speakerStats, type QuestionCounts } from './metrics/talk.js';
import { scoreCall } from './metrics/score.js';
import { rankTips } from './metrics/tips.js';
import { mapJourney, type JourneyTurn } from './metrics/journey.js';
import { checkMetric } from './kinds/metric.js';
import { SENTENCE_KINDS } from './kinds/index.js';
import { compileRules, type CompiledRule, type Engine } from './rules/engine.js';
import type { CompiledPattern } from './patterns/compile.js';
import { loadRules } from './rules/load.js';
import { lineAt } from './transcript/position.js';
import type { Sentence } from './language/sentences.js';
import type { Turn } from './types.js';
import { models } from './model/bundle.js';
import { speakerSpeech } from './roles/speech.js';
import { cueLists } from './judge/cues.js';
import { walkCall } from './judge/walk.js';
import { turnSentences } from './judge/segment.js';
import { ruleVotes } from './judge/votes.js';
import { sentenceFeatures } from './judge/features.js';
import { judgeSentences, type Judgement } from './judge/decide.js';

export interface AnalyzeOptions {
  /** The file name to report (also a hint for format detection). */
  file?: string;
  /** Seller names; without them the sellers are detected. */
  sellers?: readonly string[];
  /** Where the seller names were given, shown with the roles (the command line says "--seller", or a file's name). */
  sellersFrom?: string;
  /** Force an input format. */
  format?: InputFormat | 'auto';
  columns?: Record<string, string>;
  /** "discovery", "demo", ...: picks per-call-type thresholds of conversation-shape rules. */
  callType?: string;
  /** Ask compromise for the subject when the opening words do not settle it (costs ~0.6 s to load). */
  deepParse?: boolean;
  /** Compiled rules; defaults to the built-in pack. */
  engine?: Engine;
}

let defaultEngine: Engine | undefined;

/** The built-in rules, compiled once per process. */
export function builtinEngine(): Engine {
  defaultEngine ??= compileRules(loadRules());
  return defaultEngine;
}

/** Parses and analyzes a transcript. Throws InputProblem when the text is not a readable transcript. */
export function analyze(text: string, options: AnalyzeOptions = {}): CallReport {
  const parseOptions: ParseOptions = { fileName: options.file };
  if (options.format) parseOptions.format = options.format;
  if (options.columns) parseOptions.columns = options.columns;
  return analyzeTranscript(parseText(text, parseOptions), options);
}

/** Analyzes a parsed transcript. Never throws on odd content. */
export function analyzeTranscript(transcript: Transcript, options: AnalyzeOptions = {}): CallReport {
  const engine = options.engine ?? builtinEngine();
  const { turns } = transcript;
  const roleDecisions = decideRoles(turns, {
    speech: (t) => speakerSpeech(t, models().speech),
    ...(options.sellers ? { sellers: options.sellers } : {}),
    ...(options.sellersFrom ? { sellersFrom: options.sellersFrom } : {}),
    ...(transcript.participants ? { participants: transcript.participants } : {}),
  });
  const roleByName = new Map(roleDecisions.map((r) => [r.name, r.role]));
  const roleOf = (name: string): Role => roleByName.get(name) ?? 'buyer';
  const roles = turns.map((t) => roleOf(t.speaker));
  // One speaker is a script, however the role was decided: there is no conversation shape to judge.
  const script = roleDecisions.length === 1;
  const warnings = [...transcript.warnings];
  if (options.sellers?.length && !roles.includes('seller')) {
    warnings.push(`no speaker matches ${options.sellersFrom ?? GIVEN_BY_DEFAULT} ${options.sellers.join(', ')} (speakers: ${roleDecisions.map((r) => r.name).join(', ')})`);
  }

  const wordsPerTurn = turns.map((t) => countWords(t.text));
  const findings: Finding[] = [];
  const questions: QuestionCounts = { total: 0, open: 0, closed: 0, leading: 0 };
  const cueSteps = journeyCueIndex(engine.lexicon);
  const journeyTurns: JourneyTurn[] = [];

  const bundle = models();
  const cueList = cueLists(engine.lexicon);
  const tokensByTurn = turns.map((t) => tokenize(t.text));
  const sentences: JudgedSentence[] = [];
  walkCall(turns, (_, i) => roles[i] === 'seller', cueList, (turn, turnIndex, base) => {
    let indexInTurn = 0;
    turnSentences(turn.text, bundle.boundary).forEach((sentence) => {
      const tokens = tokenize(sentence.text);
      if (tokens.length === 0) return;
      const question = classifyQuestion(tokens, sentence.questionMark, sentence.text);
      if (question.isQuestion) {
        questions.total++;
        questions[question.type!]++;
      }
      const { hits, votes } = ruleVotes(engine, sentence.text, tokens, question, options.deepParse ?? false);
      const features = sentenceFeatures(sentence.text, tokens, question, votes, script ? undefined : { ...base, indexInTurn: indexInTurn++ });
      sentences.push({ turn: turnIndex, sentence, tokens, hits, features });
    });
  }, (_, i) => tokensByTurn[i]!);
  const judgements = judgeSentences(bundle.sentence, sentences, script);
  sentences.forEach((s, i) => {
    const finding = sentenceFinding(s, judgements[i]!, turns[s.turn]!, engine, bundle.sentence.first);
    if (finding) findings.push(finding);
  });
  turns.forEach((turn, turnIndex) => {
    const cues = new Set<JourneyStepName>();
    for (const tok of tokensByTurn[turnIndex]!) for (const st of cueSteps.get(tok.stem) ?? []) cues.add(st);
    journeyTurns.push({ role: roles[turnIndex] === 'seller' ? 'seller' : 'buyer', line: turn.line, cues });
  });

  applySuppressions(findings, transcript);
  const metrics = callMetrics(turns, roles, wordsPerTurn, questions, findings);
  const firstSellerTurn = roles.indexOf('seller');
  for (const rule of engine.metricRules) {
    if (script && rule.metric?.name !== 'longestSellerMonologueWords') continue;
    const hit = checkMetric(rule, metrics, options.callType);
    if (!hit) continue;
    const at = Math.max(0, firstSellerTurn);
    findings.push({
      ruleId: rule.id,
      kind: rule.focus,
      category: rule.category,
      severity: rule.severity,
      speaker: turns[at]?.speaker ?? '',
      line: turns[at]?.line ?? 1,
      turn: at,
      text: '',
      match: '',
      column: 0,
      message: `${rule.message} (${formatMetric(rule, hit.value)} is ${hit.direction} the ${hit.direction === 'above' ? 'limit' : 'minimum'} of ${formatMetric(rule, hit.limit)})`,
      suggestion: rule.suggestion,
      scope: 'call',
    });
  }

  const weighted = (kind: string) =>
    findings.filter((f) => f.kind === kind && !f.suppressed && f.scope !== 'call').reduce((s, f) => s + (engine.byId.get(f.ruleId)?.weight ?? 1), 0);
  const scoreInput = { metrics, sellerCentric: weighted('seller-centric'), buyerOwnership: weighted('buyer-ownership'), script };
  const { score, components } = scoreCall(scoreInput);

  const speakers = speakerStats(turns, roleOf, wordsPerTurn);
  return {
    file: options.file ?? '<text>',
    format: transcript.format,
    ...(transcript.layout ? { layout: transcript.layout } : {}),
    ...(options.callType ? { callType: options.callType } : {}),
    score,
    scoreComponents: components,
    speakers,
    roles: roleDecisions,
    metrics,
    findings,
    journey: mapJourney(journeyTurns, findings),
    tips: rankTips(findings, engine.byId, scoreInput, components),
    warnings,
    timeline: turns.map((t, i) => ({
      role: roles[i]!,
      words: wordsPerTurn[i]!,
      ...(t.start !== undefined ? { start: t.start } : {}),
      ...(t.end !== undefined ? { end: t.end } : {}),
    })),
  };
}

interface RuleHit {
  rule: Rule;
  from: number;
  to: number;
}

interface JudgedSentence {
  turn: number;
  sentence: Sentence;
  tokens: Token[];
  hits: RuleHit[];
  features: string[];
}

const SEVERITY_RANK: Record<string, number> = { error: 0, warning: 1, info: 2 };

/**
 * At most one finding a sentence, of the kind the sentence judge settled on: the strongest rule of
 * that kind that matched (the others listed), else the model's own rule for that kind. A rule the
 * model was never trained with (a user's pack) speaks for itself: its kind wins.
 */
function sentenceFinding(s: JudgedSentence, judgement: Judgement, turn: Turn, engine: Engine, known: { index: ReadonlyMap<string, unknown> }): Finding | undefined {
  const own = s.hits.filter((h) => !known.index.has(`r:${h.rule.id}`));
  const label = own.length ? own[0]!.rule.focus : judgement.label;
  if (label === 'neutral') return undefined;
  const sameKind = (own.length ? own : s.hits).filter((h) => h.rule.focus === label);
  sameKind.sort((a, b) => SEVERITY_RANK[a.rule.severity]! - SEVERITY_RANK[b.rule.severity]!);
  const chosen = sameKind[0];
  const rule = chosen?.rule ?? engine.byId.get(label === 'seller-centric' ? 'likely-seller-centric' : 'likely-buyer-ownership');
  if (!rule) return undefined;
  const from = chosen ? s.tokens[chosen.from]!.start : 0;
  const to = chosen ? s.tokens[Math.max(chosen.from, chosen.to - 1)]!.end : s.sentence.text.length;
  const match = s.sentence.text.slice(from, to);
  const pos = lineAt(turn, s.sentence.start + from);
  return {
    ruleId: rule.id,
    kind: rule.focus,
    category: rule.category,
    severity: rule.severity,
    speaker: turn.speaker,
    line: pos.line,
    ...(pos.time !== undefined ? { time: pos.time } : {}),
    turn: s.turn,
    text: s.sentence.text,
    match,
    column: from,
    message: rule.message,
    suggestion: fillSuggestion(rule.suggestion, match),
    ...(sameKind.length > 1 ? { alsoMatched: sameKind.slice(1).map((h) => h.rule.id) } : {}),
    confidence: judgement.p[label === 'seller-centric' ? 0 : 1]!,
  };
}

/** Runs the sentence-level rules: seller-centric phrases first, so that questions can yield to them. */
export function judgeSentence(engine: Engine, text: string, tokens: readonly Token[], question: ReturnType<typeof classifyQuestion>, deepParse = false): RuleHit[] {
  const candidates = new Map<CompiledRule, CompiledPattern[]>();
  for (const tok of tokens) {
    for (const { rule, pattern } of engine.index.get(tok.stem) ?? []) {
      const list = candidates.get(rule);
      if (!list) candidates.set(rule, [pattern]);
      else if (!list.includes(pattern)) list.push(pattern);
    }
  }
  for (const list of candidates.values()) list.sort((a, b) => a.order - b.order);
  const ordered = engine.sentenceRules.filter((c) => candidates.has(c) || engine.alwaysTrySet.has(c));
  ordered.sort((a, b) => rank(a) - rank(b));
  const ctx = { text, tokens, question, sellerCentricPhrase: false, anyHit: false, candidates, deepParse };
  const hits: RuleHit[] = [];
  for (const compiled of ordered) {
    const check = SENTENCE_KINDS[compiled.rule.kind];
    const hit = check?.(compiled, ctx);
    if (!hit) continue;
    hits.push({ rule: compiled.rule, from: hit.from, to: hit.to });
    ctx.anyHit = true;
    if (compiled.rule.focus === 'seller-centric') ctx.sellerCentricPhrase = true;
  }
  return hits;
}

/** Phrases first, then questions, then focus, the classifier last; seller-centric before buyer-ownership. */
function rank(c: CompiledRule): number {
  const kind = c.rule.kind === 'phrase' ? 0 : c.rule.kind === 'question' ? 2 : c.rule.kind === 'focus' ? 4 : 6;
  return kind + (c.rule.focus === 'seller-centric' ? 0 : 1);
}

/** A suggestion may quote the matched words as {match}, so that it speaks to this sentence. */
function fillSuggestion(template: string, match: string): string {
  return template.includes('{match}') ? template.split('{match}').join(match) : template;
}

function applySuppressions(findings: Finding[], transcript: Transcript): void {
  const list = transcript.suppressions;
  if (!list?.length) return;
  for (const f of findings) {
    if (list.some((s) => s.line === f.line && (s.ruleIds.length === 0 || s.ruleIds.includes(f.ruleId)))) f.suppressed = true;
  }
}

function journeyCueIndex(lexicon: ReadonlyMap<string, string[]>): Map<string, JourneyStepName[]> {
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

function formatMetric(rule: Rule, value: number): string {
  const name = rule.metric?.name ?? '';
  if (name === 'sellerTalkShare') return `${Math.round(value * 100)}%`;
  if (name.endsWith('Seconds')) return `${Math.round(value)} s`;
  if (name.endsWith('Words')) return `${value} words`;
  return String(value);
}
